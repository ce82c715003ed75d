import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { todayInShanghai } from '../platform/dates.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { syncSearchDocuments } from '../search/index.js';
import { publicItems } from './catalog.store.js';
import { attachmentTexts } from './attachments.store.js';
import { itemSearchDoc } from './catalog-search-source.js';

/**
 * After any change of an item: the search index holds it exactly when the public may see it
 * (published, 主动公开, 发布日期 reached), and public pages get a new Last-Modified.
 */
export async function syncItemIndex(trx: Db, ctx: Pick<Ctx, 'now'>, itemId: number): Promise<void> {
  await syncItemsIndex(trx, ctx, [itemId]);
}

/** `syncItemIndex` for many items at once (an import batch): one read of the items and their attachment texts, one version bump. */
export async function syncItemsIndex(trx: Db, ctx: Pick<Ctx, 'now'>, itemIds: readonly number[]): Promise<void> {
  if (!itemIds.length) return;
  const at = ctx.now().toISOString();
  const pub = new Map(
    (
      await publicItems(trx, todayInShanghai(ctx.now()))
        .where('items.id', 'in', [...itemIds])
        .execute()
    ).map((i) => [i.id, i]),
  );
  const texts = await attachmentTexts(trx, [...pub.keys()]);
  await syncSearchDocuments(
    trx,
    itemIds.map((id) => {
      const item = pub.get(id);
      return { docType: 'catalog_item', docId: id, doc: item ? itemSearchDoc(item, texts.get(id)) : null };
    }),
    at,
  );
  await bumpPublicVersion(trx, ctx);
}
