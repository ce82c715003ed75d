/**
 * Figures of public messages per agency and period, pure: received, 办结, 办结率, 按时办结率, 满意率,
 * average reply time in working days, and the inspection veto count. 国办秘函〔2019〕19号 单项否决
 * “互动回应差” (REFERENCE §4.2): within the year before the check, a valid message left
 * unanswered for more than three months fails the site outright.
 */
import { workingDaysBetween, type WorkCalendar } from '../calendar/index.js';
import { daysInMonth } from '../platform/dates.js';

/** What the figures need of a message. Held or rejected messages (not valid) are left out by the caller. */
export interface FigureMessage {
  receivedOn: string;
  dueOn: string | null;
  /** Date of the (first) reply or transfer out; null while pending. */
  repliedOn: string | null;
  rating: string | null;
}

/** The figures of a period [from, to] as of `asOf`. Ratios are null when their base is 0. */
export interface MessageFigures {
  received: number;
  closed: number;
  closedOnTime: number;
  rated: number;
  satisfied: number;
  completionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  avgReplyWorkingDays: number | null;
  /** Messages received within the year before `asOf` that stayed unanswered for more than 3 months. */
  unansweredOver3Months: number;
  /** True when the inspection's veto rule is hit. */
  veto: boolean;
}

/** `date` plus `n` calendar months, clamped to the month's last day (2025-11-30 + 3 → 2026-02-28). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** True when a message received on `receivedOn` and answered on `repliedOn` (or still open at `asOf`) waited more than three months. */
export function waitedOver3Months(receivedOn: string, repliedOn: string | null, asOf: string): boolean {
  const end = repliedOn && repliedOn <= asOf ? repliedOn : asOf;
  return end > addMonths(receivedOn, 3);
}

/** A rate rounded to one decimal of a percent (0.9973 → 99.7). */
const pct = (n: number, d: number): number | null => (d ? Math.round((n / d) * 1000) / 10 : null);

/** Computes the figures of the messages received in [from, to] as of `asOf`. */
export function computeFigures(
  cal: WorkCalendar,
  all: readonly FigureMessage[],
  period: { from: string; to: string; asOf: string },
): MessageFigures {
  const inPeriod = all.filter((m) => m.receivedOn >= period.from && m.receivedOn <= period.to);
  const closedList = inPeriod.filter((m) => m.repliedOn !== null && m.repliedOn <= period.asOf);
  const onTime = closedList.filter((m) => m.dueOn === null || (m.repliedOn as string) <= m.dueOn);
  const ratedList = closedList.filter((m) => m.rating !== null);
  const satisfied = ratedList.filter((m) => m.rating === 'satisfied' || m.rating === 'basically');
  const days = closedList.map((m) => workingDaysBetween(cal, m.receivedOn, m.repliedOn as string));
  const yearBefore = addMonths(period.asOf, -12);
  const stale = all.filter(
    (m) =>
      m.receivedOn >= yearBefore &&
      m.receivedOn <= period.asOf &&
      waitedOver3Months(m.receivedOn, m.repliedOn, period.asOf),
  );
  return {
    received: inPeriod.length,
    closed: closedList.length,
    closedOnTime: onTime.length,
    rated: ratedList.length,
    satisfied: satisfied.length,
    completionRate: pct(closedList.length, inPeriod.length),
    onTimeRate: pct(onTime.length, closedList.length),
    satisfactionRate: pct(satisfied.length, ratedList.length),
    avgReplyWorkingDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    unansweredOver3Months: stale.length,
    veto: stale.length > 0,
  };
}

/** `99.7%`, or `—` without a base. */
export const formatRate = (r: number | null): string => (r === null ? '—' : `${r}%`);
