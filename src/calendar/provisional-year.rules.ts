/**
 * The provisional arrangement of a year whose State Council notice is not yet published (pure).
 *
 * The State Council announces each year's arrangement (《国务院办公厅关于…年部分节假日安排的通知》) in the
 * autumn before. Until an administrator imports it, deadlines that reach into that year are computed on
 * what the law itself fixes, and marked 暂定:
 * - 《全国年节及纪念日放假办法》(2024年修订) 第二条: 元旦 1月1日; 春节 农历除夕、正月初一至初三; 清明节 农历清明当日;
 *   劳动节 5月1日、2日; 端午节 农历端午当日; 中秋节 农历中秋当日; 国庆节 10月1日至3日.
 * - 第六条: a holiday for all citizens that falls on a Saturday or Sunday is compensated on a working day —
 *   here the first following Monday–Friday that is not itself a holiday or another compensation day.
 * - Saturdays and Sundays are rest days; no 调休 (make-up working days cannot be known before the notice).
 * Holidays that fall on the same day (e.g. 中秋 on 10月3日) give no extra day: the 办法 provides none.
 *
 * Lunar dates and the solar term 清明 come from tyme4ts (a maintained Chinese calendar library).
 */
import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import { fromDayNumber, isValidIsoDate, toDayNumber, weekdayOfDayNumber } from '../platform/dates.js';
import { isProvisionalDate, type WorkCalendar } from './calendar.rules.js';
import type { HolidayArrangement, YearData } from './calendar.types.js';

/** Where the provisional rules come from, shown with every provisional year. */
export const PROVISIONAL_BASIS =
  '依据《全国年节及纪念日放假办法》第二条、第六条推算（周末放假，节日逢周末在其后的工作日补假，不含调休）；国务院办公厅公布当年节假日安排后以通知为准。';

const ymd = (y: number, m: number, d: number): number =>
  toDayNumber(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const dayOf = (d: SolarDay): number => ymd(d.getYear(), d.getMonth(), d.getDay());
const isWeekend = (n: number): boolean => {
  const w = weekdayOfDayNumber(n);
  return w === 0 || w === 6;
};

/** The statutory holidays of a year (第二条), as day numbers with their names, in date order. */
export function statutoryHolidays(year: number): { name: string; day: number }[] {
  const lunar = (m: number, d: number): number => dayOf(LunarDay.fromYmd(year, m, d).getSolarDay());
  const springFirst = lunar(1, 1);
  const qingming = dayOf(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay());
  const days = [
    { name: '元旦', day: ymd(year, 1, 1) },
    ...[-1, 0, 1, 2].map((k) => ({ name: '春节', day: springFirst + k })),
    { name: '清明节', day: qingming },
    { name: '劳动节', day: ymd(year, 5, 1) },
    { name: '劳动节', day: ymd(year, 5, 2) },
    { name: '端午节', day: lunar(5, 5) },
    { name: '中秋节', day: lunar(8, 15) },
    ...[1, 2, 3].map((d) => ({ name: '国庆节', day: ymd(year, 10, d) })),
  ];
  return days.sort((a, b) => a.day - b.day);
}

/**
 * The provisional arrangement of `year`: the statutory holidays, each weekend holiday compensated on the
 * next free weekday (第六条), grouped into breaks of consecutive days off (weekends between them included).
 */
export function provisionalYear(year: number): YearData {
  const holidays = statutoryHolidays(year);
  const off = new Map<number, string>();
  for (const h of holidays) if (!off.has(h.day)) off.set(h.day, h.name);
  // 第六条: a statutory day on a weekend is made up on the first following weekday still free.
  for (const h of holidays) {
    if (!isWeekend(h.day) || off.get(h.day) !== h.name) continue;
    let d = h.day + 1;
    while (isWeekend(d) || off.has(d)) d++;
    off.set(d, h.name);
  }
  const days = [...off.keys()].sort((a, b) => a - b);
  const breaks: { days: number[]; names: string[] }[] = [];
  for (const d of days) {
    const last = breaks[breaks.length - 1];
    const prev = last?.days[last.days.length - 1];
    let joined = prev !== undefined;
    for (let g = (prev ?? d) + 1; joined && g < d; g++) joined = isWeekend(g);
    const name = off.get(d) as string;
    if (last && joined) {
      for (let g = (prev as number) + 1; g < d; g++) last.days.push(g);
      last.days.push(d);
      if (!last.names.includes(name)) last.names.push(name);
    } else breaks.push({ days: [d], names: [name] });
  }
  const arrangements: HolidayArrangement[] = breaks.map((b) => ({
    name: b.names.join('、'),
    offDays: b.days.map(fromDayNumber),
    makeupWorkdays: [],
  }));
  return { year, holidays: arrangements, notices: [], explanations: [], provisional: true };
}

/**
 * The one sentence shown beside a date on the provisional calendar (status page, calculator, letters,
 * case page, timeliness, supervision figures).
 */
export function provisionalNote(years: readonly number[]): string {
  return `${years.join('、')}年节假日安排尚未公布，涉及该年度的日期按《全国年节及纪念日放假办法》推算，为暂定日期，国务院办公厅通知公布后可能调整。`;
}

/** The 暂定 sentence for a date on the provisional calendar, or null for an announced (or missing) date. */
export function provisionalNoteFor(cal: WorkCalendar, date: string | null): string | null {
  return date && isValidIsoDate(date) && isProvisionalDate(cal, date)
    ? provisionalNote(provisionalYears([date]))
    : null;
}

/** The distinct years of a list of dates, ascending (for `provisionalNote`). */
export const provisionalYears = (dates: readonly string[]): number[] =>
  [...new Set(dates.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

/** Years after the last announced one that get a provisional arrangement. */
export const PROVISIONAL_YEARS_AHEAD = 5;

/**
 * The announced years followed by provisional ones for the next PROVISIONAL_YEARS_AHEAD years, so that a
 * deadline reaching past the last notice is computed (and flagged 暂定) instead of failing.
 */
export function withProvisionalYears(announced: readonly YearData[]): YearData[] {
  const official = announced.filter((y) => !y.provisional);
  if (!official.length) return [...official];
  const last = Math.max(...official.map((y) => y.year));
  const out = [...official];
  for (let y = last + 1; y <= last + PROVISIONAL_YEARS_AHEAD; y++) out.push(provisionalYear(y));
  return out;
}
