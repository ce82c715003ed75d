/**
 * The working-day calendar the request clock runs on: the official arrangements
 * (src/calendar/official-holidays.data.ts), built once.
 */
import { buildCalendar, type WorkCalendar } from '../calendar/calendar.rules.js';
import { OFFICIAL_YEARS } from '../calendar/official-holidays.data.js';

let cached: WorkCalendar | null = null;

/** The calendar used for due dates. */
export function requestCalendar(): WorkCalendar {
  cached ??= buildCalendar(OFFICIAL_YEARS);
  return cached;
}
