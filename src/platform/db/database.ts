import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely } from 'kysely';
import type { DB, Dialect } from './schema.js';
import { openSqlite, restoreSqlite } from './dialects/sqlite.js';
import { openPostgres, restorePostgres } from './dialects/postgres.js';

/** An open database with its dialect and a way to close it. */
export interface Database {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  close(): Promise<void>;
  /** Whether the server answers a trivial query. */
  ping(): Promise<boolean>;
  /** A consistent online backup to a file (SQLite backup API; pg_dump custom format). */
  backup(file: string): Promise<void>;
  /**
   * PostgreSQL only: a connection of its own that LISTENs on `channel` (payloads to `onNotify`); `onEnd` is
   * called once when that connection is lost. Resolves once listening.
   */
  listen?(channel: string, h: ListenHandlers): Promise<{ close(): Promise<void> }>;
  /**
   * SQLite only: `PRAGMA data_version` of this connection, which changes whenever another connection (another
   * process's) commits, never for this connection's own commits. Synchronous, microseconds.
   */
  dataVersion?(): number;
}

export interface ListenHandlers {
  onNotify(payload: string): void;
  onEnd(): void;
}

export interface DatabaseOptions {
  dialect: Dialect;
  sqliteFile?: string;
  /** SQLite's page cache, MB (better-sqlite3's default, 16 MB, when absent). */
  sqliteCacheMb?: number;
  url?: string;
  poolSize?: number;
}

/** Opens SQLite (file, WAL, foreign keys) or PostgreSQL (pool). */
export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.dialect === 'sqlite') {
    const file = opts.sqliteFile ?? ':memory:';
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    return openSqlite(file, opts.sqliteCacheMb);
  }
  if (!opts.url) throw new Error('PostgreSQL URL missing');
  return openPostgres(opts.url, opts.poolSize ?? 10);
}

/** Replaces the database's contents with a backup made by `backup` (server must be stopped). */
export async function restoreDatabase(opts: DatabaseOptions, file: string): Promise<void> {
  if (opts.dialect === 'sqlite') return restoreSqlite(file, opts.sqliteFile ?? '');
  if (!opts.url) throw new Error('PostgreSQL URL missing');
  return restorePostgres(file, opts.url);
}
