import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyTable4 } from './appeals.rules.js';

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
