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
 * The number under `key` of a JSON object kept as text in column `ref`: null when absent; anything but a
 * JSON number there is an error on PostgreSQL.
 */
export function jsonNumber(db: Kysely<DB>, ref: string, key: string): RawBuilder<number | null> {
  if (!/^[a-zA-Z_]+$/.test(key)) throw new Error(`jsonNumber: ${key}`);
  return dialectOf(db) === 'postgres'
    ? sql`(${sql.ref(ref)}::json ->> ${sql.lit(key)})::numeric`
    : sql`json_extract(${sql.ref(ref)}, ${sql.lit(`$.${key}`)})`;
}

/**
 * A column SQLite must not choose its index by (unary `+`): its planner prefers any index whose columns
 * the conditions name in order, even one that reads an agency's whole history. PostgreSQL plans by cost.
 */
export function notForIndex(db: Kysely<DB>, ref: string): RawBuilder<string> {
  return dialectOf(db) === 'postgres' ? sql`${sql.ref(ref)}` : sql`+${sql.ref(ref)}`;
}

/**
 * A text column compared byte by byte (ISO dates, codes): on PostgreSQL `collate "C"`, which skips the
 * database locale's rules (a `C.UTF-8` database compares by them); SQLite compares bytes anyway.
 */
export function bytewise(db: Kysely<DB>, ref: string): RawBuilder<string> {
  return dialectOf(db) === 'postgres' ? sql`${sql.ref(ref)} collate "C"` : sql`${sql.ref(ref)}`;
}
