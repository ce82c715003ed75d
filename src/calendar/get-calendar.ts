import type { Db } from '../platform/db/schema.js';
import { buildCalendar, type WorkCalendar } from './calendar.rules.js';
import { calendarStamp, readYears } from './calendar.store.js';
import { OFFICIAL_YEARS } from './official-holidays.data.js';
import { withProvisionalYears } from './provisional-year.rules.js';
import type { YearData } from './calendar.types.js';

/** The calendar of the announced years plus the provisional years after them (暂定, derived from the law). */
export const calendarOf = (announced: readonly YearData[]): WorkCalendar =>
  buildCalendar(withProvisionalYears(announced));

let cached: { stamp: string; cal: WorkCalendar } | null = null;

/**
 * The working-day calendar stored in the database. Rebuilt only when a year was
 * added or changed (on any node: the stamp is read from the database). Before
 * `init` has loaded any year, the shipped official arrangements are used. Years after the last
 * announced one are provisional (see provisional-year.rules.ts).
 */
export async function getCalendar(db: Db): Promise<WorkCalendar> {
  const stamp = await calendarStamp(db);
  if (cached?.stamp === stamp) return cached.cal;
  const years = await readYears(db);
  const cal = calendarOf(years.length ? years : OFFICIAL_YEARS);
  cached = { stamp, cal };
  return cal;
}
