import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describeDb } from '../../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { TEST_NOW } from '../../../test/helpers/clock.js';
import { createOrg } from '../../orgs/index.js';
import { anchorRestoredHead, verifyAuditLog } from './audit.js';
import { rekeyAuditLog } from './audit-rekey.js';
import { GENESIS_HASH, hashEvent } from './audit.rules.js';
import { systemActor } from '../context.js';

/** Issue 16 item 3: rows written before the chain was keyed are re-chained with the key by `gongkai audit rekey`. */
describeDb('audit rekey: legacy rows re-chained with the key', (h) => {
  /** Three rows as an installation wrote them before the chain was keyed (bare sha256, no anchor file yet). */
  async function legacyRows(): Promise<void> {
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const rec = {
        seq,
        at: TEST_NOW,
        actor_id: null,
        actor_label: 'system:cli',
        action: 'org.create',
        subject_type: 'org',
        subject_id: String(seq),
        org_id: null,
        summary: `旧记录 ${seq}`,
        ip: null,
        prev_hash: prev,
      };
      const hash = hashEvent(rec);
      await h
        .db()
        .insertInto('audit_events')
        .values({ ...rec, hash })
        .execute();
      prev = hash;
    }
  }
  const rows = () => h.db().selectFrom('audit_events').selectAll().orderBy('seq').execute();

  it('re-chains every legacy row with the key, records it, and verify then checks the whole chain keyed', async () => {
    assert.equal(existsSync(h.config.auditAnchorFile), false);
    await legacyRows();
    const root = await makeOrg(h.db());
    const admin = await makeUser(h.db(), [['agency_admin', root]]);
    for (const name of ['甲科', '乙科'])
      await createOrg(h.ctx(admin.actor), { parentId: root.id, kind: 'section', name });
    assert.deepEqual((await verifyAuditLog(h.db(), h.config)).problems, []);
    const before = await rows();
    assert.deepEqual(
      before.map((r) => r.hash.startsWith('k1:')),
      [false, false, false, true, true],
    );

    const r = await rekeyAuditLog(h.ctx(systemActor('cli')));
    assert.deepEqual(r, { legacy: 3, relinked: 2 });
    const after = await rows();
    assert.equal(after.length, 6);
    assert.ok(after.every((x) => x.hash.startsWith('k1:')));
    // Content untouched; the new event says what happened.
    assert.deepEqual(
      after.slice(0, 5).map((x) => x.summary),
      before.map((x) => x.summary),
    );
    assert.equal(after[5]!.action, 'audit.rekey');
    assert.match(after[5]!.summary, /3 条审计记录已用密钥重新计算哈希/);
    assert.deepEqual((await verifyAuditLog(h.db(), h.config)).problems, []);
    const anchor = readFileSync(h.config.auditAnchorFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(anchor.at(-2), { rekeyed: true, legacyUntil: 0, seq: 5, hash: after[4]!.hash });
    assert.deepEqual(anchor.at(-1), { seq: 6, hash: after[5]!.hash });

    // Nothing left to do the second time.
    assert.deepEqual(await rekeyAuditLog(h.ctx(systemActor('cli'))), { legacy: 0, relinked: 0 });

    // Restoring a backup taken before the rekey brings the unkeyed rows back: the restore line allows them again.
    const backup = before.map((x) => ({ ...x }));
    await h.db().deleteFrom('audit_events').execute();
    await h.db().insertInto('audit_events').values(backup).execute();
    const tail = backup[backup.length - 1]!;
    await h
      .db()
      .updateTable('settings')
      .set({ value: JSON.stringify({ seq: tail.seq, hash: tail.hash }) })
      .where('key', '=', 'audit.head')
      .execute();
    assert.ok((await verifyAuditLog(h.db(), h.config)).problems.length > 0, 'before the restore line');
    await anchorRestoredHead(h.db(), h.config);
    assert.deepEqual((await verifyAuditLog(h.db(), h.config)).problems, []);
    assert.deepEqual(await rekeyAuditLog(h.ctx(systemActor('cli'))), { legacy: 3, relinked: 2 });
    assert.deepEqual((await verifyAuditLog(h.db(), h.config)).problems, []);
    const again = await rows();

    // From now on an unkeyed row is an alteration, even among the first three.
    const first = again[0]!;
    const forged = { ...first, summary: '伪造的旧记录' };
    await h
      .db()
      .updateTable('audit_events')
      .set({ summary: forged.summary, hash: hashEvent(forged) })
      .where('seq', '=', 1)
      .execute();
    const v = await verifyAuditLog(h.db(), h.config);
    assert.ok(
      v.problems.some((p) => p.seq === 1 && p.problem === 'edited'),
      JSON.stringify(v.problems),
    );
  });
});

describeDb('audit rekey refuses a damaged chain', (h) => {
  it('a tampered legacy row is reported, and nothing is re-hashed', async () => {
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 2; seq++) {
      const rec = {
        seq,
        at: TEST_NOW,
        actor_id: null,
        actor_label: 'system:cli',
        action: 'org.create',
        subject_type: 'org',
        subject_id: String(seq),
        org_id: null,
        summary: `旧记录 ${seq}`,
        ip: null,
        prev_hash: prev,
      };
      const hash = hashEvent(rec);
      await h
        .db()
        .insertInto('audit_events')
        .values({ ...rec, hash })
        .execute();
      prev = hash;
    }
    await h.db().updateTable('audit_events').set({ summary: '被改过' }).where('seq', '=', 1).execute();
    const before = await h.db().selectFrom('audit_events').selectAll().orderBy('seq').execute();
    await assert.rejects(rekeyAuditLog(h.ctx(systemActor('cli'))), { code: 'audit_chain_damaged' });
    assert.deepEqual(await h.db().selectFrom('audit_events').selectAll().orderBy('seq').execute(), before);
  });
});
