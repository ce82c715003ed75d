/**
 * Validation of year records before they enter a calendar (pure). Returns every problem found,
 * each with a stable code, a Chinese message and the field path.
 */
import type { FieldError } from '../platform/errors.js';
import { tryDayNumber, type IsoDate } from '../platform/dates.js';
import type { YearData } from './calendar.types.js';

const MIN_YEAR = 1949;
const MAX_YEAR = 2200;

/**
 * Checks a year record: a sane year, named holidays with sorted, unique, real dates, and every date
 * within the notice's reach (1 December of the previous year to 31 January of the next: a 元旦 break
 * or its 调休 day may fall in the neighbouring year, e.g. 2022-12-31 for 2023).
 */
export function validateYearData(y: YearData, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const pre = path ? `${path}.` : '';
  const err = (code: string, message: string, field: string): void => {
    errors.push({ code, message, field });
  };
  if (!Number.isInteger(y.year) || y.year < MIN_YEAR || y.year > MAX_YEAR) {
    err('calendar_year_invalid', `年度“${String(y.year)}”无效，应为${MIN_YEAR}至${MAX_YEAR}之间的整数。`, `${pre}year`);
    return errors;
  }
  const lo = tryDayNumber(`${y.year - 1}-12-01`);
  const hi = tryDayNumber(`${y.year + 1}-01-31`);
  const checkDates = (dates: readonly string[], field: string, label: string): void => {
    let prev = -Infinity;
    dates.forEach((d, i) => {
      const n = tryDayNumber(d);
      const f = `${field}[${i}]`;
      if (Number.isNaN(n)) err('invalid_date', `${label}“${String(d)}”不是有效日期（格式为 2025-10-01）。`, f);
      else if (n < lo || n > hi) {
        err(
          'calendar_date_out_of_year',
          `${label}${d}不属于${y.year}年的节假日安排（应在${y.year - 1}年12月至${y.year + 1}年1月之间）。`,
          f,
        );
      } else if (n <= prev) err('calendar_dates_unsorted', `${label}${d}重复或未按日期先后排列。`, f);
      if (!Number.isNaN(n)) prev = n;
    });
  };
  if (!Array.isArray(y.holidays)) {
    err('calendar_holidays_missing', '缺少节假日列表（holidays）。', `${pre}holidays`);
    return errors;
  }
  y.holidays.forEach((h, i) => {
    const hp = `${pre}holidays[${i}]`;
    if (typeof h.name !== 'string' || h.name.trim() === '')
      err('calendar_holiday_name_missing', '节假日名称不能为空。', `${hp}.name`);
    if (!Array.isArray(h.offDays) || h.offDays.length === 0) {
      err('calendar_holiday_days_missing', `“${h.name}”没有放假日期。`, `${hp}.offDays`);
    } else checkDates(h.offDays, `${hp}.offDays`, '放假日期');
    if (!Array.isArray(h.makeupWorkdays)) {
      err('calendar_workdays_invalid', '调休上班日期应为日期列表。', `${hp}.makeupWorkdays`);
    } else {
      checkDates(h.makeupWorkdays, `${hp}.makeupWorkdays`, '调休上班日期');
      h.makeupWorkdays.forEach((d, j) => {
        if (Array.isArray(h.offDays) && h.offDays.includes(d)) {
          err('calendar_conflict', `${d}不能既放假又调休上班。`, `${hp}.makeupWorkdays[${j}]`);
        }
      });
    }
  });
  return errors;
}

/** The holiday whose break is nearest to `date` (within 45 days), or null. */
export function nearestHoliday<T extends { offDays: IsoDate[] }>(holidays: readonly T[], date: IsoDate): T | null {
  const n = tryDayNumber(date);
  let best: T | null = null;
  let bestDist = 46;
  for (const h of holidays) {
    const a = tryDayNumber(h.offDays[0] as IsoDate);
    const b = tryDayNumber(h.offDays[h.offDays.length - 1] as IsoDate);
    const dist = n < a ? a - n : n > b ? n - b : 0;
    if (dist < bestDist) {
      best = h;
      bestDist = dist;
    }
  }
  return best;
}

/**
 * Structural checks shared by the parsers: valid dates within the year's reach, no duplicates, and a
 * complete year (a 春节 and a 国庆节 break).
 */
export function checkYears(years: readonly YearData[], pathOf: (i: number) => string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  years.forEach((y, i) => {
    const p = pathOf(i);
    const pre = p ? `${p}.` : '';
    if (seen.has(y.year))
      errors.push({ code: 'calendar_year_duplicate', message: `${y.year}年出现了两次。`, field: `${pre}year` });
    seen.add(y.year);
    errors.push(...validateYearData(y, p));
    const names = y.holidays.map((h) => h.name).join('、');
    if (!names.includes('春节') || !names.includes('国庆')) {
      errors.push({
        code: 'calendar_year_incomplete',
        message: `${y.year}年的安排不完整：缺少${names.includes('春节') ? '' : '春节'}${!names.includes('春节') && !names.includes('国庆') ? '和' : ''}${names.includes('国庆') ? '' : '国庆节'}放假安排。`,
        field: `${pre}holidays`,
      });
    }
  });
  return errors;
}
