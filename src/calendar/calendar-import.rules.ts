/**
 * Import parsers for yearly holiday arrangements (pure: text in, year records out).
 *
 * JSON shape (one object or an array of them):
 *
 * ```json
 * { "year": 2026,
 *   "notices": [{ "title": "国务院办公厅关于2026年部分节假日安排的通知", "number": "…", "issuedOn": "2025-11-04", "url": "…" }],
 *   "holidays": [
 *     { "name": "元旦", "from": "2026-01-01", "to": "2026-01-03", "workdays": ["2026-01-04"] },
 *     { "name": "春节", "days": ["2026-02-15", "2026-02-16", "…"] } ],
 *   "workdays": ["2026-02-14", "2026-02-28"] }
 * ```
 *
 * - A holiday gives its days off either as `from`/`to` (inclusive) or as a `days` list.
 * - Make-up working days (调休上班) go under the holiday (`workdays`) or at the top level; top-level
 *   ones are attached to the nearest holiday (by distance in days).
 * - Our own `YearData` spelling is accepted too (`offDays`, `makeupWorkdays`), so the shipped data
 *   round-trips through `JSON.stringify`.
 * - `notices` and `explanations` are optional. Unknown keys are rejected (they are usually typos).
 * - A year must contain a 春节 and a 国庆节 break (every arrangement since 1999 has both); this stops a
 *   partial file from being taken for a whole year.
 *
 * Every problem is reported at once as `AppError('invalid', [...])` with a code, a Chinese message and
 * the field path (e.g. `[0].holidays[2].to`).
 */
import { AppError, invalid, type FieldError } from '../platform/errors.js';
import { eachDay, tryDayNumber, type IsoDate } from '../platform/dates.js';
import type { CalendarImportResult, HolidayArrangement, NoticeRef, YearData } from './calendar.types.js';
import { checkYears, nearestHoliday } from './calendar-validate.rules.js';

/** The .ics parser (see calendar-ics.rules.ts for the accepted shapes). */
export { parseCalendarIcs } from './calendar-ics.rules.js';
/** Result of both parsers. */
export type { CalendarImportResult } from './calendar.types.js';

const HOLIDAY_KEYS = new Set(['name', 'from', 'to', 'days', 'offDays', 'workdays', 'makeupWorkdays']);
const YEAR_KEYS = new Set(['year', 'holidays', 'workdays', 'notices', 'notice', 'explanations']);
// Read-only fields of the API's year summary (GET /api/v1/calendar/:year): ignored, so that answer imports back.
const SUMMARY_HOLIDAY_KEYS = new Set(['text', 'offDayCount']);
const SUMMARY_YEAR_KEYS = new Set(['provisional', 'workingWeekends', 'workingDays', 'lines']);
const MAX_BREAK_DAYS = 31;

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses JSON text holding one year object or an array of them. */
export function parseCalendarJson(text: string): CalendarImportResult {
  let doc: Json;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw invalid('calendar_json_syntax', `日历文件不是有效的 JSON：${(e as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : [doc];
  const prefix = (i: number): string => (Array.isArray(doc) ? `[${i}].` : '');
  const errors: FieldError[] = [];
  const years: YearData[] = [];
  list.forEach((item, i) => {
    const y = readYear(item, prefix(i), errors);
    if (y) years.push(y);
  });
  if (errors.length === 0) errors.push(...checkYears(years, (i) => prefix(i).replace(/\.$/, '')));
  if (errors.length > 0) throw new AppError('invalid', errors);
  return { years, notes: [] };
}

function readDates(v: Json, field: string, errors: FieldError[]): IsoDate[] | null {
  if (!Array.isArray(v)) {
    errors.push({ code: 'calendar_field_type', message: '应为日期列表，例如 ["2026-01-04"]。', field });
    return null;
  }
  const out: IsoDate[] = [];
  v.forEach((d, i) => {
    if (typeof d === 'string' && !Number.isNaN(tryDayNumber(d))) out.push(d);
    else
      errors.push({
        code: 'invalid_date',
        message: `“${String(d)}”不是有效日期（格式为 2026-01-04）。`,
        field: `${field}[${i}]`,
      });
  });
  return out;
}

function readHoliday(v: Json, p: string, errors: FieldError[]): HolidayArrangement | null {
  if (!isObject(v)) {
    errors.push({ code: 'calendar_field_type', message: '每个节假日应为对象。', field: p });
    return null;
  }
  const before = errors.length;
  for (const k of Object.keys(v)) {
    if (!HOLIDAY_KEYS.has(k) && !SUMMARY_HOLIDAY_KEYS.has(k))
      errors.push({ code: 'calendar_field_unknown', message: `不认识的字段“${k}”。`, field: `${p}.${k}` });
  }
  const name = v.name;
  if (typeof name !== 'string' || name.trim() === '') {
    errors.push({ code: 'calendar_holiday_name_missing', message: '节假日名称（name）不能为空。', field: `${p}.name` });
  }
  let offDays: IsoDate[] | null = null;
  const daysKey = v.days !== undefined ? 'days' : v.offDays !== undefined ? 'offDays' : null;
  if (daysKey) {
    offDays = readDates(v[daysKey], `${p}.${daysKey}`, errors);
    if (offDays && offDays.length === 0) {
      errors.push({ code: 'calendar_holiday_days_missing', message: '放假日期列表为空。', field: `${p}.${daysKey}` });
    }
  } else {
    const from = v.from;
    const to = v.to;
    const fromOk = typeof from === 'string' && !Number.isNaN(tryDayNumber(from));
    const toOk = typeof to === 'string' && !Number.isNaN(tryDayNumber(to));
    if (from === undefined && to === undefined) {
      errors.push({
        code: 'calendar_holiday_days_missing',
        message: '请用 from/to 或 days 给出放假日期。',
        field: `${p}.from`,
      });
    } else if (!fromOk) {
      errors.push({
        code: 'invalid_date',
        message: `放假开始日期“${String(from)}”无效（格式为 2026-01-01）。`,
        field: `${p}.from`,
      });
    } else if (!toOk) {
      errors.push({
        code: 'invalid_date',
        message: `放假结束日期“${String(to)}”无效（格式为 2026-01-03）。`,
        field: `${p}.to`,
      });
    } else {
      const span = tryDayNumber(to as string) - tryDayNumber(from as string);
      if (span < 0 || span >= MAX_BREAK_DAYS) {
        errors.push({
          code: 'calendar_range_invalid',
          message: `放假区间 ${from} 至 ${to} 无效（结束日期须不早于开始日期，且不超过${MAX_BREAK_DAYS}天）。`,
          field: `${p}.to`,
        });
      } else offDays = eachDay(from as string, to as string);
    }
  }
  const wKey = v.workdays !== undefined ? 'workdays' : v.makeupWorkdays !== undefined ? 'makeupWorkdays' : null;
  const makeup = wKey ? readDates(v[wKey], `${p}.${wKey}`, errors) : [];
  if (errors.length > before || !offDays || !makeup) return null;
  return { name: (name as string).trim(), offDays: [...offDays].sort(), makeupWorkdays: [...makeup].sort() };
}

function readNotices(v: Json, p: string, errors: FieldError[]): NoticeRef[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    errors.push({ code: 'calendar_field_type', message: 'notices 应为列表。', field: p });
    return [];
  }
  const out: NoticeRef[] = [];
  v.forEach((n, i) => {
    if (!isObject(n) || typeof n.title !== 'string' || n.title.trim() === '') {
      errors.push({ code: 'calendar_notice_invalid', message: '通知应包含标题（title）。', field: `${p}[${i}]` });
      return;
    }
    const ref: NoticeRef = { title: n.title };
    if (typeof n.number === 'string') ref.number = n.number;
    if (typeof n.issuedOn === 'string' && !Number.isNaN(tryDayNumber(n.issuedOn))) ref.issuedOn = n.issuedOn;
    if (typeof n.url === 'string') ref.url = n.url;
    out.push(ref);
  });
  return out;
}

function readYear(v: Json, p: string, errors: FieldError[]): YearData | null {
  if (!isObject(v)) {
    errors.push({
      code: 'calendar_field_type',
      message: '年度数据应为对象，例如 {"year": 2026, "holidays": [...]}。',
      field: p.replace(/\.$/, '') || 'year',
    });
    return null;
  }
  const before = errors.length;
  for (const k of Object.keys(v)) {
    if (!YEAR_KEYS.has(k) && !SUMMARY_YEAR_KEYS.has(k))
      errors.push({ code: 'calendar_field_unknown', message: `不认识的字段“${k}”。`, field: `${p}${k}` });
  }
  if (v.provisional === true) {
    errors.push({
      code: 'calendar_import_provisional',
      message: '这是依法推算的暂定安排，不是国务院办公厅公布的安排，不能导入。',
      field: `${p}provisional`,
    });
  }
  const year = v.year;
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    errors.push({
      code: 'calendar_year_invalid',
      message: '缺少年度（year），应为整数，例如 2026。',
      field: `${p}year`,
    });
  }
  if (!Array.isArray(v.holidays) || v.holidays.length === 0) {
    errors.push({ code: 'calendar_holidays_missing', message: '缺少节假日列表（holidays）。', field: `${p}holidays` });
    return null;
  }
  const holidays = v.holidays
    .map((h, i) => readHoliday(h, `${p}holidays[${i}]`, errors))
    .filter((h): h is HolidayArrangement => h !== null);
  const loose = v.workdays === undefined ? [] : readDates(v.workdays, `${p}workdays`, errors);
  const notices = [
    ...readNotices(v.notices, `${p}notices`, errors),
    ...(v.notice === undefined ? [] : readNotices([v.notice], `${p}notice`, errors)),
  ];
  const explanations = readExplanations(v.explanations, `${p}explanations`, errors);
  if (errors.length > before || !loose) return null;
  loose.forEach((d, i) => {
    const target = nearestHoliday(holidays, d);
    if (!target) {
      errors.push({
        code: 'calendar_workday_unattached',
        message: `调休上班日 ${d} 附近（45天内）没有节假日，无法归属。`,
        field: `${p}workdays[${i}]`,
      });
    } else target.makeupWorkdays = [...target.makeupWorkdays, d].sort();
  });
  return { year: year as number, holidays, notices, explanations };
}

function readExplanations(v: Json, p: string, errors: FieldError[]): YearData['explanations'] {
  if (v === undefined) return [];
  const ok =
    Array.isArray(v) &&
    v.every(
      (x) =>
        isObject(x) &&
        typeof x.date === 'string' &&
        !Number.isNaN(tryDayNumber(x.date)) &&
        typeof x.working === 'boolean' &&
        typeof x.reason === 'string',
    );
  if (!ok) {
    errors.push({ code: 'calendar_field_type', message: 'explanations 应为 {date, working, reason} 列表。', field: p });
    return [];
  }
  return (v as Array<{ date: string; working: boolean; reason: string }>).map((x) => ({
    date: x.date,
    working: x.working,
    reason: x.reason,
  }));
}
