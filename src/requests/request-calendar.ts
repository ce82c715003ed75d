/**
 * The working-day calendar the request clock runs on: the calendar stored in the database
 * (getCalendar: administrators import and correct years), or the shipped official arrangements
 * (src/calendar/official-holidays.data.ts) when the database holds no year yet.
 */
import type { Db } from '../platform/db/schema.js';
import { isAppError } from '../platform/errors.js';
import { buildCalendar, type WorkCalendar } from '../calendar/calendar.rules.js';
import { getCalendar } from '../calendar/get-calendar.js';
import { OFFICIAL_YEARS } from '../calendar/official-holidays.data.js';

let official: WorkCalendar | null = null;

/** The calendar used for due dates. */
export async function requestCalendar(db: Db): Promise<WorkCalendar> {
  try {
    const cal = await getCalendar(db);
    if (cal.years.length) return cal;
  } catch (e) {
    if (!isAppError(e) || e.code !== 'calendar_empty') throw e;
  }
  official ??= buildCalendar(OFFICIAL_YEARS);
  return official;
}
