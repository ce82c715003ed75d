/**
 * The one definition of the desk's “open” and “due” windows, pure: lists, the console home, reminders,
 * digests and the supervision dashboard all count with it (条例第三十三条: 20 working days, reminders
 * 3 working days before the date).
 */
import { addWorkingDays, type WorkCalendar } from '../calendar/index.js';
import { addDays } from '../platform/dates.js';
import { isOpenState, OPEN_REQUEST_STATES } from './request-states.rules.js';

export { OPEN_REQUEST_STATES };

/** How many working days ahead “due soon” looks. */
export const DUE_SOON_WORKING_DAYS = 3;

/**
 * The last day of “due within 3 working days” from `day` (inclusive); when the calendar lacks the year,
 * 5 calendar days (3 working days never span more than a weekend in that case).
 */
export function dueSoonUntil(cal: WorkCalendar, day: string): string {
  try {
    return addWorkingDays(cal, day, DUE_SOON_WORKING_DAYS);
  } catch {
    return addDays(day, 5);
  }
}

/** An open case whose answer date has passed (a paused clock has no date and is never overdue). */
export const isOverdue = (r: { state: string; due_on: string | null }, today: string): boolean =>
  isOpenState(r.state) && !!r.due_on && r.due_on < today;

/** An open case whose answer date falls from `today` to `until`. */
export const isDueSoon = (r: { state: string; due_on: string | null }, today: string, until: string): boolean =>
  isOpenState(r.state) && !!r.due_on && r.due_on >= today && r.due_on <= until;
