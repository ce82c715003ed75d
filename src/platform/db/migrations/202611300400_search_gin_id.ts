import { sql, type Kysely } from 'kysely';
import { isPostgres } from './_lib.js';

/**
 * PostgreSQL: the search GIN index also holds the document id (btree_gin), so "matches among the
 * newest ids" (the search window) is answered inside the index instead of visiting every match's row.
 * btree_gin is a trusted contrib extension; where it cannot be created the plain index stays (slower
 * windows, same results). Rebuilding the index takes minutes on a million documents.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  const def = await sql<{ d: string }>`select pg_get_indexdef('search_texts_tsv'::regclass) as d`.execute(db);
  if (/\(tsv, id\)/.test(def.rows[0]?.d ?? '')) return;
  await sql`savepoint gk_btree_gin`.execute(db);
  try {
    await sql`create extension if not exists btree_gin`.execute(db);
    await sql`release savepoint gk_btree_gin`.execute(db);
  } catch {
    await sql`rollback to savepoint gk_btree_gin`.execute(db);
    return;
  }
  await sql`drop index search_texts_tsv`.execute(db);
  await sql`create index search_texts_tsv on search_texts using gin (tsv, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index if exists search_texts_tsv`.execute(db);
  await sql`create index search_texts_tsv on search_texts using gin (tsv)`.execute(db);
}
