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
import { invalid } from '../../platform/errors.js';
import { type IsoDate } from '../../platform/dates.js';
import {
  addWorkingDaysIndex,
  dateAt,
  dayIndex,
  isProvisionalDate,
  workingDaysBetweenIndex,
  type WorkCalendar,
} from '../../calendar/index.js';
import type {
  ClockEvent,
  ClockLedger,
  ClockOptions,
  ClockResult,
  ClockStateName,
  ConsultationReport,
  FeeNoticeReport,
} from './clock.types.js';
import { parseLedger } from './clock-input.rules.js';
import * as ex from './clock-explain.rules.js';
import { applyEvent } from './clock-events.rules.js';
import {
  ANSWER_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  DEFAULT_FEE_PAYMENT_WORKING_DAYS,
  REGIME_2019,
  dueWithPauses,
  holidaysIn,
  mergedPauses,
  pausedWithin,
  untilDate,
  warn,
  type Ctx,
  type Pause,
} from './clock-state.rules.js';

export {
  ANSWER_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  CONSULTATION_REPLY_WORKING_DAYS,
  DEFAULT_FEE_PAYMENT_WORKING_DAYS,
} from './clock-state.rules.js';

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
