import { sql } from 'kysely';
import type { Db } from './schema.js';
import { dialectOf } from './dialect-sql.js';

/**
 * WAL pages after which SQLite copies the log back into the database file during a bulk write (its
 * default is 1,000, about 4 MB): 64 MB. Each of those checkpoints writes and syncs the pages the
 * last commits changed, and an import's batches change the same index pages again and again, so
 * fewer, larger checkpoints write far less (catalogue import of 20,000 rows: 14–16 s → 10–11 s).
 */
const BULK_CHECKPOINT_PAGES = 16_384;
/**
 * The page cache during a bulk write, KiB (at most; a smaller setting stays): the pages an import dirties
 * are written once per batch and rarely read again, so a search-sized cache (GONGKAI_SQLITE_CACHE_MB,
 * 64 MB by default) would only hold them — 20,000 rows through the CLI peaked at 333 MB with it, 272 MB with 16 MB.
 */
const BULK_CACHE_KIB = 16_000;

const pragma = async (db: Db, name: 'wal_autocheckpoint' | 'cache_size') =>
  Number((await sql.raw<Record<string, number>>(`pragma ${name}`).execute(db)).rows[0]?.[name]);

/**
 * Runs a long series of write transactions (a catalogue import) with SQLite checkpointing its
 * write-ahead log less often and a smaller page cache, then restores both settings. Every transaction
 * still commits to the log as before (same durability: `synchronous = NORMAL` in WAL mode); the log file
 * may grow to about 64 MB meanwhile. PostgreSQL: runs `fn` as is.
 */
export async function withBulkWrites<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return fn();
  const checkpoint = await pragma(db, 'wal_autocheckpoint');
  const cache = await pragma(db, 'cache_size'); // negative: KiB; positive: pages
  const cacheKib = cache < 0 ? -cache : Infinity;
  await sql.raw(`pragma wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`).execute(db);
  if (cacheKib > BULK_CACHE_KIB) await sql.raw(`pragma cache_size = ${-BULK_CACHE_KIB}`).execute(db);
  try {
    return await fn();
  } finally {
    await sql.raw(`pragma wal_autocheckpoint = ${Number.isFinite(checkpoint) ? checkpoint : 1000}`).execute(db);
    if (cacheKib > BULK_CACHE_KIB && Number.isFinite(cache)) await sql.raw(`pragma cache_size = ${cache}`).execute(db);
  }
}
