import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeDb } from '../../../test/helpers/db.js';
import { withBulkWrites } from './bulk-writes.js';
import type { Db } from './schema.js';

const checkpointPages = async (db: Db) =>
  Number(
    (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]?.wal_autocheckpoint,
  );
const cacheSize = async (db: Db) =>
  Number((await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size);

describeDb('bulk writes', (h) => {
  it('SQLite checkpoints its log less often and keeps a smaller page cache during the writes, and as before after them (also after a failure)', async () => {
    const db = h.db();
    if (h.dialect !== 'sqlite') {
      assert.equal(await withBulkWrites(db, async () => 42), 42);
      return;
    }
    await sql`pragma cache_size = -65536`.execute(db); // the application's 64 MB
    const before = await checkpointPages(db);
    const [during, cacheDuring] = await withBulkWrites(db, async () => [
      await checkpointPages(db),
      await cacheSize(db),
    ]);
    assert.ok(during > before, `${during} > ${before}`);
    assert.equal(cacheDuring, -16_000, 'a smaller page cache while importing');
    assert.equal(await checkpointPages(db), before);
    assert.equal(await cacheSize(db), -65536);
    await assert.rejects(
      withBulkWrites(db, async () => {
        throw new Error('stop');
      }),
      /stop/,
    );
    assert.equal(await checkpointPages(db), before);
    assert.equal(await cacheSize(db), -65536);
    // A cache already smaller stays as it is.
    await sql`pragma cache_size = -2000`.execute(db);
    assert.equal(await withBulkWrites(db, () => cacheSize(db)), -2000);
    assert.equal(await cacheSize(db), -2000);
  });
});
