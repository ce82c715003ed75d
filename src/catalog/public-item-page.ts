/**
 * Everything the public item page shows, read in one statement: the item (through `publicItems`, the
 * public door), its revision notes, attachments, the public items it interprets or that interpret it,
 * and the public item replacing it, as JSON sub-selects. One round trip instead of five on PostgreSQL,
 * and the statement is built and compiled once (reusableQuery).
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom as pgArray, jsonObjectFrom as pgObject } from 'kysely/helpers/postgres';
import { jsonArrayFrom as liteArray, jsonObjectFrom as liteObject } from 'kysely/helpers/sqlite';
import type { DB, Db } from '../platform/db/schema.js';
import { dialectOf } from '../platform/db/dialect-sql.js';
import { reusableQuery } from '../platform/db/reusable-query.js';
import { publicItems, type ItemVersionRow, type ItemWithOrg } from './catalog.store.js';
import { ATTACHMENT_COLUMNS, type AttachmentWithFile } from './attachments.store.js';

type Link = { id: number; title: string };
export interface PublicItemPageData {
  item: ItemWithOrg;
  versions: ItemVersionRow[];
  attachments: AttachmentWithFile[];
  links: { documents: Link[]; interpretations: Link[] };
  replacedBy?: Link;
  /** Public items whose 替代文件 is this one (取代的文件). */
  replaces: Link[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Sub = SelectQueryBuilder<DB, any, any>;

const read = reusableQuery((db: Db, a: { today: string; id: number }) => {
  const pg = dialectOf(db) === 'postgres';
  const array = (q: Sub): RawBuilder<unknown> => (pg ? pgArray(q) : liteArray(q));
  const object = (q: Sub): RawBuilder<unknown> => (pg ? pgObject(q) : liteObject(q));
  const linked = (from: 'document_id' | 'interpretation_id', to: 'document_id' | 'interpretation_id') =>
    publicItems(db, a.today)
      .innerJoin('item_links', `item_links.${from}`, 'items.id')
      .clearSelect()
      .select(['items.id', 'items.title'])
      .where(`item_links.${to}`, '=', a.id);
  return publicItems(db, a.today)
    .where('items.id', '=', a.id)
    .select([
      array(
        db
          .selectFrom('item_versions')
          .select([
            'id',
            'item_id',
            'version',
            'title',
            'summary',
            'body_html',
            'doc_no',
            'revision_note',
            'corrected_on',
            'corrected_by',
            'created_at',
          ])
          .where('item_id', '=', a.id)
          .orderBy('version'),
      ).as('versions_json'),
      array(
        db
          .selectFrom('item_attachments')
          .innerJoin('catalog_files', 'catalog_files.id', 'item_attachments.file_id')
          .select(ATTACHMENT_COLUMNS)
          .where('item_attachments.item_id', '=', a.id)
          .orderBy('item_attachments.sort_order')
          .orderBy('item_attachments.id'),
      ).as('attachments_json'),
      array(linked('document_id', 'interpretation_id')).as('documents_json'),
      array(linked('interpretation_id', 'document_id')).as('interpretations_json'),
      object(
        publicItems(db, a.today)
          .clearSelect()
          .select(['items.id', 'items.title'])
          .where('items.id', '=', sql<number>`(select r.replaced_by_id from items as r where r.id = ${a.id})`),
      ).as('replaced_by_json'),
      // The back-link: public items this one replaces (their 替代文件 is this item).
      array(
        publicItems(db, a.today)
          .clearSelect()
          .select(['items.id', 'items.title'])
          .where('items.replaced_by_id', '=', a.id),
      ).as('replaces_json'),
    ]);
});

/** SQLite returns the JSON sub-selects as text, PostgreSQL as parsed values. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// Sorted here: an ORDER BY inside the sub-select turns SQLite's plan around (every public item first).
const byId = (links: Link[]) => links.sort((x, y) => x.id - y.id);

/** The public item page's data, or undefined when the item is not public. */
export async function getPublicItemPage(db: Db, today: string, id: number): Promise<PublicItemPageData | undefined> {
  const row = (await read(db, { today, id }))[0] as (ItemWithOrg & Record<`${string}_json`, unknown>) | undefined;
  if (!row) return undefined;
  const {
    versions_json,
    attachments_json,
    documents_json,
    interpretations_json,
    replaced_by_json,
    replaces_json,
    ...item
  } = row;
  return {
    item: item as ItemWithOrg,
    versions: json(versions_json),
    attachments: json(attachments_json),
    links: { documents: byId(json(documents_json)), interpretations: byId(json(interpretations_json)) },
    replacedBy: json<Link | null>(replaced_by_json) ?? undefined,
    replaces: byId(json<Link[] | null>(replaces_json) ?? []),
  };
}
