import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OFFICIAL_YEARS } from './official-holidays.data.js';
import { buildCalendar, isWorkingDay, addWorkingDays } from './calendar.rules.js';
import { correctDay } from './calendar-edit.rules.js';

const y2025 = OFFICIAL_YEARS.find((y) => y.year === 2025)!;
const others = OFFICIAL_YEARS.filter((y) => y.year !== 2025);

test('a weekday made a day off moves the deadline by one working day', () => {
  const fixed = correctDay(y2025, '2025-10-09', false, '国庆节、中秋节');
  const cal = buildCalendar([...others, fixed]);
  assert.equal(isWorkingDay(cal, '2025-10-09'), false);
  assert.equal(addWorkingDays(cal, '2025-09-26', 20), '2025-10-31');
});

test('a make-up Saturday removed becomes a day off again; a weekend made working joins the nearest holiday', () => {
  const noMakeup = correctDay(y2025, '2025-10-11', false);
  assert.equal(isWorkingDay(buildCalendar([...others, noMakeup]), '2025-10-11'), false);
  const extra = correctDay(y2025, '2025-10-12', true);
  assert.equal(isWorkingDay(buildCalendar([...others, extra]), '2025-10-12'), true);
});

test('bad corrections are coded errors', () => {
  assert.throws(() => correctDay(y2025, '2025-02-30', true), { code: 'date_invalid' });
  assert.throws(() => correctDay(y2025, '2023-05-01', true), { code: 'date_outside_year' });
});
