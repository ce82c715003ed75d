import type { Db } from '../platform/db/schema.js';
import { isAppError } from '../platform/errors.js';
import { buildCalendar, type WorkCalendar } from '../calendar/calendar.rules.js';
import { getCalendar } from '../calendar/get-calendar.js';
import { OFFICIAL_YEARS } from '../calendar/official-holidays.data.js';

let official: WorkCalendar | null = null;

/** The stored working-day calendar, or the official data when none has been loaded yet. */
export async function catalogCalendar(db: Db): Promise<WorkCalendar> {
  try {
    return await getCalendar(db);
  } catch (e) {
    if (!isAppError(e)) throw e;
    official ??= buildCalendar(OFFICIAL_YEARS);
    return official;
  }
}
