import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCalendarIcs, parseCalendarJson } from './calendar-import.rules.js';
import { buildCalendar, isWorkingDay } from './calendar.rules.js';
import { OFFICIAL_YEARS } from './official-holidays.data.js';
import { eachDay } from '../platform/dates.js';
import { isAppError, type FieldError } from '../platform/errors.js';

const chineseDaysIcs = (name: string): string =>
  readFileSync(new URL(`../../node_modules/chinese-days/dist/${name}`, import.meta.url), 'utf8');

const errorsOf = (fn: () => unknown): FieldError[] => {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e.errors;
    throw e;
  }
  assert.fail('expected an AppError');
};

const official = buildCalendar(OFFICIAL_YEARS);
const sameWorkingDays = (years: ReturnType<typeof parseCalendarJson>['years'], from: string, to: string): void => {
  const cal = buildCalendar(years);
  for (const d of eachDay(from, to)) assert.equal(isWorkingDay(cal, d), isWorkingDay(official, d), d);
};

const JSON_2026 = JSON.stringify({
  year: 2026,
  notices: [{ title: '国务院办公厅关于2026年部分节假日安排的通知', issuedOn: '2025-11-04' }],
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', days: ['2026-04-04', '2026-04-05', '2026-04-06'] },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  workdays: ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
});

test('JSON: our documented shape; top-level workdays attach to the nearest holiday', () => {
  const { years } = parseCalendarJson(JSON_2026);
  assert.equal(years.length, 1);
  const y = years[0];
  assert.equal(y?.year, 2026);
  assert.deepEqual(y?.holidays[1]?.makeupWorkdays, ['2026-02-14', '2026-02-28']);
  // Nearest by distance: 09-20 is 5 days from 中秋节 but 11 from 国庆节 (the notice ties it to 国庆节).
  // Working days are the same either way; list a workday under its holiday to keep the link exact.
  assert.deepEqual(y?.holidays[5]?.makeupWorkdays, ['2026-09-20']);
  assert.deepEqual(y?.holidays[6]?.makeupWorkdays, ['2026-10-10']);
  assert.equal(y?.notices[0]?.issuedOn, '2025-11-04');
  sameWorkingDays(years, '2026-01-01', '2026-12-31');
});

test('JSON: the shipped data round-trips (offDays / makeupWorkdays spelling, array of years)', () => {
  const { years } = parseCalendarJson(JSON.stringify(OFFICIAL_YEARS));
  assert.equal(years.length, 19);
  sameWorkingDays(years, '2008-01-01', '2026-12-31');
});

test('JSON: bad input lists every problem with its field', () => {
  const text = JSON.stringify({
    year: 2027,
    holidays: [
      { name: '春节', from: '2027-02-30', to: '2027-02-10' },
      { nam: '国庆节', from: '2027-10-01', to: '2027-09-01' },
      { name: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: ['2027-1-2'] },
    ],
    workdays: ['2027-07-15'],
    colour: 'red',
  });
  const errs = errorsOf(() => parseCalendarJson(text));
  const pairs = errs.map((e) => `${e.code}@${e.field}`);
  assert.deepEqual(pairs, [
    'calendar_field_unknown@colour',
    'invalid_date@holidays[0].from',
    'calendar_field_unknown@holidays[1].nam',
    'calendar_holiday_name_missing@holidays[1].name',
    'calendar_range_invalid@holidays[1].to',
    'invalid_date@holidays[2].workdays[0]',
  ]);
  assert.ok(errs.every((e) => /[\u4e00-\u9fa5]/.test(e.message)));
});

test('JSON: syntax errors, unattachable workdays and incomplete years', () => {
  assert.equal(errorsOf(() => parseCalendarJson('{"year": 2026,'))[0]?.code, 'calendar_json_syntax');
  const far = JSON.stringify({
    year: 2026,
    holidays: [
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: ['2026-07-04'],
  });
  assert.deepEqual(
    errorsOf(() => parseCalendarJson(far)).map((e) => `${e.code}@${e.field}`),
    ['calendar_workday_unattached@workdays[0]'],
  );
  const partial = JSON.stringify({ year: 2026, holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-03' }] });
  const errs = errorsOf(() => parseCalendarJson(partial));
  assert.equal(errs[0]?.code, 'calendar_year_incomplete');
  assert.equal(errs[0]?.message, '2026年的安排不完整：缺少春节和国庆节放假安排。');
  const outside = JSON.stringify({
    year: 2026,
    holidays: [
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
    ],
  });
  assert.equal(errorsOf(() => parseCalendarJson(outside))[0]?.code, 'calendar_date_out_of_year');
});

test('ICS: the chinese-days calendar 2024–2026 matches our data day by day', () => {
  const { years, notes } = parseCalendarIcs(chineseDaysIcs('holidays.ics'));
  assert.deepEqual(
    years.map((y) => y.year),
    [2024, 2025, 2026],
  );
  assert.deepEqual(notes, []);
  const y2025 = years[1];
  assert.deepEqual(
    y2025?.holidays.map((h) => [h.name, h.offDays[0], h.offDays[h.offDays.length - 1], h.makeupWorkdays.join(',')]),
    [
      ['元旦', '2025-01-01', '2025-01-01', ''],
      ['春节', '2025-01-28', '2025-02-04', '2025-01-26,2025-02-08'],
      ['清明节', '2025-04-04', '2025-04-06', ''],
      ['劳动节', '2025-05-01', '2025-05-05', '2025-04-27'],
      ['端午节', '2025-05-31', '2025-06-02', ''],
      // 国庆节 and 中秋 events are merged into the official combined break.
      ['国庆节、中秋节', '2025-10-01', '2025-10-08', '2025-09-28,2025-10-11'],
    ],
  );
  sameWorkingDays(years, '2024-01-01', '2026-12-31');
});

test('ICS: two concatenated files put 2022-12-31 into the 2023 元旦 break', () => {
  const text = `${chineseDaysIcs('years/2022.ics')}\n${chineseDaysIcs('years/2023.ics')}`;
  const { years } = parseCalendarIcs(text);
  assert.deepEqual(
    years.map((y) => y.year),
    [2022, 2023],
  );
  assert.deepEqual(years[1]?.holidays[0]?.offDays, ['2022-12-31', '2023-01-01', '2023-01-02']);
  assert.equal(years[1]?.holidays[5]?.name, '中秋节、国庆节');
  sameWorkingDays(years, '2022-01-01', '2023-12-31');
  // Alone, the 2022 file carries only a fragment of 2023: reported, not imported as a year.
  const alone = parseCalendarIcs(chineseDaysIcs('years/2022.ics'));
  assert.deepEqual(
    alone.years.map((y) => y.year),
    [2022],
  );
  assert.equal(
    alone.notes[0],
    '2023年只有跨年的放假日（2022-12-31），未作为完整年度导入；导入2023年日历时会包含这些日期。',
  );
  assert.equal(parseCalendarIcs(text, { year: 2023 }).years.length, 1);
  assert.equal(errorsOf(() => parseCalendarIcs(text, { year: 2030 }))[0]?.code, 'ics_year_not_found');
});

const vevent = (lines: string[]): string => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
const vcal = (events: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//CN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const SPRING = vevent(['DTSTART;VALUE=DATE:20260215', 'DTEND;VALUE=DATE:20260224', 'SUMMARY:春节 休']);

test('ICS: other accepted shapes (CATEGORIES, DESCRIPTION, X-APPLE-SPECIAL-DAY, DURATION, 上班)', () => {
  const text = vcal([
    SPRING,
    vevent(['DTSTART;VALUE=DATE:20260214', 'SUMMARY:春节 班']),
    vevent(['DTSTART;VALUE=DATE:20260228', 'SUMMARY:春节', 'CATEGORIES:班']),
    vevent(['DTSTART;VALUE=DATE:20261001', 'DURATION:P7D', 'SUMMARY:国庆节', 'DESCRIPTION:休']),
    vevent(['DTSTART;VALUE=DATE:20260920', 'SUMMARY:国庆', 'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY']),
    vevent(['DTSTART;VALUE=DATE:20261010', 'SUMMARY:调休上班']),
  ]);
  const { years } = parseCalendarIcs(text);
  assert.deepEqual(years[0]?.holidays, [
    { name: '春节', offDays: eachDay('2026-02-15', '2026-02-23'), makeupWorkdays: ['2026-02-14', '2026-02-28'] },
    { name: '国庆节', offDays: eachDay('2026-10-01', '2026-10-07'), makeupWorkdays: ['2026-09-20', '2026-10-10'] },
  ]);
});

test('ICS: bad events are reported with their line number and title', () => {
  const text = vcal([
    SPRING,
    vevent(['DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261008', 'SUMMARY:国庆节']),
    vevent(['DTSTART:20261010T090000', 'SUMMARY:国庆节(班)']),
    vevent(['DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY', 'SUMMARY:元旦(休)']),
  ]);
  const errs = errorsOf(() => parseCalendarIcs(text));
  assert.deepEqual(
    errs.map((e) => `${e.code}@${e.field}`),
    ['ics_event_kind_unknown@第9行的事件', 'ics_event_not_all_day@第14行的事件', 'ics_event_recurring@第18行的事件'],
  );
  assert.equal(errs[0]?.message, '第9行的事件（国庆节）：无法判断是放假还是调休上班：请在标题末尾写“(休)”或“(班)”。');
  assert.equal(errorsOf(() => parseCalendarIcs('hello'))[0]?.code, 'ics_syntax');
  assert.equal(errorsOf(() => parseCalendarIcs(vcal([])))[0]?.code, 'ics_no_events');
  const clash = vcal([SPRING, vevent(['DTSTART;VALUE=DATE:20260216', 'SUMMARY:春节(班)'])]);
  assert.equal(errorsOf(() => parseCalendarIcs(clash))[0]?.code, 'calendar_conflict');
});
