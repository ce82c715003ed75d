import type { Ctx } from '../platform/context.js';
import type { WorkCalendar } from './calendar.rules.js';

/** What changed in the calendar, for the capabilities that keep stored deadlines. */
export interface CalendarChange {
  /** The calendar before the change (stored deadlines were computed on it), when known. */
  before: WorkCalendar | null;
  /** Why, in Chinese, for case records and notices, e.g. `国务院办公厅公布2027年节假日安排`. */
  reason: string;
}

/**
 * Capabilities that store deadlines (requests, messages, items) register a
 * listener that recomputes them when the calendar changes, and returns how many
 * stored due dates moved.
 */
export type CalendarListener = (
  ctx: Ctx,
  cal: WorkCalendar,
  change: CalendarChange,
) => Promise<{ label: string; moved: number }>;

const listeners: CalendarListener[] = [];
export const onCalendarChange = (l: CalendarListener): void => void listeners.push(l);
export const calendarListeners = (): readonly CalendarListener[] => listeners;
