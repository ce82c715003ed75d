/** Read queries of the console's item lists (staff: every status, within the reader's subtrees). */
import type { Db } from '../platform/db/schema.js';
import {
  findItemByIndexNo,
  listForTimeliness,
  listItems,
  listUninterpreted,
  type ItemListFilter,
  type ItemWithOrg,
} from './catalog.store.js';

export type { ItemListFilter, ItemWithOrg };

/** One page of the staff item list. */
export const staffItems = (db: Db, f: ItemListFilter): Promise<{ rows: ItemWithOrg[]; total: number }> =>
  listItems(db, f);

/** Every item within `orgPaths` (the catalogue export). */
export const allStaffItems = async (db: Db, orgPaths: string[]): Promise<ItemWithOrg[]> =>
  (await listItems(db, { orgPaths, limit: 100_000, offset: 0 })).rows;

/** 主动公开 items created since `since`, for the timeliness page. */
export const timelinessCandidates = (db: Db, orgPaths: string[], since: string): Promise<ItemWithOrg[]> =>
  listForTimeliness(db, orgPaths, since);

/** Published policy documents still without an interpretation, published by `publishedBy`. */
export const uninterpretedItems = (db: Db, orgPaths: string[], publishedBy: string): Promise<ItemWithOrg[]> =>
  listUninterpreted(db, orgPaths, publishedBy);

/** The item an editor names by its number or its 索引号 (undefined when there is none by that 索引号). */
export async function itemByReference(db: Db, ref: string): Promise<{ id: number } | undefined> {
  return /^\d{1,9}$/.test(ref) ? { id: Number(ref) } : findItemByIndexNo(db, ref.toUpperCase());
}
