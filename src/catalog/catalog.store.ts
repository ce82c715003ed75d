import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { CatalogCategoriesTable, ItemReviewsTable, ItemsTable, ItemVersionsTable } from './catalog.tables.js';
import { PROACTIVE } from './catalog-labels.rules.js';
import { parseDocNumber } from './doc-number.rules.js';
import {
  PUBLIC_ORDERS,
  STAFF_ORDERS,
  type ItemOrder,
  type PublicSort,
  type StaffItemSort,
} from './item-sorts.rules.js';
import './catalog.tables.js';

export type ItemRow = Selectable<ItemsTable>;
export type CategoryRow = Selectable<CatalogCategoriesTable>;
export type ItemReviewRow = Selectable<ItemReviewsTable>;
export type ItemVersionRow = Selectable<ItemVersionsTable>;
/** An item with its agency and category names. */
export type ItemWithOrg = ItemRow & {
  org_name: string;
  org_path: string;
  category_name: string | null;
  author_name: string | null;
};

const withOrg = (db: Db) =>
  db
    .selectFrom('items')
    .innerJoin('orgs', 'orgs.id', 'items.org_id')
    .leftJoin('catalog_categories', 'catalog_categories.id', 'items.category_id')
    .leftJoin('users', 'users.id', 'items.author_id')
    .selectAll('items')
    .select([
      'orgs.name as org_name',
      'orgs.path as org_path',
      'catalog_categories.name as category_name',
      'users.display_name as author_name',
    ]);

/** One item by id (staff: any status). */
export const getItem = (db: Db, id: number): Promise<ItemWithOrg | undefined> =>
  withOrg(db).where('items.id', '=', id).executeTakeFirst();

/** An item by 索引号. */
export const findItemByIndexNo = (db: Db, indexNo: string): Promise<{ id: number } | undefined> =>
  db.selectFrom('items').select('id').where('index_no', '=', indexNo).executeTakeFirst();

/** Inserts an item; returns its id. */
/** The columns of a new item that no one has reviewed, replaced or withdrawn yet (version 1). */
export const NEW_ITEM_COLUMNS = {
  validity_on: null,
  replaced_by_id: null,
  secrecy_reviewer: null,
  legality_reviewer: null,
  approver: null,
  withdrawn_reason: null,
  version: 1,
} as const;

export async function insertItem(db: Db, row: Insertable<ItemsTable>): Promise<number> {
  const r = await db.insertInto('items').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Updates columns of an item. */
export async function updateItemRow(db: Db, id: number, fields: Updateable<ItemsTable>): Promise<void> {
  await db.updateTable('items').set(fields).where('id', '=', id).execute();
}

/** Filters of the console list. */
export interface ItemListFilter {
  orgPaths: string[];
  statuses?: string[];
  categoryId?: number;
  orgId?: number;
  genre?: string;
  authorId?: number;
  /** 生成日期 range, inclusive. */
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  sort?: StaffItemSort;
  limit: number;
  offset: number;
}

/** One page of an item list in `order`, and the count of the whole list. */
async function pageOf(
  q: ReturnType<typeof withOrg>,
  order: ItemOrder,
  limit: number,
  offset: number,
): Promise<{ rows: ItemWithOrg[]; total: number }> {
  const total = await q
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  let sorted = q;
  for (const [column, dir, nullsLast] of [...order, ['items.id', order[order.length - 1]![1]] as const]) {
    if (nullsLast) sorted = sorted.orderBy(sql`${sql.ref(column)} is null`, 'asc');
    sorted = sorted.orderBy(sql.ref(column), dir);
  }
  return { rows: await sorted.limit(limit).offset(offset).execute(), total: Number(total.n) };
}

/** Staff list of items within the actor's subtrees. */
export async function listItems(db: Db, f: ItemListFilter): Promise<{ rows: ItemWithOrg[]; total: number }> {
  if (!f.orgPaths.length) return { rows: [], total: 0 };
  let q = withOrg(db).where((eb) => eb.or(f.orgPaths.map((p) => eb('orgs.path', 'like', `${p}%`))));
  if (f.statuses?.length) q = q.where('items.status', 'in', f.statuses);
  if (f.categoryId) q = q.where('items.category_id', '=', f.categoryId);
  if (f.orgId) q = q.where('items.org_id', '=', f.orgId);
  if (f.genre) q = q.where('items.genre', '=', f.genre);
  if (f.authorId) q = q.where('items.author_id', '=', f.authorId);
  if (f.createdFrom) q = q.where('items.created_on', '>=', f.createdFrom);
  if (f.createdTo) q = q.where('items.created_on', '<=', f.createdTo);
  if (f.q) {
    // A 文号 is found in either form: as typed (`示政发(2026)3号`) or normalized (`示政发〔2026〕3号`).
    const text = f.q;
    const norm = parseDocNumber(text)?.normalized ?? text;
    q = q.where((eb) =>
      eb.or([
        eb('items.title', 'like', `%${text}%`),
        eb('items.index_no', '=', text),
        eb('items.doc_no_norm', '=', norm),
        eb('items.doc_no', '=', text),
      ]),
    );
  }
  return pageOf(q, STAFF_ORDERS[f.sort ?? 'updated'], f.limit, f.offset);
}

// ---------------------------------------------------------------------------------------------
// The public door. EVERY portal and public-API read starts from `publicItems`: published,
// 主动公开, and a 发布日期 not after today. Nothing else may query items for the public.
// ---------------------------------------------------------------------------------------------

/** The only query of items the public may see (条例第十三条: only 主动公开 items, once published). */
export function publicItems(db: Db, today: string) {
  return withOrg(db)
    .where('items.status', '=', 'published')
    .where('items.disclosure_mode', '=', PROACTIVE)
    .where('items.published_on', 'is not', null)
    .where('items.published_on', '<=', today);
}

/** A published item for the public, or undefined. */
export const getPublicItem = (db: Db, today: string, id: number): Promise<ItemWithOrg | undefined> =>
  publicItems(db, today).where('items.id', '=', id).executeTakeFirst();

/** A page of published items in the order asked (发布日期, newest first, by default). */
export async function listPublicItems(
  db: Db,
  today: string,
  f: { orgId?: number; categoryId?: number; categoryIds?: number[]; sort?: PublicSort; limit: number; offset: number },
): Promise<{ rows: ItemWithOrg[]; total: number }> {
  let q = publicItems(db, today);
  if (f.orgId) q = q.where('items.org_id', '=', f.orgId);
  if (f.categoryId) q = q.where('items.category_id', '=', f.categoryId);
  if (f.categoryIds)
    q = f.categoryIds.length ? q.where('items.category_id', 'in', f.categoryIds) : q.where(sql<boolean>`1 = 0`);
  return pageOf(q, PUBLIC_ORDERS[f.sort ?? 'date'], f.limit, f.offset);
}

/** Public items of one agency per category id (null: 未分类), for its category tree. */
export async function publicCategoryCounts(db: Db, today: string, orgId: number): Promise<Map<number | null, number>> {
  const rows = await publicItems(db, today)
    .where('items.org_id', '=', orgId)
    .clearSelect()
    .select(['items.category_id', sql<number>`count(*)`.as('n')])
    .groupBy('items.category_id')
    .execute();
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}

/** Counts of published items per agency and category (catalogue home). */
export async function publicCounts(
  db: Db,
  today: string,
): Promise<
  Array<{ org_id: number; org_name: string; category_id: number | null; category_name: string | null; n: number }>
> {
  const rows = await publicItems(db, today)
    .clearSelect()
    .select([
      'items.org_id',
      'orgs.name as org_name',
      'items.category_id',
      'catalog_categories.name as category_name',
      sql<number>`count(*)`.as('n'),
    ])
    .groupBy(['items.org_id', 'orgs.name', 'items.category_id', 'catalog_categories.name'])
    .orderBy('orgs.name')
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

// ---------------------------------------------------------------------------------------------

/** Appends a workflow step. */
export async function insertReview(db: Db, row: Insertable<ItemReviewsTable>): Promise<void> {
  await db.insertInto('item_reviews').values(row).execute();
}

/** Workflow history of an item, oldest first. */
export const listReviews = (db: Db, itemId: number): Promise<ItemReviewRow[]> =>
  db.selectFrom('item_reviews').selectAll().where('item_id', '=', itemId).orderBy('id').execute();

/** Keeps a previous version (勘误). */
export async function insertVersion(db: Db, row: Insertable<ItemVersionsTable>): Promise<void> {
  await db.insertInto('item_versions').values(row).execute();
}

/** Previous versions with their public revision notes, oldest first. */
export const listVersions = (db: Db, itemId: number): Promise<ItemVersionRow[]> =>
  db.selectFrom('item_versions').selectAll().where('item_id', '=', itemId).orderBy('version').execute();

/** An agency's categories, in order. */
export const listCategories = (db: Db, orgId: number): Promise<CategoryRow[]> =>
  db
    .selectFrom('catalog_categories')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();

/** Inserts categories for an agency. */
export async function insertCategories(db: Db, orgId: number, names: readonly string[], now: string): Promise<void> {
  if (!names.length) return;
  await db
    .insertInto('catalog_categories')
    .values(
      names.map((name, i) => ({
        org_id: orgId,
        parent_id: null,
        name,
        sort_order: i,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

/** Items due for release: scheduled with a 发布日期 not after today. */
export const listDueScheduled = (db: Db, today: string): Promise<Array<{ id: number }>> =>
  db
    .selectFrom('items')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('published_on', '<=', today)
    .orderBy('id')
    .execute();

/** 主动公开 items (not withdrawn) created on or after `since`, for the timeliness lists. */
export function listForTimeliness(db: Db, orgPaths: string[], since: string): Promise<ItemWithOrg[]> {
  if (!orgPaths.length) return Promise.resolve([]);
  return withOrg(db)
    .where((eb) => eb.or(orgPaths.map((p) => eb('orgs.path', 'like', `${p}%`))))
    .where('items.disclosure_mode', '=', PROACTIVE)
    .where('items.status', '!=', 'withdrawn')
    .where('items.created_on', '>=', since)
    .orderBy('orgs.name')
    .orderBy('items.created_on')
    .limit(5000)
    .execute();
}

// --- 政策解读 links and channels ----------------------------------------------------------------

/** Links an interpretation to a document (idempotent). */
export async function insertLink(db: Db, interpretationId: number, documentId: number, now: string): Promise<boolean> {
  const existing = await db
    .selectFrom('item_links')
    .select('id')
    .where('interpretation_id', '=', interpretationId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('item_links')
    .values({ interpretation_id: interpretationId, document_id: documentId, created_at: now })
    .execute();
  return true;
}

/** Removes a link. */
export async function deleteLink(db: Db, interpretationId: number, documentId: number): Promise<void> {
  await db
    .deleteFrom('item_links')
    .where('interpretation_id', '=', interpretationId)
    .where('document_id', '=', documentId)
    .execute();
}

/** Staff: documents an interpretation explains, and interpretations of a document. */
export async function linksOf(
  db: Db,
  itemId: number,
): Promise<{ documents: Array<{ id: number; title: string }>; interpretations: Array<{ id: number; title: string }> }> {
  const documents = await db
    .selectFrom('item_links')
    .innerJoin('items', 'items.id', 'item_links.document_id')
    .select(['items.id', 'items.title'])
    .where('item_links.interpretation_id', '=', itemId)
    .orderBy('items.id')
    .execute();
  const interpretations = await db
    .selectFrom('item_links')
    .innerJoin('items', 'items.id', 'item_links.interpretation_id')
    .select(['items.id', 'items.title'])
    .where('item_links.document_id', '=', itemId)
    .orderBy('items.id')
    .execute();
  return { documents, interpretations };
}

/** Public: the linked items that are themselves public, through `publicItems`. */
export async function publicLinksOf(
  db: Db,
  today: string,
  itemId: number,
): Promise<{ documents: Array<{ id: number; title: string }>; interpretations: Array<{ id: number; title: string }> }> {
  // One statement (the item page's hottest path): the documents it interprets and its interpretations.
  const rows = await publicItems(db, today)
    .innerJoin('item_links', 'item_links.document_id', 'items.id')
    .clearSelect()
    .select(['items.id', 'items.title', sql<string>`'document'`.as('side')])
    .where('item_links.interpretation_id', '=', itemId)
    .unionAll(
      publicItems(db, today)
        .innerJoin('item_links', 'item_links.interpretation_id', 'items.id')
        .clearSelect()
        .select(['items.id', 'items.title', sql<string>`'interpretation'`.as('side')])
        .where('item_links.document_id', '=', itemId),
    )
    .execute();
  const pick = (side: string) =>
    rows
      .filter((r) => r.side === side)
      .map(({ id, title }) => ({ id, title }))
      .sort((a, b) => a.id - b.id);
  return { documents: pick('document'), interpretations: pick('interpretation') };
}

/** Published policy documents (规章, 规范性文件 or category 政策文件) without any interpretation, published by `publishedBy` (`uninterpretedPublishedBy`). */
export function listUninterpreted(db: Db, orgPaths: string[], publishedBy: string): Promise<ItemWithOrg[]> {
  if (!orgPaths.length) return Promise.resolve([]);
  return withOrg(db)
    .where((eb) => eb.or(orgPaths.map((p) => eb('orgs.path', 'like', `${p}%`))))
    .where('items.status', '=', 'published')
    .where('items.published_on', '<=', publishedBy)
    .where((eb) =>
      eb.or([
        eb('items.is_normative', '=', 1),
        eb('items.is_rule', '=', 1),
        eb('catalog_categories.name', '=', '政策文件'),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('item_links').select('item_links.id').whereRef('item_links.document_id', '=', 'items.id'),
        ),
      ),
    )
    .orderBy('items.published_on')
    .limit(1000)
    .execute();
}

/** Channels an item was also published through. */
export const listChannels = async (db: Db, itemId: number): Promise<string[]> =>
  (
    await db.selectFrom('item_channels').select('channel').where('item_id', '=', itemId).orderBy('channel').execute()
  ).map((r) => r.channel);

/** Replaces an item's channels. */
export async function replaceChannels(db: Db, itemId: number, channels: readonly string[]): Promise<void> {
  await db.deleteFrom('item_channels').where('item_id', '=', itemId).execute();
  if (channels.length)
    await db
      .insertInto('item_channels')
      .values(channels.map((channel) => ({ item_id: itemId, channel })))
      .execute();
}
