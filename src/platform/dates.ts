/**
 * Pure helpers for ISO calendar dates (`YYYY-MM-DD`, Asia/Shanghai calendar dates).
 *
 * Dates are plain strings everywhere in the domain. Internally a date maps to a *day number*
 * (days since 1970-01-01), computed with integer arithmetic only: no `Date` objects, no time zone,
 * so the results do not depend on the machine's TZ.
 */
import { invalid } from './errors.js';

/** An ISO calendar date string `YYYY-MM-DD`. */
export type IsoDate = string;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Reads 1–4 ASCII digits at [from, to); returns -1 on any non-digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Day number of a date string, or NaN when the string is not a real `YYYY-MM-DD` date. */
export function tryDayNumber(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

/** True when `s` is a real calendar date written `YYYY-MM-DD` (rejects `2025-02-30`). */
export function isValidIsoDate(s: unknown): s is IsoDate {
  return !Number.isNaN(tryDayNumber(s));
}

/** Day number (days since 1970-01-01) of a valid date; throws `invalid_date` otherwise. */
export function toDayNumber(date: IsoDate, field?: string): number {
  const n = tryDayNumber(date);
  if (Number.isNaN(n)) {
    throw invalid('invalid_date', `日期“${String(date)}”无效，应为“年-月-日”格式的真实日期，例如 2025-10-30。`, field);
  }
  return n;
}

/** The date for a day number (inverse of `toDayNumber`; H. Hinnant's civil_from_days). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The date `n` calendar days after `date` (negative `n` goes back). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Day of the week: 0 = Sunday, 1 = Monday … 6 = Saturday (like `Date#getUTCDay`). */
export function dayOfWeek(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Compares two dates: negative if a < b, 0 if equal, positive if a > b. */
export function compare(a: IsoDate, b: IsoDate): number {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Every date from `a` to `b`, both included (empty when b < a). */
export function eachDay(a: IsoDate, b: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  const end = toDayNumber(b);
  for (let n = toDayNumber(a); n <= end; n++) out.push(fromDayNumber(n));
  return out;
}

/** The year of a valid date. */
export function yearOf(date: IsoDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

/** `2025-10-30` → `2025年10月30日` (no leading zeros, as in official documents). */
export function formatChinese(date: IsoDate): string {
  toDayNumber(date);
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** `2025-10-30` → `10月30日`. */
export function formatChineseShort(date: IsoDate): string {
  toDayNumber(date);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Chinese weekday name, e.g. `2025-10-11` → `星期六`. */
export function weekdayChinese(date: IsoDate): string {
  return WEEKDAY_ZH[dayOfWeek(date)] ?? '';
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Today's calendar date in Asia/Shanghai for the instant `now` (the clock is injected).
 * China has used UTC+8 without daylight saving time since 1991, so a fixed offset is exact.
 */
export function todayInShanghai(now: Date): IsoDate {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw invalid('invalid_date', '当前时间无效。');
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / 86_400_000));
}
