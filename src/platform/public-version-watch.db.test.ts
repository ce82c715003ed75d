import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase, PG_URL } from '../../test/helpers/db.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase } from './db/database.js';
import type { Db } from './db/schema.js';
import { bumpPublicVersion, currentPublicVersion, pendingStamps, PENDING_MS } from './public-version.js';
import { elapsedMs } from './clock.js';
import { SQLITE_RECHECK_MS, watchPublicVersion, type PublicVersionSource } from './public-version-watch.js';

const NOW = () => new Date('2026-12-06T02:00:00Z');
const bump = (db: Db) => db.transaction().execute((trx) => bumpPublicVersion(trx, { now: NOW }));
/** A change whose transaction rolls back after writing its stamp. */
const bumpRolledBack = (db: Db) =>
  db
    .transaction()
    .execute(async (trx) => {
      await bumpPublicVersion(trx, { now: NOW });
      throw new Error('rolled back');
    })
    .catch(() => undefined);

/** Waits (at most 5 s) for a condition the listener brings about asynchronously. */
async function until(what: string, ok: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`timed out waiting until ${what}`);
}

it('SQLite: a process keeps the stamp while no other connection has committed (asked once per SQLITE_RECHECK_MS) and it has written none itself', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-stamp-'));
  const file = path.join(dir, 'gongkai.sqlite');
  const here = openDatabase({ dialect: 'sqlite', sqliteFile: file });
  await migrateToLatest(here.db);
  const other = openDatabase({ dialect: 'sqlite', sqliteFile: file }); // another worker process's connection
  let t = 0; // the monotonic clock the rechecks are timed by
  const w = watchPublicVersion(here, { listen: true, elapsed: () => t });
  try {
    assert.equal(await w.version(), '');
    assert.equal(w.fromMemory(), true, 'nothing committed since the read');
    // Another process commits a stamp (as its bumpPublicVersion would; not through this process's counter).
    const at = NOW().toISOString();
    await other.db
      .insertInto('settings')
      .values({ key: 'public.stamp', value: 'from-another-process', updated_at: at, updated_by: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: 'from-another-process', updated_at: at }))
      .execute();
    assert.equal(await w.version(), '', 'data_version is not asked again within SQLITE_RECHECK_MS');
    t += SQLITE_RECHECK_MS;
    assert.equal(w.fromMemory(), false, 'its commit changed data_version');
    assert.equal(await w.version(), 'from-another-process');
    assert.equal(w.fromMemory(), true);
    // This process changes something public on its own connection: data_version stays, its own count moves
    // (seen at once, the clock not moved).
    await bump(here.db);
    assert.equal(w.fromMemory(), false);
    const mine = await currentPublicVersion(here.db);
    assert.notEqual(mine, 'from-another-process');
    assert.equal(await w.version(), mine, 'a process never serves a page older than its own change');
    // A change that rolls back: read once more, the same stamp.
    await bumpRolledBack(here.db);
    assert.equal(await w.version(), mine);
    assert.equal(w.fromMemory(), true);
  } finally {
    await w.close();
    await other.close();
    await here.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it(
  'PostgreSQL: each node keeps the stamp in memory, told of every change by NOTIFY, and reads the database while it cannot be sure',
  { skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL not set' },
  async () => {
    const first = await freshDatabase('postgres');
    const second = openDatabase({ dialect: 'postgres', url: first.url!, poolSize: 2 });
    const watchers: PublicVersionSource[] = [];
    try {
      const a = watchPublicVersion(first.database, { listen: true });
      const b = watchPublicVersion(second, { listen: true });
      const off = watchPublicVersion(second, { listen: false }); // GONGKAI_PG_LISTEN=off
      watchers.push(a, b, off);
      await until('both nodes listen', () => a.fromMemory() && b.fromMemory());
      assert.equal(await b.version(), '');

      // A change committed on node A: A serves it at once (its stamp is pending until notified)…
      pendingStamps.set('long-gone', elapsedMs() - PENDING_MS - 1); // a stamp past waiting for
      await bump(first.database.db);
      assert.equal(pendingStamps.has('long-gone'), false, 'a new stamp forgets those past PENDING_MS');
      const stamp = await currentPublicVersion(first.database.db);
      assert.equal(await a.version(), stamp, 'the writing node never serves what it has just changed');
      assert.equal(await off.version(), stamp, 'without LISTEN the stamp is read every time');
      assert.equal(off.fromMemory(), false);
      // …and node B learns it from the notification, then answers from memory again.
      await until('node B has the new stamp in memory', async () => b.fromMemory() && (await b.version()) === stamp);
      await until('node A answers from memory again', () => a.fromMemory());
      assert.equal(await a.version(), stamp);

      // Node B's listener is cut: B reads from the database (a change without notification is seen at
      // once), then listens again and returns to memory.
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`.execute(second.db);
      await until('node B notices its listener is gone', () => !b.fromMemory() && !a.fromMemory());
      await second.db
        .updateTable('settings')
        .set({ value: 'written-without-notify' })
        .where('key', '=', 'public.stamp')
        .execute();
      assert.equal(await b.version(), 'written-without-notify');
      await until('node B listens again', () => b.fromMemory());
      assert.equal(await b.version(), 'written-without-notify');
      // Node A lost its listener too. Both nodes share this process's pendingStamps here: were A to listen
      // again only after B's notification, it would wait PENDING_MS (10 s) for a stamp it can never be told
      // of (a race of the test, not of separate processes: CI met it once under load).
      await until('node A listens again', () => a.fromMemory());
      await bump(second.db);
      await until('node A follows a change made on node B', async () => {
        const now = await currentPublicVersion(second.db);
        return a.fromMemory() && (await a.version()) === now;
      });
      const last = await currentPublicVersion(second.db);

      // A change that rolls back is never announced: both keep the committed stamp (read from the database
      // while the rolled-back stamp is awaited).
      await bumpRolledBack(first.database.db);
      assert.equal(await a.version(), last);
      assert.equal(await b.version(), last);
      assert.equal(a.fromMemory(), false);
    } finally {
      for (const w of watchers) await w.close();
      await second.close();
      await first.drop();
    }
  },
);
