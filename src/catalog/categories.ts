import { bumpPublicVersion } from '../platform/public-version.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { tx } from '../platform/tx.js';
import { DEFAULT_CATEGORIES } from './catalog-labels.rules.js';
import { insertCategories, listCategories, type CategoryRow } from './catalog.store.js';

export type { CategoryRow };

/**
 * An agency's 公开目录 categories, seeded with the usual 组配分类 on first use (inside the caller's
 * transaction). Seeding reference data is not a state change of record: no audit event.
 */
export async function ensureCategories(trx: Db, orgId: number, now: string): Promise<CategoryRow[]> {
  const existing = await listCategories(trx, orgId);
  if (existing.length) return existing;
  await insertCategories(trx, orgId, DEFAULT_CATEGORIES, now);
  await bumpPublicVersion(trx, { now: () => new Date(now) }); // the catalogue pages list them
  return listCategories(trx, orgId);
}

/** The agency a category belongs to (undefined when there is no such category). */
export async function categoryOrg(ctx: { db: Db }, id: number): Promise<number | undefined> {
  return (await ctx.db.selectFrom('catalog_categories').select('org_id').where('id', '=', id).executeTakeFirst())
    ?.org_id;
}

/** The agency's categories, seeding the usual 组配分类 on first use (the item forms and the category page). */
export const categoriesOf = (ctx: Ctx, orgId: number): Promise<CategoryRow[]> =>
  tx(ctx, (trx) => ensureCategories(trx, orgId, ctx.now().toISOString()));

/** The agency's categories as they are (no seeding): the list filter. */
export const agencyCategories = (db: Db, orgId: number): Promise<CategoryRow[]> => listCategories(db, orgId);
