import type { Db } from '../platform/db/schema.js';
import { DEFAULT_INDEX_PATTERN } from './index-number.rules.js';

/** Settings key of an agency's 索引号 pattern. */
export const indexPatternKey = (orgId: number): string => `catalog.index_pattern.${orgId}`;

/** An agency's 索引号 pattern (the default when none is set). */
export async function getIndexPattern(db: Db, orgId: number): Promise<string> {
  const r = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', indexPatternKey(orgId))
    .executeTakeFirst();
  return r?.value ?? DEFAULT_INDEX_PATTERN;
}
