import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB, Dialect } from './schema.js';

/**
 * The few statements that differ between dialects, in one place (CONVENTIONS §9).
 */
export function dialectOf(db: Kysely<DB>): Dialect {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter' ? 'postgres' : 'sqlite';
}

/**
 * Serialises writers of one chain (the audit log) inside a transaction. SQLite
 * transactions already hold the single write lock, PostgreSQL takes an advisory lock.
 */
export async function lockChain(trx: Kysely<DB>, key: number): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}

/**
 * A column SQLite must not choose its index by (unary `+`): its planner prefers any index whose columns
 * the conditions name in order, even one that reads an agency's whole history. PostgreSQL plans by cost.
 */
export function notForIndex(db: Kysely<DB>, ref: string): RawBuilder<string> {
  return dialectOf(db) === 'postgres' ? sql`${sql.ref(ref)}` : sql`+${sql.ref(ref)}`;
}

/**
 * Ends a statement PostgreSQL keeps prepared even though it searches (named, parsed and planned once per
 * connection; see dialects/postgres.ts): for a statement whose plan does not depend on the words, run in a
 * transaction with `plan_cache_mode = force_generic_plan` (the search's results page, postgres-page.ts).
 */
export const KEEP_PLAN = '/* gk:keep-plan */';
