/**
 * Read queries of the public catalogue pages (portal home, 第二十条 pages, feeds, sitemap, downloads),
 * all starting from `publicItems` (the public door); the portal calls these instead of building queries.
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import {
  getItem,
  listVersions,
  publicCounts,
  publicItems,
  publicLinksOf,
  type ItemVersionRow,
  type ItemWithOrg,
} from './catalog.store.js';
import { getAttachment, listAttachments, type AttachmentWithFile } from './attachments.store.js';

export {
  listPublicItems,
  publicCategoryCounts,
  listCategories,
  type ItemWithOrg,
  type CategoryRow,
  type ItemVersionRow,
} from './catalog.store.js';
export { getPublicAttachment, type AttachmentWithFile } from './attachments.store.js';
export { isPublicSort, PUBLIC_SORTS, type PublicSort } from './item-sorts.rules.js';

/** The public items an item interprets and those interpreting it. */
export type PublicLinks = Awaited<ReturnType<typeof publicLinksOf>>;

/** Published items per agency (catalogue home): org id → count. */
export async function publicTotalsByOrg(db: Db, today: string): Promise<Map<number, number>> {
  const totals = new Map<number, number>();
  for (const c of await publicCounts(db, today)) totals.set(c.org_id, (totals.get(c.org_id) ?? 0) + c.n);
  return totals;
}

const ofOrg = (db: Db, today: string, orgId: number | undefined) => {
  const q = publicItems(db, today);
  return orgId ? q.where('items.org_id', '=', orgId) : q;
};

/** Published items per 第二十条 item (1–15), of one agency or all: item number → count. */
export async function article20Counts(db: Db, today: string, orgId?: number): Promise<Map<number, number>> {
  const rows = await ofOrg(db, today, orgId)
    .clearSelect()
    .select(['items.article20_item', sql<number>`count(*)`.as('n')])
    .groupBy('items.article20_item')
    .execute();
  return new Map(rows.filter((r) => r.article20_item !== null).map((r) => [Number(r.article20_item), Number(r.n)]));
}

/** A page of the published items of one 第二十条 item, newest first. */
export async function article20Items(
  db: Db,
  today: string,
  f: { item: number; orgId?: number; limit: number; offset: number },
): Promise<{ rows: ItemWithOrg[]; total: number }> {
  const q = ofOrg(db, today, f.orgId).where('items.article20_item', '=', f.item);
  const total = Number(
    (
      await q
        .clearSelect()
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await q
    .orderBy('items.published_on', 'desc')
    .orderBy('items.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total };
}

/** The newest published items of a feed (all, one agency, one of its categories). */
export function feedItems(
  db: Db,
  today: string,
  f: { orgId?: number; categoryId?: number; limit: number },
): Promise<ItemWithOrg[]> {
  let q = ofOrg(db, today, f.orgId);
  if (f.categoryId) q = q.where('items.category_id', '=', f.categoryId);
  return q.orderBy('items.published_on', 'desc').orderBy('items.id', 'desc').limit(f.limit).execute();
}

/** Every published item's id and 发布日期 (sitemap.xml), at most `limit`. */
export function sitemapItems(
  db: Db,
  today: string,
  limit: number,
): Promise<Array<{ id: number; published_on: string | null }>> {
  return publicItems(db, today)
    .clearSelect()
    .select(['items.id', 'items.published_on'])
    .orderBy('items.id')
    .limit(limit)
    .execute();
}

/** A category of one agency's 公开目录 (id and name), or undefined. */
export const findOrgCategory = (
  db: Db,
  orgId: number,
  categoryId: number,
): Promise<{ id: number; name: string } | undefined> =>
  db
    .selectFrom('catalog_categories')
    .select(['id', 'name'])
    .where('id', '=', categoryId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();

/** Staff preview of an item, whatever its status: the item with what its public page shows. */
export async function itemPreview(
  db: Db,
  today: string,
  id: number,
): Promise<
  { item: ItemWithOrg; versions: ItemVersionRow[]; attachments: AttachmentWithFile[]; links: PublicLinks } | undefined
> {
  const item = await getItem(db, id);
  if (!item) return undefined;
  return {
    item,
    versions: await listVersions(db, item.id),
    attachments: await listAttachments(db, item.id),
    links: await publicLinksOf(db, today, item.id),
  };
}

/** An attachment of an item with the item's org path (staff download), whatever the item's status. */
export async function staffAttachment(
  db: Db,
  itemId: number,
  id: number,
): Promise<{ file: AttachmentWithFile; orgPath: string } | undefined> {
  const file = await getAttachment(db, id);
  if (!file || file.item_id !== itemId) return undefined;
  const item = await getItem(db, file.item_id);
  return item ? { file, orgPath: item.org_path } : undefined;
}
