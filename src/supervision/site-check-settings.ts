/**
 * Where the website check keeps its settings and history: the platform `settings` table (key → JSON),
 * so that no further migration is needed. Keys: `supervision.check.kinds.<orgId>` (category → kind),
 * `supervision.check.history.<orgId>` (the last 100 results, newest first), `supervision.check.table`
 * (deduction table overriding the defaults).
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { DEFAULT_CHECK_SETTINGS, type CheckResult, type CheckSettings, type ColumnKind } from './site-check.rules.js';

/** One stored check. */
export interface StoredCheck {
  checkedOn: string;
  at: string;
  result: CheckResult;
  added: string[];
  resolved: string[];
}

export const kindsKey = (orgId: number): string => `supervision.check.kinds.${orgId}`;
const HISTORY_PREFIX = 'supervision.check.history.';
export const historyKey = (orgId: number): string => `${HISTORY_PREFIX}${orgId}`;
export const TABLE_KEY = 'supervision.check.table';
export const HISTORY_LIMIT = 100;

/** A stored JSON value, or the fallback when there is none (or it is not JSON: an old or hand-edited value counts as unset). */
function parsed<T>(value: string | undefined, fallback: T): T {
  if (value === undefined) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

async function read<T>(db: Db, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return parsed(row?.value, fallback);
}

/** Writes a JSON setting (inside the caller's transaction). */
export async function writeSetting(
  db: Db,
  key: string,
  value: unknown,
  now: string,
  userId: number | null,
): Promise<void> {
  const v = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: v, updated_at: now, updated_by: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: v, updated_at: now, updated_by: userId }))
    .execute();
}

/** Category kinds of an agency (category id → kind). */
export const readKinds = (db: Db, orgId: number): Promise<Record<string, ColumnKind>> => read(db, kindsKey(orgId), {});
/** Check history of an agency, newest first. */
export const readHistory = (db: Db, orgId: number): Promise<StoredCheck[]> => read(db, historyKey(orgId), []);
/** The latest check of each agency of the subtrees that has been checked (org id → check). */
export async function latestChecks(db: Db, paths: readonly string[]): Promise<Map<number, StoredCheck>> {
  if (!paths.length) return new Map();
  const rows = await db
    .selectFrom('orgs as o')
    .innerJoin('settings as s', (j) => j.on(sql<boolean>`s.key = ${HISTORY_PREFIX} || cast(o.id as text)`))
    .select(['o.id', 's.value'])
    .where((eb) => eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`))))
    .execute();
  const out = new Map<number, StoredCheck>();
  for (const r of rows) {
    const last = parsed<StoredCheck[]>(r.value, [])[0];
    if (last) out.set(r.id, last);
  }
  return out;
}

/** The thresholds and deduction table in force. */
export async function readCheckSettings(db: Db): Promise<CheckSettings> {
  const over = await read<Partial<CheckSettings>>(db, TABLE_KEY, {});
  return {
    ...DEFAULT_CHECK_SETTINGS,
    ...over,
    deductions: { ...DEFAULT_CHECK_SETTINGS.deductions, ...(over.deductions ?? {}) },
    externalLinks: { ...DEFAULT_CHECK_SETTINGS.externalLinks, ...(over.externalLinks ?? {}) },
  };
}
