/**
 * A year's arrangement for display (`gongkai calendar show 2026`, the calendar page), pure.
 */
import { formatChineseShort, tryDayNumber, weekdayOfDayNumber, type IsoDate } from '../platform/dates.js';
import { dateAt, dayIndex, dayInfo, isWorkingIndex, yearMissingError, type WorkCalendar } from './calendar.rules.js';
import { formatDayRange } from './calendar-format.rules.js';
import { PROVISIONAL_BASIS } from './provisional-year.rules.js';
import type { YearData } from './calendar.types.js';

/** One line of a year summary. */
export interface YearSummaryHoliday {
  name: string;
  from: IsoDate;
  to: IsoDate;
  /** Every day off of the break (importable as is: `calendar import` reads `offDays` lists). */
  offDays: IsoDate[];
  offDayCount: number;
  makeupWorkdays: IsoDate[];
  /** e.g. `国庆节、中秋节：10月1日至8日放假，共8天；9月28日（星期日）、10月11日（星期六）调休上班`. */
  text: string;
}

/** A year's arrangement, for display. */
export interface YearSummary {
  year: number;
  /** True when the year's notice is not yet imported: the arrangement is derived from the law (暂定). */
  provisional: boolean;
  holidays: YearSummaryHoliday[];
  /** Weekend days of this calendar year that are working days. */
  workingWeekends: IsoDate[];
  /** Working days in this calendar year (1 January – 31 December). */
  workingDays: number;
  notices: YearData['notices'];
  lines: string[];
}

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Holidays, working weekends and totals of a year; throws `calendar_year_missing` without data. */
export function yearSummary(cal: WorkCalendar, year: number): YearSummary {
  const yd = cal.data.get(year);
  if (!yd) throw yearMissingError(year);
  const provisional = yd.provisional === true;
  const withWeekday = (d: IsoDate): string =>
    `${formatChineseShort(d)}（${WEEKDAY_ZH[weekdayOfDayNumber(tryDayNumber(d))]}）`;
  const holidays = yd.holidays.map((h): YearSummaryHoliday => {
    const from = h.offDays[0] as IsoDate;
    const to = h.offDays[h.offDays.length - 1] as IsoDate;
    let text = `${h.name}：${formatDayRange(from, to)}放假，共${h.offDays.length}天`;
    if (h.makeupWorkdays.length > 0) text += `；${h.makeupWorkdays.map(withWeekday).join('、')}调休上班`;
    return {
      name: h.name,
      from,
      to,
      offDays: [...h.offDays],
      offDayCount: h.offDays.length,
      makeupWorkdays: [...h.makeupWorkdays],
      text,
    };
  });
  const a = dayIndex(cal, `${year}-01-01`);
  const b = dayIndex(cal, `${year}-12-31`);
  const workingWeekends: IsoDate[] = [];
  let workingDays = 0;
  for (let i = a; i <= b; i++) {
    if (!isWorkingIndex(cal, i)) continue;
    workingDays++;
    const d = dateAt(cal, i);
    if (dayInfo(cal, d).kind === 'makeup_workday') workingWeekends.push(d);
  }
  const lines = [
    `${year}年法定节假日安排${provisional ? '（暂定）' : ''}`,
    ...(provisional ? [`国务院办公厅尚未公布${year}年节假日安排，以下为${PROVISIONAL_BASIS}`] : []),
    ...holidays.map((h) => h.text),
    `全年工作日 ${workingDays} 天，其中调休上班的周末 ${workingWeekends.length} 天`,
  ];
  return { year, provisional, holidays, workingWeekends, workingDays, notices: yd.notices, lines };
}
