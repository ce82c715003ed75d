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

describeDb('bulk writes', (h) => {
  it('SQLite checkpoints its log less often during the writes, and as before after them (also after a failure)', async () => {
    const db = h.db();
    if (h.dialect !== 'sqlite') {
      assert.equal(await withBulkWrites(db, async () => 42), 42);
      return;
    }
    const before = await checkpointPages(db);
    const during = await withBulkWrites(db, () => checkpointPages(db));
    assert.ok(during > before, `${during} > ${before}`);
    assert.equal(await checkpointPages(db), before);
    await assert.rejects(
      withBulkWrites(db, async () => {
        throw new Error('stop');
      }),
      /stop/,
    );
    assert.equal(await checkpointPages(db), before);
  });
});
