import type { Db } from '../platform/db/schema.js';
import { sql } from 'kysely';
import { htmlToText, ATTACHMENTS_MARK, type SearchSource, type SearchDoc } from '../search/index.js';
import { publicItems, type ItemWithOrg } from './catalog.store.js';
import { attachmentTexts } from './attachments.store.js';

/** The search document of a public item; `attachmentTexts` are the extracted texts of its attachments. */
export function itemSearchDoc(r: ItemWithOrg, attachmentTexts: string[] = []): SearchDoc {
  return {
    docType: 'catalog_item',
    docId: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    categoryId: r.category_id,
    categoryName: r.category_name,
    topic: r.topic,
    genre: r.genre,
    validity: r.validity,
    publishedOn: r.published_on,
    title: r.title,
    body: [
      r.summary ?? '',
      htmlToText(r.body_html),
      ...(attachmentTexts.some(Boolean) ? [ATTACHMENTS_MARK, ...attachmentTexts] : []),
    ]
      .filter(Boolean)
      .join('\n'),
    docNo: r.doc_no,
    indexNo: r.index_no,
    url: `/gk/items/${r.id}`,
  };
}

/** The catalogue as a search source: only what `publicItems` shows (published, 主动公开, 发布日期 reached). */
export const catalogSearchSource: SearchSource = {
  docType: 'catalog_item',
  async count(db: Db, today: string) {
    const r = await publicItems(db, today)
      .clearSelect()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async *documents(db: Db, today: string) {
    let after = 0;
    for (;;) {
      const batch = await publicItems(db, today).where('items.id', '>', after).orderBy('items.id').limit(500).execute();
      if (!batch.length) return;
      const texts = await attachmentTexts(
        db,
        batch.map((r) => r.id),
      );
      for (const r of batch) yield itemSearchDoc(r, texts.get(r.id));
      after = batch[batch.length - 1]!.id;
    }
  },
};
