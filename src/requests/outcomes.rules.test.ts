import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTCOMES, TABLE3_ROWS, isOutcomeCode, outcomeByCode, outcomeText } from './outcomes.rules.js';

test('table 三: 25 numeric rows, of which 21 are outcome leaves with unique codes', () => {
  assert.equal(TABLE3_ROWS.length, 25);
  assert.equal(OUTCOMES.length, 21);
  assert.equal(new Set(OUTCOMES.map((o) => o.code)).size, 21);
  const groups = (p: string) => OUTCOMES.filter((o) => o.code.startsWith(p)).length;
  assert.deepEqual(
    [groups('1'), groups('2'), groups('3.'), groups('4.'), groups('5.'), groups('6.')],
    [1, 1, 8, 3, 5, 3],
  );
  for (const o of OUTCOMES) assert.match(o.basis, /条例|办法/);
});

test('labels are verbatim', () => {
  assert.equal(outcomeByCode('2')?.label, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  assert.equal(outcomeByCode('3.3')?.label, '3.危及“三安全一稳定”');
  assert.equal(outcomeByCode('6.1')?.label, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
  assert.equal(outcomeText('4.2'), '（四）无法提供 · 2.没有现成信息需要另行制作');
  // A row that is its own group is named once.
  assert.equal(outcomeText('1'), '（一）予以公开');
  assert.equal(outcomeText('2'), '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  assert.equal(isOutcomeCode('3.9'), false);
});
