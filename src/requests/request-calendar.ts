/**
 * The working-day calendar the request clock runs on: the calendar stored in the database
 * (administrators import and correct years), or the shipped official arrangements before `init`.
 */
import type { Db } from '../platform/db/schema.js';
import { getCalendar } from '../calendar/index.js';
import { dueSoonUntil } from './due-window.rules.js';

export { getCalendar as requestCalendar } from '../calendar/index.js';

/** The last day of “due within 3 working days” from `day`, on the stored calendar. */
export async function soonUntil(db: Db, day: string): Promise<string> {
  return dueSoonUntil(await getCalendar(db), day);
}
