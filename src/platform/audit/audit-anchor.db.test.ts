import { it } from 'node:test';
import assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import { describeDb } from '../../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { createOrg } from '../../orgs/create-org.js';
import { verifyAuditLog } from './audit.js';
import { hashEvent } from './audit.rules.js';

/** Issue 16 item 3: the chain is keyed and anchored outside the database. */
describeDb('the keyed, anchored audit chain', (h) => {
  it('audit verify reports truncation with a rewritten head, re-hashing without the key, and a deleted anchor file', async () => {
    const root = await makeOrg(h.db());
    const admin = await makeUser(h.db(), [['agency_admin', root]]);
    for (const name of ['甲科', '乙科', '丙科', '丁科'])
      await createOrg(h.ctx(admin.actor), { parentId: root.id, kind: 'section', name });
    assert.deepEqual((await verifyAuditLog(h.db(), h.config)).problems, []);
    const rows = await h.db().selectFrom('audit_events').selectAll().orderBy('seq').execute();
    assert.ok(
      rows.every((r) => r.hash.startsWith('k1:')),
      'new rows carry keyed hashes',
    );
    const snapshot = rows.map((r) => ({ ...r }));
    const restore = async () => {
      await h.db().deleteFrom('audit_events').execute();
      await h.db().insertInto('audit_events').values(snapshot).execute();
      const last = snapshot[snapshot.length - 1]!;
      await h
        .db()
        .updateTable('settings')
        .set({ value: JSON.stringify({ seq: last.seq, hash: last.hash }) })
        .where('key', '=', 'audit.head')
        .execute();
    };

    // 1. Delete the last two rows and set the stored head to the new last hash.
    const keep = rows[rows.length - 3]!;
    await h.db().deleteFrom('audit_events').where('seq', '>', keep.seq).execute();
    await h
      .db()
      .updateTable('settings')
      .set({ value: JSON.stringify({ seq: keep.seq, hash: keep.hash }) })
      .where('key', '=', 'audit.head')
      .execute();
    let r = await verifyAuditLog(h.db(), h.config);
    assert.deepEqual(
      r.problems.map((p) => p.problem),
      ['truncated'],
    );
    assert.match(r.problems[0]!.detail, /锚点文件/);
    await restore();
    assert.deepEqual((await verifyAuditLog(h.db(), h.config)).problems, []);

    // 2. Edit a row and re-hash the chain from there on with the unkeyed sha256 (all a database user can do).
    let prev = rows[1]!.hash;
    for (const row of rows.slice(2)) {
      const rec = { ...row, summary: row.seq === rows[2]!.seq ? '篡改后的摘要' : row.summary, prev_hash: prev };
      const hash = hashEvent(rec);
      await h
        .db()
        .updateTable('audit_events')
        .set({ summary: rec.summary, prev_hash: prev, hash })
        .where('seq', '=', row.seq)
        .execute();
      prev = hash;
    }
    await h
      .db()
      .updateTable('settings')
      .set({ value: JSON.stringify({ seq: rows[rows.length - 1]!.seq, hash: prev }) })
      .where('key', '=', 'audit.head')
      .execute();
    r = await verifyAuditLog(h.db(), h.config);
    assert.ok(
      r.problems.some((p) => p.problem === 'edited' && p.seq === rows[2]!.seq),
      JSON.stringify(r.problems),
    );
    await restore();

    // 3. Delete the anchor file.
    renameSync(h.config.auditAnchorFile, `${h.config.auditAnchorFile}.moved`);
    r = await verifyAuditLog(h.db(), h.config);
    assert.deepEqual(
      r.problems.map((p) => p.problem),
      ['anchor'],
    );
    assert.match(r.problems[0]!.detail, /锚点文件不存在/);
    // The next event does not quietly start a new anchor file: the gap stays visible.
    await createOrg(h.ctx(admin.actor), { parentId: root.id, kind: 'section', name: '戊科' });
    r = await verifyAuditLog(h.db(), h.config);
    assert.deepEqual(
      r.problems.map((p) => p.problem),
      ['anchor'],
    );
    assert.match(r.problems[0]!.detail, /缺少起始记录/);
    renameSync(`${h.config.auditAnchorFile}.moved`, h.config.auditAnchorFile);
  });
});
