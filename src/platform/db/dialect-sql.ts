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
