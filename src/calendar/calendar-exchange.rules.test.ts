import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportRecord, exportYearJson, parseCalendarFile, previewImport } from './calendar-exchange.rules.js';
import { parseCalendarJson } from './calendar-import.rules.js';
import { buildCalendar, isWorkingDay } from './calendar.rules.js';
import { yearSummary } from './calendar-summary.rules.js';
import { withProvisionalYears } from './provisional-year.rules.js';
import { OFFICIAL_YEARS } from './official-holidays.data.js';
import { eachDay } from '../platform/dates.js';
import { isAppError } from '../platform/errors.js';

const cal = buildCalendar(withProvisionalYears(OFFICIAL_YEARS));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e.errors.map((x) => x.code).join(',');
    throw e;
  }
  return 'no error';
};

test('export → import gives back every announced year unchanged', () => {
  for (const y of OFFICIAL_YEARS) {
    const back = parseCalendarFile(exportYearJson(cal, y.year)).years;
    assert.deepEqual(back, [exportRecord(y)], String(y.year));
  }
});

test('the API year summary (GET /api/v1/calendar/:year) imports back as the same year', () => {
  const summary = JSON.parse(JSON.stringify(yearSummary(cal, 2026))) as unknown;
  assert.deepEqual(
    parseCalendarJson(JSON.stringify(summary)).years[0]?.holidays,
    OFFICIAL_YEARS.find((y) => y.year === 2026)?.holidays,
  );
});

test('a provisional year is neither exported nor imported as if it were announced', () => {
  assert.equal(
    codeOf(() => exportYearJson(cal, 2027)),
    'calendar_year_provisional',
  );
  assert.equal(
    codeOf(() => parseCalendarJson(JSON.stringify(yearSummary(cal, 2027)))),
    'calendar_import_provisional',
  );
});

// A made-up 2027 notice for the tests (the real one is not published yet).
const NOTICE_2027 = {
  year: 2027,
  notice: {
    title: '国务院办公厅关于2027年部分节假日安排的通知',
    number: '国办发明电〔2026〕9号',
    issuedOn: '2026-11-20',
  },
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-13', workdays: ['2027-02-14'] },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07', workdays: ['2027-10-09'] },
  ],
};

test('JSON typed from the notice: one `notice` object; the preview lists what changes against the provisional year', () => {
  const { years } = parseCalendarJson(JSON.stringify(NOTICE_2027));
  assert.deepEqual(years[0]?.notices, [NOTICE_2027.notice]);
  const [p] = previewImport(cal, years);
  assert.equal(p?.mode, 'new');
  assert.match(p?.lines[0] ?? '', /^2027年：导入正式公布的安排，与暂定安排相比有 \d+ 天变化$/);
  const changed = new Map(p?.changes.map((c) => [c.date, `${c.before} → ${c.after}`]));
  // 02-11 and 02-12 (Thu, Fri) become days off; Sunday 02-14 becomes a working day; 10-06/10-07 off.
  assert.equal(changed.get('2027-02-11'), '工作日 → 法定节假日（放假）（春节）');
  assert.equal(changed.get('2027-02-14'), '休息日 → 调休上班日（春节）');
  assert.equal(changed.get('2027-10-07'), '工作日 → 法定节假日（放假）（国庆节）');
  assert.equal(changed.has('2027-01-04'), false, 'Monday 01-04 stays a working day');
});

const vevent = (lines: string[]): string => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
const vcal = (events: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//CN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const day = (d: string, summary: string, extra: string[] = []): string =>
  vevent([`DTSTART;VALUE=DATE:${d.replaceAll('-', '')}`, `SUMMARY:${summary}`, ...extra]);

test('ICS as phone calendars publish it: per-day events “元旦 假期 第1天/共3天” and “补班 第1天/共1天”', () => {
  const events = [
    ...eachDay('2027-01-01', '2027-01-03').map((d, i) => day(d, `元旦 假期 第${i + 1}天/共3天`)),
    ...eachDay('2027-02-05', '2027-02-13').map((d, i) => day(d, `春节 假期 第${i + 1}天/共9天`)),
    day('2027-02-14', '春节 补班 第1天/共1天'),
    ...eachDay('2027-10-01', '2027-10-07').map((d, i) => day(d, `国庆节 假期 第${i + 1}天/共7天`)),
    day('2027-10-09', '国庆节 补班 第1天/共1天'),
  ];
  const { years } = parseCalendarFile(vcal(events));
  assert.deepEqual(years, parseCalendarJson(JSON.stringify({ ...NOTICE_2027, notice: undefined })).years);
});

test('ICS with bare “休”/“班” titles: breaks are named after the statutory holidays they contain', () => {
  const events = [
    vevent(['DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270104', 'SUMMARY:休']),
    vevent(['DTSTART;VALUE=DATE:20270205', 'DTEND;VALUE=DATE:20270214', 'SUMMARY:休']),
    day('2027-02-14', '班'),
    vevent(['DTSTART;VALUE=DATE:20271001', 'DTEND;VALUE=DATE:20271008', 'SUMMARY:休']),
    day('2027-10-09', '班'),
  ];
  const { years } = parseCalendarFile(vcal(events));
  assert.deepEqual(
    years[0]?.holidays.map((h) => [h.name, h.offDays.length, h.makeupWorkdays]),
    [
      ['元旦', 3, []],
      ['春节', 9, ['2027-02-14']],
      ['国庆节', 7, ['2027-10-09']],
    ],
  );
  const orphan = vcal([vevent(['DTSTART;VALUE=DATE:20270301', 'SUMMARY:休']), ...events]);
  assert.equal(
    codeOf(() => parseCalendarFile(orphan)),
    'ics_event_no_name',
  );
});

test('ICS with timed midnight-to-midnight events (TZID, or UTC 16:00 = midnight in Beijing)', () => {
  const tz = [
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
  const timed = (from: string, to: string, summary: string) =>
    vevent([
      `DTSTART;TZID=Asia/Shanghai:${from}T000000`,
      `DTEND;TZID=Asia/Shanghai:${to}T000000`,
      `SUMMARY:${summary}`,
    ]);
  const text = vcal([
    tz,
    timed('20270101', '20270104', '元旦'.concat('(休)')),
    vevent(['DTSTART:20270204T160000Z', 'DTEND:20270213T160000Z', 'SUMMARY:春节(休)']),
    timed('20270214', '20270215', '春节(班)'),
    timed('20271001', '20271008', '国庆节(休)'),
    timed('20271009', '20271010', '国庆节(班)'),
  ]);
  const { years } = parseCalendarFile(text);
  const c = buildCalendar([...OFFICIAL_YEARS, ...years]);
  assert.equal(isWorkingDay(c, '2027-02-14'), true);
  assert.equal(isWorkingDay(c, '2027-02-13'), false);
  assert.equal(isWorkingDay(c, '2027-02-04'), true, 'the UTC start is 2027-02-05 in Beijing');
  assert.equal(years[0]?.holidays[1]?.offDays[0], '2027-02-05');
  const noon = vcal([
    vevent([
      'DTSTART;TZID=Asia/Shanghai:20270101T120000',
      'DTEND;TZID=Asia/Shanghai:20270102T120000',
      'SUMMARY:元旦(休)',
    ]),
  ]);
  assert.equal(
    codeOf(() => parseCalendarFile(noon)),
    'ics_event_not_all_day',
  );
});
