import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditActionLabel } from './audit-labels.js';

/** Every source file under src, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );
}

test('every audit action the code writes has a Chinese label', () => {
  const root = join(import.meta.dirname, '..', '..');
  const codes = new Set<string>();
  for (const file of sources(root))
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (/^\s*action: /.test(line)) for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(m[1]!);
  assert.ok(codes.size > 100, `found ${codes.size}`);
  // The codes built from a value: the item workflow's actions and the two moderations.
  for (const a of ['submit', 'approve', 'return', 'publish', 'schedule', 'release', 'withdraw', 'correct', 'edit'])
    codes.add(`item.${a}`);
  for (const d of ['release', 'reject']) codes.add(`message.moderate.${d}`);
  for (const d of ['approved', 'rejected']) codes.add(`comment.moderate.${d}`);
  const missing = [...codes].filter((c) => !auditActionLabel(c));
  assert.deepEqual(missing, []);
  assert.equal(auditActionLabel('item.approve'), '公开信息 · 审核通过');
  assert.equal(auditActionLabel('request.answer'), '依申请公开 · 答复');
  assert.equal(auditActionLabel('made.up'), undefined);
  assert.equal(auditActionLabel('nodot'), undefined);
});
