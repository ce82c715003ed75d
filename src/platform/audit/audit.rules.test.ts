import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENESIS_HASH, hashEvent, verifyChain, type AuditRecord } from './audit.rules.js';

function chain(n: number) {
  const rows: Array<AuditRecord & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r: AuditRecord = {
      seq: i,
      at: `2026-01-0${i}T00:00:00.000Z`,
      actor_id: 1,
      actor_label: 'a',
      action: 'x',
      subject_type: 's',
      subject_id: String(i),
      org_id: null,
      summary: `第${i}条`,
      ip: null,
      prev_hash: prev,
    };
    const hash = hashEvent(r);
    rows.push({ ...r, hash });
    prev = hash;
  }
  return rows;
}

test('an intact chain verifies', () => {
  const rows = chain(5);
  assert.deepEqual(verifyChain(rows, { seq: 5, hash: rows[4].hash }).problems, []);
});

test('an edited row is reported as edited', () => {
  const rows = chain(5);
  rows[2] = { ...rows[2], summary: '改过' };
  assert.deepEqual(
    verifyChain(rows).problems.map((p) => [p.seq, p.problem]),
    [[3, 'edited']],
  );
});

test('a deleted row breaks the next link and leaves a gap', () => {
  const rows = chain(5);
  rows.splice(1, 1);
  const p = verifyChain(rows).problems.map((x) => x.problem);
  assert.ok(p.includes('gap') && p.includes('broken_link'));
});

test('a deleted tail is found against the recorded head', () => {
  const rows = chain(5);
  const head = { seq: 5, hash: rows[4].hash };
  assert.deepEqual(
    verifyChain(rows.slice(0, 4), head).problems.map((p) => p.problem),
    ['truncated'],
  );
});

test("with a key, unkeyed rows are accepted only up to the anchor's legacyUntil; the anchor head must be present", () => {
  const key = Buffer.alloc(32, 7);
  const legacy = chain(3);
  const r4: AuditRecord = { ...legacy[2]!, seq: 4, summary: '第4条', prev_hash: legacy[2]!.hash };
  const rows = [...legacy, { ...r4, hash: hashEvent(r4, key) }];
  const anchor = { legacyUntil: 3, head: { seq: 4, hash: rows[3]!.hash } };
  assert.deepEqual(verifyChain(rows, null, { key, anchor }).problems, []);
  assert.deepEqual(
    verifyChain(rows, null, { key, anchor: { ...anchor, legacyUntil: 2 } }).problems.map((p) => [p.seq, p.problem]),
    [[3, 'edited']],
  );
  const rehashed = [...legacy, { ...r4, hash: hashEvent(r4) }];
  assert.ok(verifyChain(rehashed, null, { key, anchor }).problems.some((p) => p.seq === 4 && p.problem === 'edited'));
  assert.deepEqual(
    verifyChain(rows.slice(0, 3), null, { key, anchor }).problems.map((p) => p.problem),
    ['truncated'],
  );
});
