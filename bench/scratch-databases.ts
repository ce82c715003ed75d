/** Throw-away databases for one benchmark run: a SQLite file in a temporary folder, a PostgreSQL database. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { loadConfig } from '../src/platform/config.js';

/** Runs `fn` on a new SQLite database, removed afterwards. */
export async function withScratchSqlite<T>(prefix: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const database = openDatabase({
    dialect: 'sqlite',
    sqliteFile: path.join(dir, 'bench.db'),
    sqliteCacheMb: loadConfig().sqliteCacheMb,
  });
  try {
    return await fn(database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` on a new PostgreSQL database on GONGKAI_BENCH_PG_URL's server (dropped afterwards); false when unset. */
export async function withScratchPostgres(name: string, fn: (db: Database) => Promise<void>): Promise<boolean> {
  const url = process.env.GONGKAI_BENCH_PG_URL;
  if (!url) return false;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = openDatabase({ dialect: 'postgres', url: u.toString(), poolSize: 4 });
  try {
    await fn(database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return true;
}
