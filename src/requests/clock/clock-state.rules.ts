/** The request clock's working state and pause arithmetic (pure; used by request-clock.rules.ts and clock-events.rules.ts). */
import { type FieldError } from '../../platform/errors.js';
import { fromDayNumber, type IsoDate } from '../../platform/dates.js';
import {
  addWorkingDaysIndex,
  describeIndexRange,
  workingDaysBetweenIndex,
  type WorkCalendar,
} from '../../calendar/index.js';
import type { ConsultationParty } from './clock.types.js';

/** 条例第三十三条第二款: 20 working days to answer. */
export const ANSWER_WORKING_DAYS = 20;
/** 条例第三十条: the correction notice is due within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** 条例第三十二条、第三十四条: the consulted party replies within 15 working days. */
export const CONSULTATION_REPLY_WORKING_DAYS = 15;
/** Fee payment period: 20 working days — [R] in REFERENCE §3 (not verified in 国办函〔2020〕109号), hence a setting. */
export const DEFAULT_FEE_PAYMENT_WORKING_DAYS = 20;
/** The 2019 条例 (国务院令第711号) took effect on this date; before it the old 15-day regime applied. */
export const REGIME_2019 = '2019-05-15';

export interface Pause {
  kind: 'consultation' | 'fee';
  party: ConsultationParty;
  start: number;
  end: number | null;
  /** Consultation: reply due; fee: payment due (indexes). */
  limit: number;
}

export type Interval = [number, number];

/** Union of the pauses as half-open index intervals (s, e]; open pauses end at `closeAt`. */
export function mergedPauses(pauses: readonly Pause[], closeAt: number, cap: boolean): Interval[] {
  const raw: Interval[] = [];
  for (const p of pauses) {
    let e = p.end ?? closeAt;
    if (cap && p.kind === 'consultation' && e > p.limit) e = p.limit;
    if (e > p.start) raw.push([p.start, e]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const iv of raw) {
    const last = out[out.length - 1];
    // 条例第三十三条第三款: overlapping pauses are not counted twice.
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else out.push([iv[0], iv[1]]);
  }
  return out;
}

/** The n-th counted working day after day0, skipping paused spans; also returns the days skipped. */
export function dueWithPauses(
  cal: WorkCalendar,
  day0: number,
  n: number,
  ivs: readonly Interval[],
  field: string,
): { due: number; skipped: number } {
  let cur = day0;
  let remaining = n;
  let skipped = 0;
  for (const [s, e] of ivs) {
    if (e <= cur) continue;
    const from = s > cur ? s : cur;
    const avail = workingDaysBetweenIndex(cal, cur, from, field);
    if (avail >= remaining) break;
    remaining -= avail;
    skipped += workingDaysBetweenIndex(cal, from, e, field);
    cur = e;
  }
  return { due: addWorkingDaysIndex(cal, cur, remaining, field), skipped };
}

/** Paused working days within (a, b]. */
export function pausedWithin(cal: WorkCalendar, ivs: readonly Interval[], a: number, b: number, field: string): number {
  let n = 0;
  for (const [s, e] of ivs) {
    const lo = s > a ? s : a;
    const hi = e < b ? e : b;
    if (hi > lo) n += workingDaysBetweenIndex(cal, lo, hi, field);
  }
  return n;
}

/** Mutable state of one computation (kept in one object: no per-call closures in the hot path). */
export interface Ctx {
  cal: WorkCalendar;
  asOf: IsoDate;
  asOfIdx: number;
  answerDays: number;
  feeDays: number;
  cap: boolean;
  day0: number;
  correction: { on: number; until: number } | null;
  corrections: number;
  pauses: Pause[];
  extension: { days: number; on: number } | null;
  deadline: { due: number; reason: string } | null;
  answered: number | null;
  effective: number;
  warnings: FieldError[];
  steps: string[];
}

export function warn(ctx: Ctx, code: string, message: string, field?: string): void {
  ctx.warnings.push(field ? { code, message, field } : { code, message });
}

/** Holidays and 调休 days in (a, b], in Chinese. */
export function holidaysIn(cal: WorkCalendar, a: number, b: number): string {
  return describeIndexRange(cal, a + 1, b);
}

/** The due date as known at index `at` (open pauses end there). */
export function currentDue(ctx: Ctx, at: number, field: string): number {
  if (ctx.deadline) return ctx.deadline.due;
  const n = ctx.answerDays + (ctx.extension ? ctx.extension.days : 0);
  return dueWithPauses(ctx.cal, ctx.day0, n, mergedPauses(ctx.pauses, at, ctx.cap), field).due;
}

export const untilDate = (cal: WorkCalendar, i: number): IsoDate => fromDayNumber(cal.start + i);
