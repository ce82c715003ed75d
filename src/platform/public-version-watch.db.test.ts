import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase, PG_URL } from '../../test/helpers/db.js';
import { openDatabase } from './db/database.js';
import type { Db } from './db/schema.js';
import { bumpPublicVersion, currentPublicVersion, pendingStamps, PENDING_MS } from './public-version.js';
import { elapsedMs } from './clock.js';
import { watchPublicVersion, type PublicVersionSource } from './public-version-watch.js';

const NOW = () => new Date('2026-12-06T02:00:00Z');
const bump = (db: Db) => db.transaction().execute((trx) => bumpPublicVersion(trx, { now: NOW }));

/** Waits (at most 5 s) for a condition the listener brings about asynchronously. */
async function until(what: string, ok: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`timed out waiting until ${what}`);
}

it('SQLite: the stamp is read from the database on every request', async () => {
  const { database, drop } = await freshDatabase('sqlite');
  const w = watchPublicVersion(database, { listen: true });
  try {
    assert.equal(await w.version(), '');
    await bump(database.db);
    assert.equal(await w.version(), await currentPublicVersion(database.db));
    assert.notEqual(await w.version(), '');
    assert.equal(w.fromMemory(), false);
  } finally {
    await w.close();
    await drop();
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
      await bump(second.db);
      await until('node A follows a change made on node B', async () => {
        const now = await currentPublicVersion(second.db);
        return a.fromMemory() && (await a.version()) === now;
      });
      const last = await currentPublicVersion(second.db);

      // A change that rolls back is never announced: both keep the committed stamp (read from the database
      // while the rolled-back stamp is awaited).
      await first.database.db
        .transaction()
        .execute(async (trx) => {
          await bumpPublicVersion(trx, { now: NOW });
          throw new Error('rolled back');
        })
        .catch(() => undefined);
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
