/**
 * Departments of a case (pure): the lead department (主办科室) with the handler, and co-handling
 * departments (协办科室), each with an internal due date before the statutory one and a reply.
 * 条例第四条 puts requests with the agency's 政府信息公开工作机构; internal dates are the agency's own
 * arrangement (not law), so the statutory clock never depends on them.
 */
import { addDays } from '../platform/dates.js';
import { isWorkingDay, type WorkCalendar } from '../calendar/index.js';

/** Roles of a department on a case. */
export const DEPARTMENT_ROLES = { lead: '主办科室', co: '协办科室' } as const;
/** A role key. */
export type DepartmentRole = keyof typeof DEPARTMENT_ROLES;

/** Default lead time: a co-handling department replies this many working days before the statutory due date. */
export const DEFAULT_COHANDLING_DAYS = 5;
/** Allowed range of the setting (working days). */
export const COHANDLING_DAYS_RANGE = { min: 1, max: 15 } as const;

/** The n-th working day before `date` (n = 0 → date). Throws `calendar_year_missing` outside the data. */
export function workingDaysBefore(cal: WorkCalendar, date: string, n: number): string {
  let d = date;
  for (let k = 0; k < n;) {
    d = addDays(d, -1);
    if (isWorkingDay(cal, d)) k++;
  }
  return d;
}

/**
 * The default internal due date of a co-handling department: `leadDays` working days before the
 * statutory due date, but never before the next working day after `today` (a department gets at
 * least one working day) and never after the due date itself.
 */
export function defaultInternalDue(cal: WorkCalendar, dueOn: string, today: string, leadDays: number): string {
  const wanted = workingDaysBefore(cal, dueOn, leadDays);
  if (wanted > today) return wanted;
  let next = addDays(today, 1);
  while (!isWorkingDay(cal, next)) next = addDays(next, 1);
  return next < dueOn ? next : dueOn > today ? dueOn : today;
}

/** A co-handling row as the rules need it. */
export interface CoHandling {
  internal_due_on: string | null;
  reply_on: string | null;
}

/** True when a co-handling department has not replied and its internal date has passed. */
export const isCoHandlingOverdue = (d: CoHandling, today: string): boolean =>
  !d.reply_on && !!d.internal_due_on && d.internal_due_on < today;

/** Parses the stored setting; the default when unset or invalid. */
export function parseCohandlingDays(v: string | undefined | null): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= COHANDLING_DAYS_RANGE.min && n <= COHANDLING_DAYS_RANGE.max
    ? n
    : DEFAULT_COHANDLING_DAYS;
}
