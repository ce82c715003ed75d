import type { Db } from './db/schema.js';

/** The stored value of a setting, or undefined. */
export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

/** Inserts or replaces a setting. */
export async function writeSetting(db: Db, key: string, value: string, at: string, by: number | null): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute();
}
