// Tests of src/platform/dates.ts (kept here: this package owns the date helpers' tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  compare,
  dayOfWeek,
  eachDay,
  formatChinese,
  formatChineseShort,
  fromDayNumber,
  isValidIsoDate,
  toDayNumber,
  todayInShanghai,
  weekdayChinese,
} from '../platform/dates.js';
import { isAppError } from '../platform/errors.js';

test('isValidIsoDate accepts real dates and rejects impossible ones', () => {
  const table: [unknown, boolean][] = [
    ['2025-10-30', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['1900-02-29', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-04-31', false],
    ['2025-4-1', false],
    ['2025/04/01', false],
    ['2025-04-01T00:00', false],
    ['', false],
    [20251030, false],
    [null, false],
  ];
  for (const [input, expected] of table) assert.equal(isValidIsoDate(input), expected, String(input));
});

test('day numbers round-trip and match the Unix epoch', () => {
  assert.equal(toDayNumber('1970-01-01'), 0);
  assert.equal(toDayNumber('2025-10-30'), Date.UTC(2025, 9, 30) / 86_400_000);
  for (const d of ['1999-12-31', '2000-02-29', '2008-01-01', '2026-12-31', '2100-03-01']) {
    assert.equal(fromDayNumber(toDayNumber(d)), d);
  }
});

test('addDays crosses months, leap days and years', () => {
  assert.equal(addDays('2025-10-30', 1), '2025-10-31');
  assert.equal(addDays('2025-10-31', 1), '2025-11-01');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2022-12-31', 1), '2023-01-01');
  assert.equal(addDays('2023-01-01', -1), '2022-12-31');
  assert.equal(addDays('2025-01-01', 365), '2026-01-01');
});

test('dayOfWeek: 0 = Sunday … 6 = Saturday', () => {
  assert.equal(dayOfWeek('2025-10-11'), 6); // Saturday (调休上班)
  assert.equal(dayOfWeek('2025-09-28'), 0); // Sunday
  assert.equal(dayOfWeek('2025-10-30'), 4); // Thursday
  assert.equal(dayOfWeek('1970-01-01'), 4);
  assert.equal(weekdayChinese('2025-10-11'), '星期六');
});

test('compare and eachDay', () => {
  assert.equal(compare('2025-01-01', '2025-01-02'), -1);
  assert.equal(compare('2025-01-02', '2025-01-02'), 0);
  assert.equal(compare('2025-02-01', '2025-01-31'), 1);
  assert.deepEqual(eachDay('2022-12-30', '2023-01-02'), ['2022-12-30', '2022-12-31', '2023-01-01', '2023-01-02']);
  assert.deepEqual(eachDay('2025-01-02', '2025-01-01'), []);
});

test('Chinese formatting without leading zeros', () => {
  assert.equal(formatChinese('2025-10-30'), '2025年10月30日');
  assert.equal(formatChinese('2025-01-05'), '2025年1月5日');
  assert.equal(formatChineseShort('2025-10-30'), '10月30日');
  assert.equal(formatChineseShort('2025-09-08'), '9月8日');
});

test('todayInShanghai uses UTC+8 regardless of TZ', () => {
  assert.equal(todayInShanghai(new Date('2025-10-29T15:59:59Z')), '2025-10-29');
  assert.equal(todayInShanghai(new Date('2025-10-29T16:00:00Z')), '2025-10-30');
  assert.equal(todayInShanghai(new Date('2022-12-31T20:00:00Z')), '2023-01-01');
});

test('invalid dates throw a coded error', () => {
  assert.throws(
    () => addDays('2025-02-30', 1),
    (e: unknown) => isAppError(e) && e.code === 'invalid_date' && e.kind === 'invalid',
  );
  assert.throws(
    () => formatChinese('2025-2-3'),
    (e: unknown) => isAppError(e) && e.code === 'invalid_date',
  );
  assert.throws(
    () => todayInShanghai(new Date('nope')),
    (e: unknown) => isAppError(e) && e.code === 'invalid_date',
  );
});
