import { copyFileSync, existsSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DB } from '../schema.js';
import type { Database } from '../database.js';

/** Prepared statements kept per SQL text (Kysely prepares every query; preparing cost ~12 % of a page). */
const STATEMENT_CACHE = 1000;

/**
 * The better-sqlite3 handle as Kysely sees it, with a bounded cache of prepared statements. A cached
 * statement still being iterated (a streamed query) is `busy`: a fresh one is prepared instead.
 */
export function cachingHandle(raw: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(text: string): BetterSqlite3.Statement {
      const hit = cache.get(text);
      if (hit && !hit.busy) return hit;
      const stmt = raw.prepare(text);
      if (!hit) {
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/**
 * SQLite through better-sqlite3: WAL, foreign keys on, busy timeout, cached prepared statements, and a page
 * cache of `cacheMb` (filled as pages are read; better-sqlite3's default is 16 MB, less than a search's index
 * pages at 100,000 items).
 */
export function openSqlite(file: string, cacheMb?: number): Database & { raw: BetterSqlite3.Database } {
  const raw = new BetterSqlite3(file);
  if (cacheMb !== undefined) raw.pragma(`cache_size = ${-Math.round(cacheMb * 1024)}`);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingHandle(raw) }) });
  const dataVersion = raw.prepare('pragma data_version').pluck();
  return {
    db,
    dialect: 'sqlite',
    raw,
    dataVersion: () => dataVersion.get() as number,
    async close() {
      await db.destroy();
    },
    async backup(target: string) {
      await raw.backup(target);
    },
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Copies a backup over the database file after checking that it is a Gongkai SQLite database. */
export function restoreSqlite(backupFile: string, dbFile: string): void {
  if (!existsSync(backupFile)) throw new Error(`备份文件不存在：${backupFile}`);
  const check = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true });
  try {
    const ok = check.prepare("select name from sqlite_master where type='table' and name='kysely_migration'").get();
    if (!ok) throw new Error('该文件不是 Gongkai 的 SQLite 备份。');
    check.prepare('select count(*) from audit_events').get();
  } finally {
    check.close();
  }
  for (const ext of ['-wal', '-shm']) if (existsSync(dbFile + ext)) rmSync(dbFile + ext);
  copyFileSync(backupFile, dbFile);
}
