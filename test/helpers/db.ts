import { describe, before, after } from 'node:test';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { systemActor, type Actor, type Ctx } from '../../src/platform/context.js';
import type { Db, Dialect } from '../../src/platform/db/schema.js';
import { clockFor } from '../../src/platform/clock.js';
import { TEST_NOW } from './clock.js';

/** PostgreSQL admin URL for tests (a database per test file is created and dropped). */
export const PG_URL = process.env.GONGKAI_TEST_PG_URL ?? '';
const ONLY = (process.env.GONGKAI_TEST_DIALECTS ?? 'sqlite,postgres').split(',');

export function testConfig(over: Record<string, string> = {}): Config {
  // Each test database gets its own audit anchor file (the data folder is shared by every test file).
  const anchor = `anchors/audit-${process.pid}-${randomBytes(6).toString('hex')}.log`;
  return loadConfig({
    GONGKAI_ENV: 'test',
    GONGKAI_DATA_DIR: '.tmp/test-data',
    GONGKAI_LOGIN_MAX_FAILURES: '5',
    GONGKAI_JOBS: 'off',
    GONGKAI_NOW: TEST_NOW,
    GONGKAI_AUDIT_ANCHOR_FILE: anchor,
    ...over,
  });
}

let seq = 0;

/** Opens a fresh, migrated database of the dialect; `drop()` removes it. */
export async function freshDatabase(
  dialect: Dialect,
): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ dialect: 'sqlite', sqliteFile: ':memory:' });
    await migrateToLatest(database.db);
    return { database, drop: () => database.close() };
  }
  const name = `gk_test_${process.pid}_${randomBytes(4).toString('hex')}_${seq++}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = openDatabase({ dialect: 'postgres', url: url.toString(), poolSize: 5 });
  await migrateToLatest(database.db);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface DbHandles {
  dialect: Dialect;
  db(): Db;
  database(): Database;
  config: Config;
  /** A use-case context for an actor (system by default) and an optional fixed clock. */
  ctx(actor?: Actor, now?: Date | (() => Date)): Ctx;
}

/**
 * Runs a test suite once per dialect (CONVENTIONS §10): SQLite always, PostgreSQL
 * when GONGKAI_TEST_PG_URL is set. Filter with GONGKAI_TEST_DIALECTS=sqlite.
 */
export function describeDb(title: string, fn: (h: DbHandles) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (!ONLY.includes(dialect)) continue;
    const skip = dialect === 'postgres' && !PG_URL ? 'SKIPPED: GONGKAI_TEST_PG_URL not set (PostgreSQL tier)' : false;
    describe(`${title} [${dialect}]`, { skip }, () => {
      let handle: Awaited<ReturnType<typeof freshDatabase>> | undefined;
      const config = testConfig();
      before(async () => {
        handle = await freshDatabase(dialect);
      });
      after(async () => {
        await handle?.drop();
      });
      fn({
        dialect,
        db: () => handle!.database.db,
        database: () => handle!.database,
        config,
        ctx: (actor = systemActor('test'), now) => ({
          db: handle!.database.db,
          actor,
          config,
          now: typeof now === 'function' ? now : now ? () => now : clockFor(config),
        }),
      });
    });
  }
}
