import type { Ctx } from '../platform/context.js';
import type { WorkCalendar } from './calendar.rules.js';

/**
 * Capabilities that store deadlines (requests, messages, items) register a
 * listener that recomputes them when the calendar changes, and returns how many
 * stored due dates moved.
 */
export type CalendarListener = (ctx: Ctx, cal: WorkCalendar) => Promise<{ label: string; moved: number }>;

const listeners: CalendarListener[] = [];
export const onCalendarChange = (l: CalendarListener): void => void listeners.push(l);
export const calendarListeners = (): readonly CalendarListener[] => listeners;
