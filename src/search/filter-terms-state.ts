/**
 * Whether every indexed document carries its filter terms (filter-tokens.rules.ts). Documents indexed
 * before filter terms existed lack them, so filtered queries use the terms only once the index is known
 * to hold them: an empty index at migration, or after `gongkai search reindex`.
 */
import type { Db } from '../platform/db/schema.js';

export const FILTER_TERMS_KEY = 'search.filter_terms';

/** True when filtered queries may AND the filter terms into the full-text match. */
export async function filterTermsIndexed(db: Db): Promise<boolean> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', FILTER_TERMS_KEY).executeTakeFirst();
  return r?.value === '1';
}

/** Records that every document now carries its filter terms (after a full reindex). */
export async function markFilterTermsIndexed(db: Db, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: FILTER_TERMS_KEY, value: '1', updated_at: at, updated_by: null })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: '1', updated_at: at }))
    .execute();
}
