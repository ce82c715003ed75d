import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import {
  addWorkingDays,
  buildCalendar,
  coversYear,
  dayInfo,
  describeRange,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from './calendar.rules.js';
import { yearSummary } from './calendar-summary.rules.js';
import { OFFICIAL_YEARS } from './official-holidays.data.js';
import type { YearData } from './calendar.types.js';
import { fromDayNumber, toDayNumber } from '../platform/dates.js';
import { isAppError } from '../platform/errors.js';

const cal = buildCalendar(OFFICIAL_YEARS);

const yearMissing = (year: number) => (e: unknown) =>
  isAppError(e) &&
  e.kind === 'invalid' &&
  e.code === 'calendar_year_missing' &&
  e.errors[0]?.message === `日历中没有${year}年的节假日安排（超出可计算的范围），无法计算工作日。`;

test('isWorkingDay: weekdays, holidays and 调休 weekends (table)', () => {
  const table: [string, boolean, string][] = [
    ['2025-10-11', true, 'Saturday, 国庆节 调休上班 (gongkai spec)'],
    ['2025-09-28', true, 'Sunday, 调休上班'],
    ['2025-10-01', false, '国庆节'],
    ['2025-10-08', false, 'Wednesday, 8th day of the combined break'],
    ['2025-10-09', true, 'Thursday after the break'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2025-01-26', true, 'Sunday before 春节 2025'],
    ['2025-02-04', false, '春节 2025 last day (Tuesday)'],
    ['2025-02-08', true, 'Saturday after 春节 2025'],
    ['2024-02-04', true, 'Sunday, 春节 2024 调休'],
    ['2024-02-18', true, 'Sunday, 春节 2024 调休'],
    ['2024-02-16', false, 'Friday inside 春节 2024'],
    ['2026-02-14', true, 'Saturday before 春节 2026'],
    ['2026-02-23', false, 'Monday, last day of 春节 2026'],
    ['2026-02-28', true, 'Saturday after 春节 2026'],
    ['2026-01-04', true, 'Sunday after 元旦 2026'],
    ['2023-01-02', false, 'Monday, 元旦 2023'],
    ['2023-01-03', true, 'Tuesday after 元旦 2023'],
    ['2023-10-07', true, 'Saturday after 中秋节、国庆节 2023'],
    ['2015-09-03', false, '抗战胜利70周年纪念日'],
    ['2015-09-04', false, 'Friday, 纪念日 调休'],
    ['2015-09-06', true, 'Sunday, 纪念日 调休上班'],
    ['2019-05-05', true, 'Sunday after the adjusted 2019 劳动节'],
    ['2019-05-03', false, 'Friday inside the adjusted 2019 劳动节'],
    ['2008-05-04', true, 'Sunday, 2008 劳动节 调休'],
    ['2008-09-29', false, 'Monday, 2008 国庆节 break'],
  ];
  for (const [d, expected, why] of table) assert.equal(isWorkingDay(cal, d), expected, `${d}: ${why}`);
});

test('addWorkingDays around Spring Festival and National Day (hand-checked)', () => {
  const table: [string, number, string][] = [
    ['2025-09-26', 20, '2025-10-30'], // gongkai spec: 09-28 and 10-11 count, 10-01 … 10-08 do not
    ['2025-09-26', 0, '2025-09-26'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-01-24', 20, '2025-02-27'], // 春节 2025, 01-26 and 02-08 count
    ['2020-01-20', 20, '2020-02-25'], // 2020 extension: nothing counts from 01-24 to 02-02
    ['2022-12-30', 1, '2023-01-03'], // 元旦 2023 starts on Saturday 2022-12-31
    ['2022-12-30', 5, '2023-01-09'],
    ['2024-02-02', 5, '2024-02-08'],
    ['2024-02-02', 7, '2024-02-18'], // Sunday 02-18 is the 7th
    ['2026-09-18', 1, '2026-09-20'], // Sunday 调休
    ['2026-09-18', 20, '2026-10-22'], // 中秋节 + 国庆节 2026
    ['2019-09-27', 10, '2019-10-16'],
    ['2025-10-01', 0, '2025-10-01'], // n = 0 returns the date itself, even a holiday
  ];
  for (const [d, n, expected] of table) assert.equal(addWorkingDays(cal, d, n), expected, `${d} + ${n}`);
  assert.equal(nextWorkingDay(cal, '2025-09-30'), '2025-10-09');
  assert.equal(nextWorkingDay(cal, '2025-10-10'), '2025-10-11');
});

test('workingDaysBetween counts (a, b]', () => {
  assert.equal(workingDaysBetween(cal, '2025-09-26', '2025-10-30'), 20);
  assert.equal(workingDaysBetween(cal, '2025-10-30', '2025-09-26'), -20);
  assert.equal(workingDaysBetween(cal, '2025-10-01', '2025-10-08'), 0);
  assert.equal(workingDaysBetween(cal, '2025-09-30', '2025-10-09'), 1);
  assert.equal(workingDaysBetween(cal, '2025-10-09', '2025-10-09'), 0);
});

test('dayInfo reports the kind and the holiday name', () => {
  assert.deepEqual(dayInfo(cal, '2025-10-11'), {
    date: '2025-10-11',
    working: true,
    kind: 'makeup_workday',
    holidayName: '国庆节、中秋节',
    provisional: false,
  });
  assert.deepEqual(dayInfo(cal, '2023-09-29'), {
    date: '2023-09-29',
    working: false,
    kind: 'holiday',
    holidayName: '中秋节、国庆节',
    provisional: false,
  });
  assert.deepEqual(dayInfo(cal, '2025-10-12'), {
    date: '2025-10-12',
    working: false,
    kind: 'weekend',
    provisional: false,
  });
  assert.deepEqual(dayInfo(cal, '2025-10-13'), {
    date: '2025-10-13',
    working: true,
    kind: 'workday',
    provisional: false,
  });
});

test('describeRange lists breaks and 调休 days in Chinese', () => {
  assert.equal(
    describeRange(cal, '2025-09-26', '2025-10-30'),
    '10月1日至8日国庆节、中秋节放假，9月28日、10月11日调休上班',
  );
  assert.equal(describeRange(cal, '2025-01-20', '2025-02-28'), '1月28日至2月4日春节放假，1月26日、2月8日调休上班');
  assert.equal(describeRange(cal, '2022-12-20', '2023-01-10'), '2022年12月31日至2023年1月2日元旦放假');
  assert.equal(
    describeRange(cal, '2023-04-01', '2023-05-10'),
    '4月5日清明节放假，4月29日至5月3日劳动节放假，4月23日、5月6日调休上班',
  );
  assert.equal(describeRange(cal, '2025-03-03', '2025-03-20'), '');
});

test('a year without data is an error naming the year, never a guess', () => {
  assert.throws(() => isWorkingDay(cal, '2027-01-04'), yearMissing(2027));
  assert.throws(() => isWorkingDay(cal, '2007-12-31'), yearMissing(2007));
  // From 2026-12-15 only 12 working days remain in 2026.
  assert.throws(() => addWorkingDays(cal, '2026-12-15', 20), yearMissing(2027));
  assert.equal(addWorkingDays(cal, '2026-12-15', 12), '2026-12-31');
  assert.throws(() => yearSummary(cal, 2027), yearMissing(2027));
  assert.equal(coversYear(cal, 2026), true);
  assert.equal(coversYear(cal, 2027), false);
});

test('a gap between covered years is an error too', () => {
  const byYear = (y: number) => OFFICIAL_YEARS.find((x) => x.year === y) as YearData;
  const gappy = buildCalendar([byYear(2024), byYear(2026)]);
  assert.throws(() => addWorkingDays(gappy, '2024-12-20', 20), yearMissing(2025));
  assert.throws(() => workingDaysBetween(gappy, '2024-12-20', '2026-01-10'), yearMissing(2025));
  assert.equal(addWorkingDays(gappy, '2026-01-05', 1), '2026-01-06');
});

test('buildCalendar rejects conflicting, duplicate and malformed data', () => {
  const y2025 = OFFICIAL_YEARS.find((y) => y.year === 2025) as YearData;
  const code = (c: string) => (e: unknown) => isAppError(e) && e.errors.some((x) => x.code === c);
  assert.throws(() => buildCalendar([]), code('calendar_empty'));
  assert.throws(() => buildCalendar([y2025, y2025]), code('calendar_year_duplicate'));
  const clash: YearData = {
    ...y2025,
    holidays: [...y2025.holidays, { name: '测试', offDays: ['2025-10-11'], makeupWorkdays: [] }],
  };
  assert.throws(() => buildCalendar([clash]), code('calendar_conflict'));
  const bad: YearData = {
    year: 2025,
    notices: [],
    explanations: [],
    holidays: [{ name: '春节', offDays: ['2025-02-30'], makeupWorkdays: ['2026-03-01'] }],
  };
  assert.throws(
    () => buildCalendar([bad]),
    (e: unknown) =>
      isAppError(e) &&
      e.errors.some((x) => x.code === 'invalid_date' && x.field === 'years[0].holidays[0].offDays[0]') &&
      e.errors.some(
        (x) => x.code === 'calendar_date_out_of_year' && x.field === 'years[0].holidays[0].makeupWorkdays[0]',
      ),
  );
});

test('yearSummary 2026 for `calendar show 2026`', () => {
  const s = yearSummary(cal, 2026);
  assert.equal(s.holidays.length, 7);
  assert.deepEqual(s.workingWeekends, [
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ]);
  // 261 weekdays − 19 weekdays off + 6 working weekends.
  assert.equal(s.workingDays, 248);
  assert.equal(s.holidays[6]?.text, '国庆节：10月1日至7日放假，共7天；9月20日（星期日）、10月10日（星期六）调休上班');
  assert.equal(s.holidays[1]?.text, '春节：2月15日至23日放假，共9天；2月14日（星期六）、2月28日（星期六）调休上班');
  assert.equal(s.lines[0], '2026年法定节假日安排');
  assert.equal(yearSummary(cal, 2023).holidays[0]?.from, '2022-12-31');
});

// Property tests over 2008-01-01 … 2026-06-30 with counts that stay inside 2026.
const START = toDayNumber('2008-01-01');
const END = toDayNumber('2026-06-30');
const anyDate = fc.integer({ min: START, max: END }).map(fromDayNumber);

test('property: addWorkingDays(d, n ≥ 1) is a working day after d', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (d, n) => {
      const r = addWorkingDays(cal, d, n);
      return isWorkingDay(cal, r) && r > d;
    }),
    { numRuns: 2000 },
  );
});

test('property: addWorkingDays(addWorkingDays(d, a), b) = addWorkingDays(d, a + b)', () => {
  fc.assert(
    fc.property(
      anyDate,
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 40 }),
      (d, a, b) => addWorkingDays(cal, addWorkingDays(cal, d, a), b) === addWorkingDays(cal, d, a + b),
    ),
    { numRuns: 2000 },
  );
});

test('property: workingDaysBetween(d, addWorkingDays(d, n)) = n', () => {
  fc.assert(
    fc.property(
      anyDate,
      fc.integer({ min: 0, max: 60 }),
      (d, n) => workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n,
    ),
    { numRuns: 2000 },
  );
});

test('property: addWorkingDays agrees with chinese-days findWorkday (independent implementation)', () => {
  assert.equal(chineseDays.isWorkday('2008-01-05'), false, 'chinese-days uses local time: run the tests with TZ=UTC');
  fc.assert(
    fc.property(
      anyDate,
      fc.integer({ min: 1, max: 60 }),
      (d, n) => addWorkingDays(cal, d, n) === chineseDays.findWorkday(n, d),
    ),
    { numRuns: 1000 },
  );
});
