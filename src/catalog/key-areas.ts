/**
 * Read queries of the 重点领域 pages (`/zdly`): the mapping as stored (or the default), the categories of
 * each area across the county, counts and pages of their public items through `publicItems` (the public door).
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { readSetting } from '../platform/settings.store.js';
import { listPublicItems, publicItems, type ItemWithOrg } from './catalog.store.js';
import {
  areaCategoryIds,
  KEY_AREAS,
  readMapping,
  type AgencyCategory,
  type KeyAreaMapping,
} from './key-areas.rules.js';

/** Settings key of the mapping (JSON: area slug → words). */
export const KEY_AREAS_SETTING = 'catalog.key_areas';

/** The mapping in force: the stored one completed with the defaults. */
export async function keyAreaMapping(db: Db): Promise<KeyAreaMapping> {
  return readMapping(await readSetting(db, KEY_AREAS_SETTING));
}

const categoriesOfOrgs = (db: Db, orgId?: number): Promise<AgencyCategory[]> => {
  let q = db.selectFrom('catalog_categories').select(['id', 'org_id', 'parent_id', 'name', 'sort_order']);
  if (orgId) q = q.where('org_id', '=', orgId);
  return q.execute();
};

/** Public items per area, across the county or of one agency: area slug → count. */
export async function keyAreaCounts(db: Db, today: string, orgId?: number): Promise<Map<string, number>> {
  const mapping = await keyAreaMapping(db);
  const categories = await categoriesOfOrgs(db, orgId);
  let q = publicItems(db, today).where('items.category_id', 'is not', null);
  if (orgId) q = q.where('items.org_id', '=', orgId);
  const rows = await q
    .clearSelect()
    .select(['items.category_id', sql<number>`count(*)`.as('n')])
    .groupBy('items.category_id')
    .execute();
  const perCategory = new Map(rows.map((r) => [Number(r.category_id), Number(r.n)]));
  return new Map(
    KEY_AREAS.map((a) => [
      a.slug,
      areaCategoryIds(categories, mapping[a.slug] ?? []).reduce((s, id) => s + (perCategory.get(id) ?? 0), 0),
    ]),
  );
}

/** A page of an area's public items (all agencies or one), newest first. */
export async function keyAreaItems(
  db: Db,
  today: string,
  f: { slug: string; orgId?: number; limit: number; offset: number },
): Promise<{ rows: ItemWithOrg[]; total: number }> {
  const mapping = await keyAreaMapping(db);
  const categoryIds = areaCategoryIds(await categoriesOfOrgs(db, f.orgId), mapping[f.slug] ?? []);
  return listPublicItems(db, today, { orgId: f.orgId, categoryIds, limit: f.limit, offset: f.offset });
}
