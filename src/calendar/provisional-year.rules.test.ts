import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  provisionalYear,
  statutoryHolidays,
  withProvisionalYears,
  PROVISIONAL_YEARS_AHEAD,
} from './provisional-year.rules.js';
import { addWorkingDays, buildCalendar, dayInfo, isProvisionalDate, isWorkingDay } from './calendar.rules.js';
import { OFFICIAL_YEARS } from './official-holidays.data.js';
import { fromDayNumber } from '../platform/dates.js';

const breaks = (year: number) =>
  provisionalYear(year).holidays.map((h) => `${h.name} ${h.offDays[0]}..${h.offDays[h.offDays.length - 1]}`);

test('2027 worked by hand from 《全国年节及纪念日放假办法》第二条、第六条', () => {
  // 除夕 2027-02-05 (Fri), 初一–初三 02-06..02-08; Sat 02-06 → Tue 02-09, Sun 02-07 → Wed 02-10.
  // 劳动节 05-01 (Sat), 05-02 (Sun) → Mon 05-03, Tue 05-04. 国庆 10-01 (Fri), 10-02, 10-03 → 10-04, 10-05.
  assert.deepEqual(breaks(2027), [
    '元旦 2027-01-01..2027-01-01',
    '春节 2027-02-05..2027-02-10',
    '清明节 2027-04-05..2027-04-05',
    '劳动节 2027-05-01..2027-05-04',
    '端午节 2027-06-09..2027-06-09',
    '中秋节 2027-09-15..2027-09-15',
    '国庆节 2027-10-01..2027-10-05',
  ]);
  const y = provisionalYear(2027);
  assert.equal(y.provisional, true);
  assert.ok(
    y.holidays.every((h) => h.makeupWorkdays.length === 0),
    'no 调休: unknowable before the notice',
  );
});

test('2028: 元旦 on a Saturday, 端午 on a Sunday, 中秋 on 国庆 day 3 (no extra day)', () => {
  assert.deepEqual(breaks(2028), [
    '元旦 2028-01-01..2028-01-03',
    '春节 2028-01-25..2028-01-28',
    '清明节 2028-04-04..2028-04-04',
    '劳动节 2028-05-01..2028-05-02',
    '端午节 2028-05-28..2028-05-29',
    '国庆节、中秋节 2028-10-01..2028-10-04',
  ]);
});

test('the lunar and solar-term dates agree with every official arrangement 2008–2026', () => {
  // Independent check of the library: each year's 春节 (正月初一), 清明, 端午 and 中秋 fall in the break of
  // that name announced by the State Council.
  const cal = buildCalendar(OFFICIAL_YEARS);
  for (const y of OFFICIAL_YEARS) {
    for (const h of statutoryHolidays(y.year)) {
      if (!['清明节', '端午节', '中秋节'].includes(h.name)) continue;
      const info = dayInfo(cal, fromDayNumber(h.day));
      assert.equal(info.working, false, `${y.year} ${h.name} ${fromDayNumber(h.day)}`);
      assert.match(
        info.holidayName ?? '',
        new RegExp(h.name.slice(0, 2)),
        `${y.year} ${h.name} ${fromDayNumber(h.day)}: ${info.holidayName}`,
      );
    }
    const first = statutoryHolidays(y.year).filter((h) => h.name === '春节')[1];
    assert.match(dayInfo(cal, fromDayNumber(first.day)).holidayName ?? '', /春节/, `${y.year} 正月初一`);
  }
});

test('under the 2024 rules every statutory day of 2025 and 2026 was a day off in the official notice', () => {
  const cal = buildCalendar(OFFICIAL_YEARS);
  for (const year of [2025, 2026]) {
    for (const h of statutoryHolidays(year))
      assert.equal(isWorkingDay(cal, fromDayNumber(h.day)), false, `${year} ${h.name} ${fromDayNumber(h.day)}`);
  }
});

test('provisional years follow the last announced one; the calendar says which days are provisional', () => {
  const years = withProvisionalYears(OFFICIAL_YEARS);
  assert.deepEqual(
    years.filter((y) => y.provisional).map((y) => y.year),
    Array.from({ length: PROVISIONAL_YEARS_AHEAD }, (_, i) => 2027 + i),
  );
  const cal = buildCalendar(years);
  // 12-21..25 (5), 12-28..31 (9), 1-1 元旦, 1-4..8 (14), 1-11..15 (19), 1-18 (20).
  assert.equal(addWorkingDays(cal, '2026-12-20', 20), '2027-01-18');
  assert.equal(isProvisionalDate(cal, '2027-01-18'), true);
  assert.equal(isProvisionalDate(cal, '2026-12-31'), false);
  assert.deepEqual(dayInfo(cal, '2027-01-01'), {
    date: '2027-01-01',
    working: false,
    kind: 'holiday',
    holidayName: '元旦',
    provisional: true,
  });
  assert.equal(dayInfo(cal, '2027-02-14').working, false, 'a Sunday: no 调休 is guessed');
});

test('a provisional year may not come before an announced one', () => {
  const y2027 = { ...provisionalYear(2027) };
  const fake2028 = { ...provisionalYear(2028), provisional: undefined };
  assert.throws(() => buildCalendar([...OFFICIAL_YEARS, y2027, fake2028]), { code: 'calendar_provisional_order' });
});
