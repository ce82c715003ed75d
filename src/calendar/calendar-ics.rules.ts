/**
 * iCalendar (.ics) import of holiday arrangements (pure; parsing by `ical.js`).
 *
 * Accepted shape — one all-day VEVENT per break or per make-up day, e.g. the `chinese-days` files
 * (`dist/holidays.ics`, `dist/years/2025.ics`):
 *
 * ```
 * BEGIN:VEVENT
 * DTSTART;VALUE=DATE:20251001
 * DTEND;VALUE=DATE:20251006        (exclusive, RFC 5545; or DURATION:P5D; or absent = one day)
 * SUMMARY:国庆节(休)                 (休 = days off, 班 = make-up working day)
 * END:VEVENT
 * ```
 *
 * Off / work is read from, in this order: a SUMMARY marker — `(休)` `（休）` ` 休` `放假` or `(班)`
 * `（班）` ` 班` `上班` `补班`; DESCRIPTION `休` / `班`; `X-APPLE-SPECIAL-DAY` `WORK-HOLIDAY` /
 * `ALTERNATE-WORKDAY`; CATEGORIES `休`/`放假`/`holiday` or `班`/`上班`/`workday`. An event matching
 * none of these is an error (never guessed).
 *
 * The holiday name is the SUMMARY without its marker; short names are completed (清明 → 清明节,
 * 端午 → 端午节, 中秋 → 中秋节, 国庆 → 国庆节). Adjoining breaks of different holidays are merged
 * under a combined name in date order (国庆节 + 中秋 → `国庆节、中秋节`). A break belongs to the year
 * of its last day, except a 元旦 break lying wholly in December, which belongs to the next year.
 * Make-up days are attached to the nearest break of the same name (else the nearest break, within
 * 45 days). Several VCALENDARs may be concatenated in one file. Years that contain only days of a
 * neighbouring year's break (e.g. 2022-12-31 alone for 2023) are left out and reported in `notes`.
 */
import ICAL from 'ical.js';
import { AppError, invalid, type FieldError } from '../platform/errors.js';
import { fromDayNumber, tryDayNumber } from '../platform/dates.js';
import type { CalendarImportResult, HolidayArrangement, YearData } from './calendar.types.js';
import { checkYears, nearestHoliday } from './calendar-validate.rules.js';
import { statutoryHolidays } from './provisional-year.rules.js';

const OFF_MARKERS = [/[(（]\s*休\s*[)）]\s*$/u, /(^|\s)休$/u, /放假$/u, /(^|\s)(假期|休假)$/u];
const WORK_MARKERS = [/[(（]\s*班\s*[)）]\s*$/u, /(^|\s)班$/u, /(调休上班|补班|上班)$/u];
// Per-day events of phone calendars: `元旦 假期 第1天/共3天`, `春节 补班 第1天/共2天`.
const DAY_COUNTER = /\s*[(（]?第\s*\d+\s*天\s*[/／]\s*共\s*\d+\s*天[)）]?\s*$/u;
const SHORT_NAMES: Record<string, string> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
  国庆: '国庆节',
  劳动: '劳动节',
};

type Kind = 'off' | 'work';
interface Entry {
  kind: Kind;
  name: string;
  days: number[];
}

function normaliseName(raw: string): string {
  const name = raw.trim().replace(/[:：\s]+$/u, '');
  return SHORT_NAMES[name] ?? name;
}

function kindOf(ev: ICAL.Component, rawSummary: string): { kind: Kind; name: string } | null {
  const summary = rawSummary.replace(DAY_COUNTER, '').trim();
  for (const re of OFF_MARKERS)
    if (re.test(summary)) return { kind: 'off', name: normaliseName(summary.replace(re, '')) };
  for (const re of WORK_MARKERS)
    if (re.test(summary)) return { kind: 'work', name: normaliseName(summary.replace(re, '')) };
  const name = normaliseName(summary);
  const desc = String(ev.getFirstPropertyValue('description') ?? '').trim();
  if (desc === '休' || desc.includes('放假')) return { kind: 'off', name };
  if (desc === '班' || desc.includes('上班')) return { kind: 'work', name };
  const apple = String(ev.getFirstPropertyValue('x-apple-special-day') ?? '')
    .trim()
    .toUpperCase();
  if (apple === 'WORK-HOLIDAY') return { kind: 'off', name };
  if (apple === 'ALTERNATE-WORKDAY') return { kind: 'work', name };
  const cats = ev
    .getAllProperties('categories')
    .flatMap((p) => p.getValues().map((v: unknown) => String(v).trim().toLowerCase()));
  if (cats.some((c) => c === '休' || c === '放假' || c === 'holiday')) return { kind: 'off', name };
  if (cats.some((c) => c === '班' || c === '上班' || c === 'workday')) return { kind: 'work', name };
  return null;
}

function dayOfTime(v: unknown): number {
  if (!(v instanceof ICAL.Time)) return NaN;
  return tryDayNumber(
    `${String(v.year).padStart(4, '0')}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`,
  );
}

/** Reads one event; pushes errors naming it (`line N` and SUMMARY). */
function readEvent(ev: ICAL.Component, where: string, errors: FieldError[]): Entry | null {
  const summary = String(ev.getFirstPropertyValue('summary') ?? '').trim();
  const label = `${where}（${summary || '无标题'}）`;
  const fail = (code: string, message: string): null => {
    errors.push({ code, message: `${label}：${message}`, field: where });
    return null;
  };
  if (ev.getFirstProperty('rrule')) return fail('ics_event_recurring', '不支持重复事件（RRULE），请逐日列出。');
  const dtstart = ev.getFirstProperty('dtstart');
  if (!dtstart) return fail('ics_event_no_start', '缺少开始日期（DTSTART）。');
  const start = midnightDay(dtstart.getFirstValue());
  if (Number.isNaN(start)) {
    return fail('ics_event_not_all_day', '必须是全天事件（DTSTART;VALUE=DATE:20251001），或从北京时间零点开始的事件。');
  }
  let endExclusive = start + 1;
  const dtend = ev.getFirstProperty('dtend');
  const duration = ev.getFirstPropertyValue('duration');
  if (dtend) {
    endExclusive = midnightDay(dtend.getFirstValue());
    if (Number.isNaN(endExclusive))
      return fail('ics_event_bad_end', '结束日期（DTEND）无效，或不是零点（请使用全天事件或从零点到零点的事件）。');
  } else if (duration instanceof ICAL.Duration) {
    endExclusive = start + Math.round(duration.toSeconds() / 86400);
  }
  if (Number.isNaN(start) || endExclusive <= start || endExclusive - start > 31) {
    return fail('ics_event_bad_range', '日期范围无效（结束须晚于开始，且不超过31天）。');
  }
  const k = kindOf(ev, summary);
  if (!k) return fail('ics_event_kind_unknown', '无法判断是放假还是调休上班：请在标题末尾写“(休)”或“(班)”。');

  const days: number[] = [];
  for (let d = start; d < endExclusive; d++) days.push(d);
  return { ...k, days };
}

/**
 * The day of an all-day value, or of a time at midnight: in its own zone (TZID), or converted to
 * Asia/Shanghai when given in UTC (`…T160000Z` is midnight in Beijing), or floating. NaN otherwise.
 */
function midnightDay(v: unknown): number {
  if (!(v instanceof ICAL.Time)) return NaN;
  if (v.isDate) return dayOfTime(v);
  let t = v;
  if (v.zone === ICAL.Timezone.utcTimezone) {
    t = v.clone();
    t.addDuration(ICAL.Duration.fromSeconds(8 * 3600));
  }
  if (t.hour !== 0 || t.minute !== 0 || t.second !== 0) return NaN;
  return dayOfTime(t);
}

/** Line numbers of the `BEGIN:VEVENT` lines, in document order. */
function eventLines(text: string): number[] {
  const out: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim().toUpperCase() === 'BEGIN:VEVENT') out.push(i + 1);
  });
  return out;
}

interface Break {
  names: string[];
  from: number;
  to: number;
  days: Set<number>;
  makeup: number[];
}

const yearOfDay = (n: number): number => Number(fromDayNumber(n).slice(0, 4));

function breakYear(b: Break): number {
  const y = yearOfDay(b.to);
  // A 元旦 break wholly in December (e.g. 2022-12-31 alone) belongs to the next year's notice.
  return b.names.includes('元旦') && fromDayNumber(b.to).slice(5, 7) === '12' ? y + 1 : y;
}

/** Parses an .ics text into complete year records; `options.year` keeps only that year. */
export function parseCalendarIcs(text: string, options: { year?: number } = {}): CalendarImportResult {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (e) {
    throw invalid('ics_syntax', `ICS 文件无法解析：${(e as Error).message}`);
  }
  const roots = (
    Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[])
  ) as unknown[];
  const lines = eventLines(text);
  const errors: FieldError[] = [];
  const entries: Entry[] = [];
  let n = 0;
  for (const root of roots) {
    const cal = new ICAL.Component(root as unknown[]);
    for (const ev of cal.getAllSubcomponents('vevent')) {
      const where = `第${lines[n] ?? '?'}行的事件`;
      n++;
      const e = readEvent(ev, where, errors);
      if (e) entries.push(e);
    }
  }
  if (n === 0) errors.push({ code: 'ics_no_events', message: 'ICS 文件中没有任何事件（VEVENT）。' });
  if (errors.length > 0) throw new AppError('invalid', errors);

  // Days off by day, then contiguous runs merged across holiday names.
  const offName = new Map<number, string[]>();
  for (const e of entries.filter((x) => x.kind === 'off')) {
    for (const d of e.days) {
      const names = offName.get(d) ?? [];
      if (!names.includes(e.name)) names.push(e.name);
      offName.set(d, names);
    }
  }
  const breaks: Break[] = [];
  for (const d of [...offName.keys()].sort((a, b) => a - b)) {
    const last = breaks[breaks.length - 1];
    const names = offName.get(d) as string[];
    if (last && d === last.to + 1) {
      last.to = d;
      last.days.add(d);
      for (const nm of names) if (!last.names.includes(nm)) last.names.push(nm);
    } else breaks.push({ names: [...names], from: d, to: d, days: new Set([d]), makeup: [] });
  }
  // Bare `休` events carry no name: a break is named after the statutory holidays it contains (第二条).
  for (const b of breaks) {
    b.names = b.names.filter((nm) => nm !== '');
    if (b.names.length) continue;
    const years = new Set([yearOfDay(b.from), yearOfDay(b.to)]);
    const found = [...years].flatMap((y) => statutoryHolidays(y)).filter((h) => h.day >= b.from && h.day <= b.to);
    b.names = [...new Set(found.map((h) => h.name))];
    if (!b.names.length) {
      errors.push({
        code: 'ics_event_no_name',
        message: `${fromDayNumber(b.from)}至${fromDayNumber(b.to)}的放假事件没有节日名称，该期间也没有法定节日：请在标题中写明节日名称，例如“国庆节(休)”。`,
      });
    }
  }
  if (errors.length > 0) throw new AppError('invalid', errors);
  const workDays = entries.filter((x) => x.kind === 'work').flatMap((e) => e.days.map((d) => ({ d, name: e.name })));
  const asHolidays = breaks.map((b) => ({ b, offDays: [fromDayNumber(b.from), fromDayNumber(b.to)] }));
  for (const w of workDays.sort((a, b) => a.d - b.d)) {
    if (offName.has(w.d)) {
      errors.push({ code: 'calendar_conflict', message: `${fromDayNumber(w.d)} 同时被标记为放假和上班。` });
      continue;
    }
    const date = fromDayNumber(w.d);
    const same = asHolidays.filter(
      (h) => w.name !== '' && h.b.names.some((nm) => nm.includes(w.name) || w.name.includes(nm)),
    );
    const target = nearestHoliday(same, date) ?? nearestHoliday(asHolidays, date);
    if (!target) {
      errors.push({
        code: 'ics_workday_unattached',
        message: `调休上班日 ${date} 附近（45天内）没有放假安排，无法归属。`,
      });
    } else if (!target.b.makeup.includes(w.d)) target.b.makeup.push(w.d);
  }
  if (errors.length > 0) throw new AppError('invalid', errors);

  const byYear = new Map<number, HolidayArrangement[]>();
  for (const b of breaks) {
    const y = breakYear(b);
    const list = byYear.get(y) ?? [];
    list.push({
      name: b.names.join('、'),
      offDays: [...b.days].sort((x, z) => x - z).map(fromDayNumber),
      makeupWorkdays: b.makeup.sort((x, z) => x - z).map(fromDayNumber),
    });
    byYear.set(y, list);
  }
  const notes: string[] = [];
  let years: YearData[] = [];
  for (const [year, holidays] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    if (!holidays.some((h) => h.offDays.some((d) => yearOfDay(tryDayNumber(d)) === year))) {
      notes.push(
        `${year}年只有跨年的放假日（${holidays.flatMap((h) => h.offDays).join('、')}），未作为完整年度导入；导入${year}年日历时会包含这些日期。`,
      );
      continue;
    }
    years.push({ year, holidays, notices: [], explanations: [] });
  }
  if (options.year !== undefined) {
    years = years.filter((y) => y.year === options.year);
    if (years.length === 0) throw invalid('ics_year_not_found', `ICS 文件中没有${options.year}年的放假安排。`);
  }
  const problems = checkYears(years, (i) => `years[${i}]`);
  if (problems.length > 0) throw new AppError('invalid', problems);
  return { years, notes };
}
