/**
 * The statutory working-day calendar (工作日历), pure.
 *
 * A working day is a Monday–Friday that is not a day off under that year's State Council arrangement,
 * plus every weekend day the arrangement declares a working day (调休上班).
 * (《行政许可法》第八十二条 “以工作日计算，不含法定节假日”; 《全国年节及纪念日放假办法》第二条、第六条.)
 *
 * Periods follow 《民法典》第二百零一条: “开始的当日不计入，自下一日开始计算”.
 *
 * A year without data is an error (`calendar_year_missing`), never a Monday–Friday guess.
 *
 * Speed: `buildCalendar` precomputes, for every day of the covered span, its kind and the running
 * count of working days, plus the list of working days. Every query is then O(1) array arithmetic.
 */
import { AppError, invalid } from '../platform/errors.js';
import { fromDayNumber, tryDayNumber, weekdayOfDayNumber, type IsoDate } from '../platform/dates.js';
import type { YearData } from './calendar.types.js';
import { validateYearData } from './calendar-validate.rules.js';
import { formatDayRange, joinDates } from './calendar-format.rules.js';

/** How a day counts. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

/** Chinese labels of the day kinds. */
export const DAY_KIND_LABELS: Readonly<Record<DayKind, string>> = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '法定节假日（放假）',
  makeup_workday: '调休上班日',
};

const K_WORKDAY = 0;
const K_WEEKEND = 1;
const K_HOLIDAY = 2;
const K_MAKEUP = 3;
const K_MISSING = 4;
const KIND_NAMES: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeup_workday'];

/** One holiday arrangement as indexed (day indexes relative to the calendar start). */
interface IndexedPeriod {
  name: string;
  year: number;
  from: number;
  to: number;
  offDays: number;
  makeup: number[];
}

/** A built calendar. Treat it as opaque: use the functions of this module. */
export interface WorkCalendar {
  /** The notice years the calendar has data for, ascending. */
  readonly years: readonly number[];
  /** The source data by year. */
  readonly data: ReadonlyMap<number, YearData>;
  /** Day number (days since 1970-01-01) of index 0 = 1 January of the first covered year. */
  readonly start: number;
  /** Per-day kind code, index = day number − start. */
  readonly kinds: Uint8Array;
  /** Working days in [0, i]. */
  readonly cum: Int32Array;
  /** Days of uncovered years in [0, i]. */
  readonly cumMissing: Int32Array;
  /** Indexes of all working days, ascending: the k-th working day (1-based) is `work[k − 1]`. */
  readonly work: Int32Array;
  /** Per-day index into `periods` (off days and make-up days), −1 when none. */
  readonly periodOf: Int16Array;
  readonly periods: readonly IndexedPeriod[];
  /** Date string of every index (built once). */
  readonly iso: readonly IsoDate[];
  /** Years not yet announced, derived from the law (provisional-year.rules.ts), after every announced year. */
  readonly provisionalYears: readonly number[];
  /** Index of 1 January of the first provisional year (`kinds.length` when there is none). */
  readonly provisionalFrom: number;
}

/** The `calendar_year_missing` error for a year without data. */
export function yearMissingError(year: number, field?: string): AppError {
  return new AppError('invalid', {
    code: 'calendar_year_missing',
    message: `日历中没有${year}年的节假日安排（超出可计算的范围），无法计算工作日。`,
    ...(field ? { field } : {}),
  });
}

/** Builds the calendar from year records (validated; conflicting or duplicate data is rejected). */
export function buildCalendar(years: readonly YearData[]): WorkCalendar {
  if (years.length === 0) throw invalid('calendar_empty', '日历中没有任何年度的法定节假日安排。');
  const errors = years.flatMap((y, i) => validateYearData(y, `years[${i}]`));
  if (errors.length > 0) throw new AppError('invalid', errors);
  const data = new Map<number, YearData>();
  for (const y of years) {
    if (data.has(y.year)) throw invalid('calendar_year_duplicate', `${y.year}年的节假日安排重复导入。`);
    data.set(y.year, y);
  }
  const sorted = [...data.keys()].sort((a, b) => a - b);
  const provisionalYears = sorted.filter((y) => data.get(y)?.provisional);
  const lastAnnounced = sorted.filter((y) => !data.get(y)?.provisional).pop();
  if (provisionalYears.length && lastAnnounced !== undefined && (provisionalYears[0] as number) < lastAnnounced) {
    throw invalid(
      'calendar_provisional_order',
      `${provisionalYears[0]}年的暂定安排不能早于已公布的${lastAnnounced}年安排。`,
    );
  }
  const first = sorted[0] as number;
  const last = sorted[sorted.length - 1] as number;
  const start = tryDayNumber(`${first}-01-01`);
  const length = tryDayNumber(`${last}-12-31`) - start + 1;

  const kinds = new Uint8Array(length);
  const periodOf = new Int16Array(length).fill(-1);
  const iso: IsoDate[] = new Array<IsoDate>(length);
  for (let i = 0; i < length; i++) {
    const n = start + i;
    iso[i] = fromDayNumber(n);
    const year = Number((iso[i] as string).slice(0, 4));
    const wd = weekdayOfDayNumber(n);
    kinds[i] = !data.has(year) ? K_MISSING : wd === 0 || wd === 6 ? K_WEEKEND : K_WORKDAY;
  }

  const periods: IndexedPeriod[] = [];
  const claimed = new Map<number, string>();
  const claim = (i: number, what: string): void => {
    const prev = claimed.get(i);
    if (prev !== undefined) {
      throw invalid('calendar_conflict', `${iso[i]} 同时被标记为“${prev}”和“${what}”，请检查节假日数据。`);
    }
    claimed.set(i, what);
  };
  for (const y of sorted) {
    for (const hol of (data.get(y) as YearData).holidays) {
      const offIdx = hol.offDays.map((d) => tryDayNumber(d) - start);
      const mkIdx = hol.makeupWorkdays.map((d) => tryDayNumber(d) - start);
      const p = periods.length;
      periods.push({
        name: hol.name,
        year: y,
        from: offIdx[0] as number,
        to: offIdx[offIdx.length - 1] as number,
        offDays: offIdx.length,
        makeup: mkIdx,
      });
      for (const i of offIdx) {
        // Days before the first covered year (e.g. 2007-12-30 for the 2008 元旦 break) stay uncovered.
        if (i < 0 || i >= length) continue;
        claim(i, `${hol.name}放假`);
        if (kinds[i] !== K_MISSING) kinds[i] = K_HOLIDAY;
        periodOf[i] = p;
      }
      for (const i of mkIdx) {
        if (i < 0 || i >= length) continue;
        claim(i, `${hol.name}调休上班`);
        if (kinds[i] !== K_MISSING) kinds[i] = K_MAKEUP;
        periodOf[i] = p;
      }
    }
  }

  const cum = new Int32Array(length);
  const cumMissing = new Int32Array(length);
  const work: number[] = [];
  let c = 0;
  let m = 0;
  for (let i = 0; i < length; i++) {
    const k = kinds[i];
    if (k === K_WORKDAY || k === K_MAKEUP) {
      c++;
      work.push(i);
    } else if (k === K_MISSING) m++;
    cum[i] = c;
    cumMissing[i] = m;
  }
  return {
    years: sorted,
    data,
    start,
    kinds,
    cum,
    cumMissing,
    work: Int32Array.from(work),
    periodOf,
    periods,
    iso,
    provisionalYears,
    provisionalFrom: provisionalYears.length ? tryDayNumber(`${provisionalYears[0]}-01-01`) - start : length,
  };
}

/** True when the calendar has data for the year (announced or provisional). */
export function coversYear(cal: WorkCalendar, year: number): boolean {
  return cal.data.has(year);
}

/** True when the year's official arrangement is in the calendar (not only the provisional one). */
export function isAnnouncedYear(cal: WorkCalendar, year: number): boolean {
  return cal.data.has(year) && !cal.data.get(year)?.provisional;
}

/** True when the (covered) index lies in a year not yet announced: what it says is provisional (暂定). */
export function isProvisionalIndex(cal: WorkCalendar, i: number): boolean {
  return i >= cal.provisionalFrom;
}

/** True when `date` lies in a year whose arrangement is provisional (暂定). */
export function isProvisionalDate(cal: WorkCalendar, date: IsoDate): boolean {
  return tryDayNumber(date) - cal.start >= cal.provisionalFrom;
}

// ---------------------------------------------------------------------------------------------
// Index-level API (for hot loops such as the request clock). An index is day number − cal.start.
// ---------------------------------------------------------------------------------------------

/** Index of a covered date; throws `invalid_date` or `calendar_year_missing` (with `field`). */
export function dayIndex(cal: WorkCalendar, date: IsoDate, field?: string): number {
  const n = tryDayNumber(date);
  if (Number.isNaN(n)) {
    throw invalid('invalid_date', `日期“${String(date)}”无效，应为“年-月-日”格式的真实日期，例如 2025-10-30。`, field);
  }
  const i = n - cal.start;
  if (i < 0 || i >= cal.kinds.length || cal.kinds[i] === K_MISSING) {
    throw yearMissingError(Number(date.slice(0, 4)), field);
  }
  return i;
}

/** The date of an index. */
export function dateAt(cal: WorkCalendar, i: number): IsoDate {
  return cal.iso[i] ?? fromDayNumber(cal.start + i);
}

/** True when the (covered) index is a working day. */
export function isWorkingIndex(cal: WorkCalendar, i: number): boolean {
  const k = cal.kinds[i];
  return k === K_WORKDAY || k === K_MAKEUP;
}

/** The first uncovered year after index i, for error messages. */
function firstMissingYearAfter(cal: WorkCalendar, i: number): number {
  const len = cal.kinds.length;
  for (let j = i + 1; j < len; j++) if (cal.kinds[j] === K_MISSING) return Number(dateAt(cal, j).slice(0, 4));
  return (cal.years[cal.years.length - 1] as number) + 1;
}

/** Index of the n-th working day after index i (n = 0 → i). Throws when the count leaves the data. */
export function addWorkingDaysIndex(cal: WorkCalendar, i: number, n: number, field?: string): number {
  if (n === 0) return i;
  const k = cal.cum[i] as number;
  const r = cal.work[k + n - 1];
  if (r === undefined || (cal.cumMissing[r] as number) !== (cal.cumMissing[i] as number)) {
    throw yearMissingError(firstMissingYearAfter(cal, i), field);
  }
  return r;
}

/** Working days in the half-open span (a, b] of indexes (a ≤ b); throws when it crosses a gap. */
export function workingDaysBetweenIndex(cal: WorkCalendar, a: number, b: number, field?: string): number {
  if (b <= a) return 0;
  if ((cal.cumMissing[b] as number) !== (cal.cumMissing[a] as number)) {
    throw yearMissingError(firstMissingYearAfter(cal, a), field);
  }
  return (cal.cum[b] as number) - (cal.cum[a] as number);
}

// ---------------------------------------------------------------------------------------------
// Date-level API.
// ---------------------------------------------------------------------------------------------

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw invalid('invalid_working_days', `工作日数必须是非负整数，收到的是“${n}”。`);
  }
}

/** True when `date` is a working day (weekday not off, or a 调休上班 weekend day). */
export function isWorkingDay(cal: WorkCalendar, date: IsoDate): boolean {
  return isWorkingIndex(cal, dayIndex(cal, date));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkCalendar, date: IsoDate): IsoDate {
  return dateAt(cal, addWorkingDaysIndex(cal, dayIndex(cal, date), 1));
}

/**
 * The n-th working day after `date`. 民法典第二百零一条: the start day is not counted, counting
 * begins the next day; n = 0 returns `date` itself. Throws `calendar_year_missing` when the count
 * runs into a year without data.
 */
export function addWorkingDays(cal: WorkCalendar, date: IsoDate, n: number): IsoDate {
  checkCount(n);
  return dateAt(cal, addWorkingDaysIndex(cal, dayIndex(cal, date), n));
}

/**
 * Number of working days in the half-open span (a, b]: `a` is not counted, `b` is.
 * So `workingDaysBetween(d, addWorkingDays(d, n)) === n`. When b < a the result is negative:
 * −workingDaysBetween(b, a).
 */
export function workingDaysBetween(cal: WorkCalendar, a: IsoDate, b: IsoDate): number {
  const ia = dayIndex(cal, a);
  const ib = dayIndex(cal, b);
  return ib >= ia ? workingDaysBetweenIndex(cal, ia, ib) : -workingDaysBetweenIndex(cal, ib, ia);
}

/** What a day is. */
export interface DayInfo {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** For a holiday: its name; for a make-up working day: the holiday it makes up for. */
  holidayName?: string;
  /** True in a year not yet announced: derived from the law, may change when the notice is imported. */
  provisional: boolean;
}

/** Kind, working status and holiday name of a date. */
export function dayInfo(cal: WorkCalendar, date: IsoDate): DayInfo {
  const i = dayIndex(cal, date);
  const k = cal.kinds[i] as number;
  const p = cal.periodOf[i] as number;
  const info: DayInfo = {
    date: dateAt(cal, i),
    working: isWorkingIndex(cal, i),
    kind: KIND_NAMES[k] as DayKind,
    provisional: isProvisionalIndex(cal, i),
  };
  if (p >= 0) info.holidayName = (cal.periods[p] as IndexedPeriod).name;
  return info;
}

/** Holiday arrangements and make-up days touching [from, to] (indexes, inclusive). */
export function arrangementsInRange(
  cal: WorkCalendar,
  from: number,
  to: number,
): { holidays: { name: string; from: IsoDate; to: IsoDate }[]; makeupWorkdays: IsoDate[] } {
  const seen: number[] = [];
  const makeup: IsoDate[] = [];
  const lo = Math.max(0, from);
  const hi = Math.min(cal.kinds.length - 1, to);
  for (let i = lo; i <= hi; i++) {
    const p = cal.periodOf[i] as number;
    if (p < 0) continue;
    if (cal.kinds[i] === K_MAKEUP) makeup.push(dateAt(cal, i));
    else if (!seen.includes(p)) seen.push(p);
  }
  const holidays = seen.map((p) => {
    const per = cal.periods[p] as IndexedPeriod;
    return { name: per.name, from: fromDayNumber(cal.start + per.from), to: fromDayNumber(cal.start + per.to) };
  });
  return { holidays, makeupWorkdays: makeup };
}

/**
 * Chinese description of the holidays and 调休 days within [from, to], e.g.
 * `10月1日至8日国庆节、中秋节放假，9月28日、10月11日调休上班`. A holiday touching the range is shown
 * with its whole break. Returns '' when the range has neither.
 */
export function describeRange(cal: WorkCalendar, from: IsoDate, to: IsoDate): string {
  return describeIndexRange(cal, dayIndex(cal, from), dayIndex(cal, to));
}

// Descriptions are memoised per calendar: the clock asks for the same few thousand ranges again and again.
const DESCRIPTIONS = new WeakMap<WorkCalendar, Map<number, string>[]>();

/** `describeRange` on indexes (memoised; the calendar is immutable). */
export function describeIndexRange(cal: WorkCalendar, from: number, to: number): string {
  let memo = DESCRIPTIONS.get(cal);
  if (!memo) {
    memo = [];
    DESCRIPTIONS.set(cal, memo);
  }
  const inRange = from >= 0 && from < cal.kinds.length;
  let row = inRange ? memo[from] : undefined;
  let text = row?.get(to);
  if (text === undefined) {
    const { holidays, makeupWorkdays } = arrangementsInRange(cal, from, to);
    const parts = holidays.map((h) => `${formatDayRange(h.from, h.to)}${h.name}放假`);
    if (makeupWorkdays.length > 0) parts.push(`${joinDates(makeupWorkdays)}调休上班`);
    text = parts.join('，');
    if (inRange) {
      if (!row) memo[from] = row = new Map();
      if (row.size < 400) row.set(to, text);
    }
  }
  return text;
}
