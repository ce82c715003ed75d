import { invalid, invalidFields } from '../platform/errors.js';
import { dayOfWeek, isValidIsoDate, type IsoDate } from '../platform/dates.js';
import type { YearData } from './calendar.types.js';
import { checkYears, nearestHoliday } from './calendar-validate.rules.js';

/**
 * Corrects one day of a year's arrangement: makes it a day off of the named
 * holiday (or of the nearest one), or a working day (a weekend becomes a 调休上班
 * day of the nearest holiday). Returns a new YearData; throws coded errors.
 */
export function correctDay(year: YearData, date: IsoDate, working: boolean, holidayName?: string): YearData {
  if (!isValidIsoDate(date)) throw invalid('date_invalid', `日期无效：${date}`, 'date');
  const n = Number(date.slice(0, 4));
  if (n < year.year - 1 || n > year.year)
    throw invalid('date_outside_year', `${date} 不属于 ${year.year} 年的节假日安排。`, 'date');
  const weekend = dayOfWeek(date) === 0 || dayOfWeek(date) === 6;
  const holidays = year.holidays.map((h) => ({
    ...h,
    offDays: h.offDays.filter((d) => d !== date),
    makeupWorkdays: h.makeupWorkdays.filter((d) => d !== date),
  }));
  if (working) {
    if (weekend) {
      const h = nearestHoliday(holidays, date);
      if (!h) throw invalid('no_holiday_near', '附近没有节假日，周末调休上班日需归属于某个节假日安排。', 'date');
      h.makeupWorkdays = [...h.makeupWorkdays, date].sort();
    }
  } else {
    const name = holidayName?.trim();
    let h = name ? holidays.find((x) => x.name === name) : nearestHoliday(holidays, date);
    if (!h) {
      if (!name) throw invalid('holiday_name_required', '请填写该休息日所属的节日名称。', 'holidayName');
      h = { name, offDays: [], makeupWorkdays: [] };
      holidays.push(h);
    }
    h.offDays = [...h.offDays, date].sort();
  }
  const next: YearData = { ...year, holidays: holidays.filter((h) => h.offDays.length > 0) };
  const errors = checkYears([next], () => 'date');
  if (errors.length) throw invalidFields(errors);
  return next;
}
