import { copyFileSync, existsSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DB } from '../schema.js';
import type { Database } from '../database.js';

/** SQLite through better-sqlite3: WAL, foreign keys on, busy timeout. */
export function openSqlite(file: string): Database & { raw: BetterSqlite3.Database } {
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    db,
    dialect: 'sqlite',
    raw,
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
