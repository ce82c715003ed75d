import { test } from 'node:test';
import assert from 'node:assert/strict';
import chineseDays from 'chinese-days';
import { OFFICIAL_YEARS, OFFICIAL_YEAR_RANGE } from './official-holidays.data.js';
import { buildCalendar, dayInfo, isWorkingDay } from './calendar.rules.js';
import { dayOfWeek, eachDay } from '../platform/dates.js';

// chinese-days 1.5.7 has data up to this date; after it, it silently falls back to Monday–Friday.
const CHINESE_DAYS_LAST = '2026-10-10';

const cal = buildCalendar(OFFICIAL_YEARS);
const explained = new Map(OFFICIAL_YEARS.flatMap((y) => y.explanations.map((e) => [e.date, e] as const)));

test('one record for every year 2008–2026, each with a notice and the 春节 and 国庆节 breaks', () => {
  const years = OFFICIAL_YEARS.map((y) => y.year);
  const expected: number[] = [];
  for (let y = OFFICIAL_YEAR_RANGE.from; y <= OFFICIAL_YEAR_RANGE.to; y++) expected.push(y);
  assert.deepEqual(years, expected);
  for (const y of OFFICIAL_YEARS) {
    assert.ok(y.notices.length >= 1, `${y.year} notice`);
    assert.ok(y.notices[0]?.title.includes(`${y.year}年`), `${y.year} title`);
    const names = y.holidays.map((h) => h.name).join('、');
    for (const n of ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'])
      assert.ok(names.includes(n), `${y.year} ${n}`);
  }
});

test('every day 2008-01-01 … 2026-12-31 agrees with chinese-days, except documented explanations', () => {
  // chinese-days works out weekdays in local time; west of UTC it is a day off. Saturday 2008-01-05:
  assert.equal(chineseDays.isWorkday('2008-01-05'), false, 'chinese-days uses local time: run the tests with TZ=UTC');
  const differences: string[] = [];
  let compared = 0;
  for (const d of eachDay('2008-01-01', '2026-12-31')) {
    const ours = isWorkingDay(cal, d);
    let reference: boolean;
    if (d <= CHINESE_DAYS_LAST) {
      reference = chineseDays.isWorkday(d);
      compared++;
    } else {
      // Beyond chinese-days' data: no arrangement of the 2026 notice reaches past 10-10, so plain
      // Monday–Friday. (Late December may change when the 2027 notice is published.)
      const w = dayOfWeek(d);
      reference = w !== 0 && w !== 6;
    }
    if (ours === reference) continue;
    const why = explained.get(d);
    if (!why || why.working !== ours) differences.push(`${d}: ours ${ours}, reference ${reference}`);
  }
  assert.equal(compared, 6858);
  assert.deepEqual(differences, []);
});

test('documented explanations are real differences (none may go stale)', () => {
  for (const [d, e] of explained) {
    assert.equal(isWorkingDay(cal, d), e.working, d);
    assert.notEqual(chineseDays.isWorkday(d), e.working, `${d} is not a difference any more`);
  }
});

test('2020 Spring Festival extension: 01-24 … 02-02 off, 02-01 not a working day', () => {
  for (const d of eachDay('2020-01-24', '2020-02-02')) assert.equal(isWorkingDay(cal, d), false, d);
  assert.equal(dayInfo(cal, '2020-02-01').kind, 'holiday');
  assert.equal(isWorkingDay(cal, '2020-01-19'), true);
  assert.equal(isWorkingDay(cal, '2020-02-03'), true);
});

test('the 2023 元旦 break starting 2022-12-31 is found from 2022', () => {
  assert.deepEqual(dayInfo(cal, '2022-12-31'), {
    date: '2022-12-31',
    working: false,
    kind: 'holiday',
    holidayName: '元旦',
    provisional: false,
  });
  assert.equal(OFFICIAL_YEARS.find((y) => y.year === 2023)?.holidays[0]?.offDays[0], '2022-12-31');
  // Likewise 2018-12-29 (Saturday) is a working day under the 2019 notice, 2011-12-31 under 2012's.
  assert.equal(dayInfo(cal, '2018-12-29').kind, 'makeup_workday');
  assert.equal(dayInfo(cal, '2011-12-31').kind, 'makeup_workday');
});
