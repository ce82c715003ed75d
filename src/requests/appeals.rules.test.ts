import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appealDateErrors, tallyTable4 } from './appeals.rules.js';

test('table 四: reconsiderations, direct suits and suits after reconsideration, by result; totals per group', () => {
  const t = tallyTable4(
    [
      { kind: 'reconsideration', afterReconsideration: false, filedOn: '2025-03-01', result: 'upheld' },
      { kind: 'reconsideration', afterReconsideration: false, filedOn: '2025-05-01', result: 'pending' },
      { kind: 'litigation', afterReconsideration: false, filedOn: '2025-06-01', result: 'corrected' },
      { kind: 'litigation', afterReconsideration: true, filedOn: '2025-07-01', result: 'other' },
      { kind: 'litigation', afterReconsideration: true, filedOn: '2024-07-01', result: 'other' },
    ],
    2025,
  );
  assert.deepEqual(t, [
    [1, 0, 0, 1, 2],
    [0, 1, 0, 0, 1],
    [0, 0, 1, 0, 1],
  ]);
});

test('appeal dates: a concluded record has its 审结日期, after the filing and not after today', () => {
  const codes = (a: Parameters<typeof appealDateErrors>[0]) => appealDateErrors(a, '2025-10-09').map((e) => e.code);
  assert.deepEqual(codes({ result: 'pending', filedOn: '2025-10-01' }), []);
  assert.deepEqual(codes({ result: 'upheld', filedOn: '2025-10-01', decidedOn: '2025-10-08' }), []);
  assert.deepEqual(codes({ result: 'upheld', filedOn: '2025-10-01' }), ['appeal_decided_on_required']);
  assert.deepEqual(codes({ result: 'pending', decidedOn: '2025-10-08' }), ['appeal_pending_decided']);
  assert.deepEqual(codes({ result: 'other', filedOn: '2025-10-01', decidedOn: '2025-09-30' }), [
    'appeal_decided_before_filed',
  ]);
  assert.deepEqual(codes({ result: 'other', filedOn: '2025-10-10', decidedOn: '2025-10-11' }), [
    'date_in_future',
    'date_in_future',
  ]);
  assert.deepEqual(codes({ result: 'corrected', decidedOn: '2025-02-30' }), ['invalid_date']);
  // An unknown result is the result field's error alone.
  assert.deepEqual(codes({ result: 'maybe' }), []);
});
