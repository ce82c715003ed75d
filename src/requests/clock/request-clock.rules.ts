/**
 * The request clock (依申请公开答复期限), pure: a ledger of dated events → the clock state.
 *
 * Rules (see docs/deadlines.md for worked examples):
 * - 条例第三十一条: day 0 is the receipt date, which depends on the channel.
 * - 条例第三十三条第二款: answer within 20 working days; 民法典第二百零一条: day 0 is not counted, so the
 *   due date is the 20th working day after day 0.
 * - 条例第三十条: a correction notice is due within 7 working days of receipt; while the applicant
 *   corrects, the clock stops; the corrected application restarts the count (new day 0). No correction
 *   by the deadline → deemed abandoned (outcome 六.1).
 * - 条例第三十三条第三款 (consultations under 第三十二条/第三十四条) and the fee notice: working days
 *   after the day a pause starts, up to and including the day it ends, are not counted. Overlapping
 *   pauses count once. An open pause is treated as ending on `asOf` (due date flagged provisional).
 * - 条例第三十三条第二款: one extension of at most 20 working days, decided on or before the due date.
 * - 条例第三十五条: an explicit, reasoned due date replaces the computed one.
 */
import { conflict, invalid, type FieldError } from '../../platform/errors.js';
import { fromDayNumber, tryDayNumber, type IsoDate } from '../../platform/dates.js';
import {
  addWorkingDaysIndex,
  dateAt,
  dayIndex,
  describeIndexRange,
  isProvisionalDate,
  isWorkingIndex,
  workingDaysBetweenIndex,
  type WorkCalendar,
} from '../../calendar/index.js';
import type {
  ClockEvent,
  ClockLedger,
  ClockOptions,
  ClockResult,
  ClockStateName,
  ConsultationParty,
  ConsultationReport,
  FeeNoticeReport,
} from './clock.types.js';
import { parseLedger } from './clock-input.rules.js';
import * as ex from './clock-explain.rules.js';

/** 条例第三十三条第二款: 20 working days to answer. */
export const ANSWER_WORKING_DAYS = 20;
/** 条例第三十条: the correction notice is due within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** 条例第三十二条、第三十四条: the consulted party replies within 15 working days. */
export const CONSULTATION_REPLY_WORKING_DAYS = 15;
/** Fee payment period: 20 working days — [R] in REFERENCE §3 (not verified in 国办函〔2020〕109号), hence a setting. */
export const DEFAULT_FEE_PAYMENT_WORKING_DAYS = 20;
/** The 2019 条例 (国务院令第711号) took effect on this date; before it the old 15-day regime applied. */
const REGIME_2019 = '2019-05-15';

interface Pause {
  kind: 'consultation' | 'fee';
  party: ConsultationParty;
  start: number;
  end: number | null;
  /** Consultation: reply due; fee: payment due (indexes). */
  limit: number;
}

type Interval = [number, number];

/** Union of the pauses as half-open index intervals (s, e]; open pauses end at `closeAt`. */
function mergedPauses(pauses: readonly Pause[], closeAt: number, cap: boolean): Interval[] {
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
function dueWithPauses(
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
function pausedWithin(cal: WorkCalendar, ivs: readonly Interval[], a: number, b: number, field: string): number {
  let n = 0;
  for (const [s, e] of ivs) {
    const lo = s > a ? s : a;
    const hi = e < b ? e : b;
    if (hi > lo) n += workingDaysBetweenIndex(cal, lo, hi, field);
  }
  return n;
}

/** Mutable state of one computation (kept in one object: no per-call closures in the hot path). */
interface Ctx {
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

function warn(ctx: Ctx, code: string, message: string, field?: string): void {
  ctx.warnings.push(field ? { code, message, field } : { code, message });
}

/** Holidays and 调休 days in (a, b], in Chinese. */
function holidaysIn(cal: WorkCalendar, a: number, b: number): string {
  return describeIndexRange(cal, a + 1, b);
}

/** The due date as known at index `at` (open pauses end there). */
function currentDue(ctx: Ctx, at: number, field: string): number {
  if (ctx.deadline) return ctx.deadline.due;
  const n = ctx.answerDays + (ctx.extension ? ctx.extension.days : 0);
  return dueWithPauses(ctx.cal, ctx.day0, n, mergedPauses(ctx.pauses, at, ctx.cap), field).due;
}

const untilDate = (cal: WorkCalendar, i: number): IsoDate => fromDayNumber(cal.start + i);

/**
 * Computes the clock state of a request as of `asOf` (a date: the clock is a parameter).
 * Throws coded `AppError`s naming the offending field for invalid input, impossible sequences and
 * dates in years without calendar data. Never returns a guessed date.
 */
export function computeClock(
  cal: WorkCalendar,
  ledger: ClockLedger,
  asOf: IsoDate,
  options: ClockOptions = {},
): ClockResult {
  parseLedger(ledger);
  const answerDays = options.answerWorkingDays ?? ANSWER_WORKING_DAYS;
  const feeDays = options.feePaymentWorkingDays ?? DEFAULT_FEE_PAYMENT_WORKING_DAYS;
  if (!Number.isInteger(feeDays) || feeDays < 1)
    throw invalid('option_invalid', '缴费期限（工作日数）必须是正整数。', 'feePaymentWorkingDays');
  if (!Number.isInteger(answerDays) || answerDays < 1)
    throw invalid('option_invalid', '答复期限（工作日数）必须是正整数。', 'answerWorkingDays');

  const { received, events } = ledger;
  const receivedIdx = dayIndex(cal, received.on, 'received.on');
  const asOfIdx = dayIndex(cal, asOf, 'asOf');
  if (asOfIdx < receivedIdx)
    throw invalid('as_of_before_received', `计算日期 ${asOf} 早于收到申请日期 ${received.on}。`, 'asOf');

  const ctx: Ctx = {
    cal,
    asOf,
    asOfIdx,
    answerDays,
    feeDays,
    cap: options.capConsultationAtReplyDue ?? false,
    day0: receivedIdx,
    correction: null,
    corrections: 0,
    pauses: [],
    extension: null,
    deadline: null,
    answered: null,
    effective: receivedIdx,
    warnings: [],
    steps: [],
  };
  if (received.on < REGIME_2019) {
    warn(
      ctx,
      'pre_2019_regime',
      '该申请在2019年5月15日修订后的条例施行前收到；原条例规定15个工作日内答复、延长不超过15个工作日，请核对适用的期限。',
      'received.on',
    );
  }
  const noticeDue = addWorkingDaysIndex(cal, receivedIdx, CORRECTION_NOTICE_WORKING_DAYS, 'received.on');
  const base0 = addWorkingDaysIndex(cal, receivedIdx, answerDays, 'received.on');
  ctx.steps.push(
    ex.stepReceived(received.on, received.channel, answerDays, dateAt(cal, base0), holidaysIn(cal, receivedIdx, base0)),
  );
  for (let i = 0; i < events.length; i++) applyEvent(ctx, events[i] as ClockEvent, i);
  return finish(ctx, ledger, noticeDue);
}

/** Applies one event to the state (events are already validated and in date order). */
function applyEvent(ctx: Ctx, ev: ClockEvent, i: number): void {
  const { cal } = ctx;
  const f = `events[${i}]`;
  const label = ex.EVENT_LABELS[ev.type];
  const on = ev.on !== undefined ? dayIndex(cal, ev.on, `${f}.on`) : ctx.effective;
  ctx.effective = on;
  if (on > ctx.asOfIdx)
    throw invalid(
      'event_after_as_of',
      `${f}（${label}）的日期 ${dateAt(cal, on)} 晚于计算日期 ${ctx.asOf}。`,
      `${f}.on`,
    );
  if (ctx.answered !== null)
    throw invalid('event_after_answer', `${f}（${label}）记录在答复之后；答复后不能再记录计时事件。`, `${f}.type`);
  if (ctx.correction && on > ctx.correction.until && ev.type !== 'correction_received') {
    throw invalid(
      'event_after_abandonment',
      `申请人未在补正期限 ${untilDate(cal, ctx.correction.until)} 前补正，申请已视为放弃（第三十条），不能再记录${f}（${label}）。`,
      `${f}.on`,
    );
  }
  if (ev.type !== 'fee_paid') {
    for (const p of ctx.pauses) {
      if (p.kind === 'fee' && p.end === null && on > p.limit) {
        throw invalid(
          'event_after_abandonment',
          `申请人未在 ${dateAt(cal, p.limit)} 前缴费，申请已视为放弃，不能再记录${f}（${label}）。`,
          `${f}.on`,
        );
      }
    }
  }
  switch (ev.type) {
    case 'correction_requested': {
      ctx.corrections++;
      const noticeDue = addWorkingDaysIndex(cal, ctx.day0, CORRECTION_NOTICE_WORKING_DAYS, `${f}.on`);
      const late = on > noticeDue;
      // 条例第三十条: one notice, within 7 working days of receipt; a late notice is kept but flagged.
      if (late)
        warn(
          ctx,
          'correction_notice_late',
          `补正通知应在收到申请后7个工作日内（${dateAt(cal, noticeDue)} 前）发出，实际于 ${dateAt(cal, on)} 发出（第三十条）。`,
          `${f}.on`,
        );
      if (ctx.corrections > 1)
        warn(
          ctx,
          'correction_requested_twice',
          '第三十条要求一次性告知需要补正的事项，本申请已发出过补正通知。',
          `${f}.type`,
        );
      ctx.correction = { on, until: tryDayNumber(ev.until) - cal.start };
      ctx.steps.push(ex.stepCorrectionRequested(dateAt(cal, on), ev.until, dateAt(cal, noticeDue), late));
      return;
    }
    case 'correction_received': {
      if (!ctx.correction)
        throw invalid('correction_not_requested', `${f}：没有待补正的补正通知，不能记录收到补正。`, `${f}.type`);
      const late = on > ctx.correction.until;
      if (late)
        warn(
          ctx,
          'correction_received_late',
          `补正材料于 ${dateAt(cal, on)} 收到，晚于补正期限 ${untilDate(cal, ctx.correction.until)}。`,
          `${f}.on`,
        );
      ctx.correction = null;
      // 条例第三十条: the answer period runs from the day the corrected application is received.
      ctx.day0 = on;
      const base = addWorkingDaysIndex(cal, on, ctx.answerDays, `${f}.on`);
      ctx.steps.push(
        ex.stepCorrectionReceived(dateAt(cal, on), ctx.answerDays, dateAt(cal, base), holidaysIn(cal, on, base), late),
      );
      return;
    }
    case 'consultation_started':
    case 'fee_notice_sent': {
      const isFee = ev.type === 'fee_notice_sent';
      const limit = addWorkingDaysIndex(cal, on, isFee ? ctx.feeDays : CONSULTATION_REPLY_WORKING_DAYS, `${f}.on`);
      if (!ctx.correction) {
        const due = currentDue(ctx, on, `${f}.on`);
        if (on >= due)
          warn(
            ctx,
            'pause_after_due_date',
            `暂停开始时答复期限 ${dateAt(cal, due)} 已届满，此后的暂停不再顺延答复期限。`,
            `${f}.on`,
          );
      }
      const party: ConsultationParty = ev.type === 'consultation_started' ? ev.party : 'third_party';
      ctx.pauses.push({ kind: isFee ? 'fee' : 'consultation', party, start: on, end: null, limit });
      ctx.steps.push(
        isFee
          ? ex.stepFeeNotice(dateAt(cal, on), ctx.feeDays, dateAt(cal, limit))
          : ex.stepConsultationStarted(dateAt(cal, on), party, dateAt(cal, limit)),
      );
      return;
    }
    case 'consultation_ended':
    case 'fee_paid': {
      const kind = ev.type === 'fee_paid' ? 'fee' : 'consultation';
      const wanted = ev.type === 'consultation_ended' ? ev.party : undefined;
      const open = ctx.pauses.find(
        (p) => p.kind === kind && p.end === null && (wanted === undefined || p.party === wanted),
      );
      if (!open)
        throw invalid(
          'pause_not_started',
          `${f}（${label}）没有对应的${kind === 'fee' ? '收费通知' : '征求意见开始'}事件。`,
          `${f}.type`,
        );
      open.end = on;
      const late = on > open.limit;
      if (late && kind === 'consultation') {
        warn(
          ctx,
          'consultation_reply_overdue',
          `${ex.PARTIES[open.party].label}应在 ${dateAt(cal, open.limit)} 前答复（15个工作日），征求意见至 ${dateAt(cal, on)} 才结束。`,
          `${f}.on`,
        );
      }
      if (late && kind === 'fee')
        warn(
          ctx,
          'fee_paid_late',
          `缴费期限为 ${dateAt(cal, open.limit)}，实际于 ${dateAt(cal, on)} 缴费。`,
          `${f}.on`,
        );
      const end = ctx.cap && kind === 'consultation' && on > open.limit ? open.limit : on;
      const lo = Math.max(open.start, ctx.day0);
      const paused = end > lo ? workingDaysBetweenIndex(cal, lo, end, `${f}.on`) : 0;
      ctx.steps.push(
        kind === 'fee'
          ? ex.stepFeePaid(dateAt(cal, on), paused, late)
          : ex.stepConsultationEnded(dateAt(cal, on), open.party, paused),
      );
      return;
    }
    case 'extended': {
      if (ctx.extension)
        throw conflict(
          'deadline_already_extended',
          `答复期限已于 ${dateAt(cal, ctx.extension.on)} 延长过一次，条例第三十三条第二款只允许延长一次。`,
          `${f}.type`,
        );
      if (ctx.deadline) throw conflict('deadline_already_set', '已依第三十五条确定答复期限，不能再延长。', `${f}.type`);
      if (ctx.correction)
        throw conflict('extension_while_awaiting_correction', '等待补正期间计时停止，不能延长答复期限。', `${f}.type`);
      const due = currentDue(ctx, on, `${f}.on`);
      // 条例第三十三条第二款: the extension is decided within the answer period.
      if (on > due)
        throw conflict(
          'extension_after_due_date',
          `延长决定须在答复期限届满前作出：期限为 ${dateAt(cal, due)}，延长日期 ${dateAt(cal, on)} 已过期。`,
          `${f}.on`,
        );
      ctx.extension = { days: ev.days, on };
      ctx.steps.push(ex.stepExtended(dateAt(cal, on), ev.days, dateAt(cal, due)));
      return;
    }
    case 'deadline_set': {
      const due = dayIndex(cal, ev.dueOn, `${f}.dueOn`);
      if (due < ctx.day0)
        throw invalid(
          'deadline_before_received',
          `答复期限 ${ev.dueOn} 早于收到申请日期 ${dateAt(cal, ctx.day0)}。`,
          `${f}.dueOn`,
        );
      if (!isWorkingIndex(cal, due))
        warn(ctx, 'deadline_not_working_day', `确定的答复期限 ${ev.dueOn} 不是工作日。`, `${f}.dueOn`);
      if (!ctx.correction) {
        const computed = currentDue(ctx, on, `${f}.on`);
        if (due < computed)
          warn(
            ctx,
            'deadline_set_earlier',
            `确定的答复期限 ${ev.dueOn} 早于按工作日计算的期限 ${dateAt(cal, computed)}。`,
            `${f}.dueOn`,
          );
      }
      if (ctx.deadline)
        warn(
          ctx,
          'deadline_set_replaced',
          `答复期限已改为 ${ev.dueOn}（原为 ${dateAt(cal, ctx.deadline.due)}）。`,
          `${f}.dueOn`,
        );
      // 条例第三十五条: a reasonable, explicit due date replaces the computed one.
      ctx.deadline = { due, reason: ev.reason.trim() };
      ctx.steps.push(ex.stepDeadlineSet(ev.on, ev.dueOn, ctx.deadline.reason));
      return;
    }
    case 'answered':
      ctx.answered = on;
      return;
  }
}

/** Derives the state as of `asOf` and assembles the result. */
function finish(ctx: Ctx, ledger: ClockLedger, noticeDue: number): ClockResult {
  const { cal, asOfIdx, answered, day0, correction: pending, deadline: set, pauses, steps } = ctx;
  const ref = answered ?? asOfIdx;
  const ext = ctx.extension ? ctx.extension.days : 0;
  let lapsedFee: Pause | undefined;
  for (const p of pauses) {
    if (p.kind === 'fee' && p.end === null && asOfIdx > p.limit && (!lapsedFee || p.limit < lapsedFee.limit))
      lapsedFee = p;
  }
  let state: ClockStateName;
  let outcome: '六.1' | '六.2' | undefined;
  let abandonedOn: IsoDate | undefined;
  if (answered !== null) state = 'answered';
  else if (pending && asOfIdx > pending.until) {
    // 条例第三十条: no correction within the period → deemed abandoned.
    state = 'abandoned';
    outcome = '六.1';
    abandonedOn = untilDate(cal, pending.until + 1);
  } else if (pending) state = 'awaiting_correction';
  else if (lapsedFee) {
    // Fee unpaid within the payment period → deemed abandoned ([R] 国办函〔2020〕109号).
    state = 'abandoned';
    outcome = '六.2';
    abandonedOn = untilDate(cal, lapsedFee.limit + 1);
  } else state = pauses.some((p) => p.end === null) ? 'paused' : 'running';

  const consultations: ConsultationReport[] = [];
  const feeNotices: FeeNoticeReport[] = [];
  for (const p of pauses) {
    const endedOn = p.end === null ? null : dateAt(cal, p.end);
    if (p.kind === 'fee')
      feeNotices.push({ sentOn: dateAt(cal, p.start), paymentDueOn: dateAt(cal, p.limit), paidOn: endedOn });
    else {
      consultations.push({
        party: p.party,
        startedOn: dateAt(cal, p.start),
        replyDueOn: dateAt(cal, p.limit),
        endedOn,
      });
      if (p.end === null && state !== 'answered' && asOfIdx > p.limit) {
        warn(
          ctx,
          'consultation_reply_overdue',
          `${ex.PARTIES[p.party].label}应在 ${dateAt(cal, p.limit)} 前答复（15个工作日），截至 ${ctx.asOf} 征求意见仍未结束。`,
        );
      }
    }
  }

  let dueIdx: number | null = null;
  let baseIdx: number | null = null;
  let paused = 0;
  let used = 0;
  let left: number | null = null;
  let overdueDays = 0;
  if (!pending) {
    const ivs = mergedPauses(pauses, ref, ctx.cap);
    baseIdx = addWorkingDaysIndex(cal, day0, ctx.answerDays, 'received.on');
    const n = ctx.answerDays + ext;
    const computed = dueWithPauses(cal, day0, n, ivs, 'asOf');
    const pausedToRef = ivs.length > 0 ? pausedWithin(cal, ivs, day0, ref, 'asOf') : 0;
    paused = set ? pausedToRef : computed.skipped;
    used = workingDaysBetweenIndex(cal, day0, ref, 'asOf') - pausedToRef;
    if (state !== 'abandoned') {
      const due = set ? set.due : computed.due;
      dueIdx = due;
      if (ref > due) overdueDays = workingDaysBetweenIndex(cal, due, ref, 'asOf');
      if (state !== 'answered') left = due > ref ? workingDaysBetweenIndex(cal, ref, due, 'asOf') : 0;
      if (!set && (computed.skipped > 0 || ext > 0))
        steps.push(ex.stepDue(n, computed.skipped, ext, dateAt(cal, due), holidaysIn(cal, day0, due)));
    }
  }
  const dueOn = dueIdx === null ? null : dateAt(cal, dueIdx);
  const correctionDueOn = pending ? untilDate(cal, pending.until) : null;
  if (answered !== null) steps.push(ex.stepAnswered(dateAt(cal, answered), dueOn, overdueDays));
  if (outcome && abandonedOn) steps.push(ex.stepAbandoned(abandonedOn, outcome));
  const tail = ex.stepAsOf(ctx.asOf, state, { used, left, due: dueOn, overdueDays, until: correctionDueOn });
  if (tail) steps.push(tail);
  const reported = [
    dueOn,
    baseIdx === null ? null : dateAt(cal, baseIdx),
    dateAt(cal, noticeDue),
    correctionDueOn,
    ...consultations.map((c) => c.replyDueOn),
    ...feeNotices.map((f) => f.paymentDueOn),
  ];
  const provisionalDates = [
    ...new Set(reported.filter((d): d is IsoDate => d !== null && isProvisionalDate(cal, d))),
  ].sort();
  const keyDate = dueOn ?? correctionDueOn;
  const calendarProvisional = keyDate !== null && isProvisionalDate(cal, keyDate);
  if (provisionalDates.length)
    steps.push(ex.stepProvisional([...new Set(provisionalDates.map((d) => Number(d.slice(0, 4))))]));

  const result: ClockResult = {
    state,
    stateLabel: ex.STATE_LABELS[state],
    asOf: dateAt(cal, asOfIdx),
    receivedOn: ledger.received.on,
    channel: ledger.received.channel,
    dayZero: dateAt(cal, day0),
    dueOn,
    dueOnProvisional: state === 'paused',
    calendarProvisional,
    provisionalDates,
    baseDueOn: baseIdx === null ? null : dateAt(cal, baseIdx),
    deadlineSet: set ? { dueOn: dateAt(cal, set.due), reason: set.reason } : null,
    extendedDays: ext,
    pausedWorkingDays: paused,
    workingDaysUsed: used,
    workingDaysLeft: left,
    overdue: overdueDays > 0,
    overdueWorkingDays: overdueDays,
    answeredOn: answered === null ? null : dateAt(cal, answered),
    correctionNoticeDueOn: dateAt(cal, noticeDue),
    correctionDueOn,
    consultations,
    feeNotices,
    warnings: ctx.warnings,
    steps,
  };
  if (outcome) result.outcome = outcome;
  if (abandonedOn) result.abandonedOn = abandonedOn;
  return result;
}
