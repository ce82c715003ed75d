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
import { conflict, invalid, isAppError, type FieldError } from '../../platform/errors.js';
import { fromDayNumber, tryDayNumber, type IsoDate } from '../../platform/dates.js';
import {
  addWorkingDaysIndex,
  dateAt,
  dayIndex,
  describeIndexRange,
  isWorkingIndex,
  workingDaysBetweenIndex,
  type WorkCalendar,
} from '../../calendar/calendar.rules.js';
import type {
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
function dueWithPauses(cal: WorkCalendar, day0: number, n: number, ivs: readonly Interval[], field: string): { due: number; skipped: number } {
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

/**
 * Computes the clock state of a request as of `asOf` (a date: the clock is a parameter).
 * Throws coded `AppError`s naming the offending field for invalid input, impossible sequences and
 * dates in years without calendar data. Never returns a guessed date.
 */
export function computeClock(cal: WorkCalendar, ledger: ClockLedger, asOf: IsoDate, options: ClockOptions = {}): ClockResult {
  parseLedger(ledger);
  const answerDays = options.answerWorkingDays ?? ANSWER_WORKING_DAYS;
  const feeDays = options.feePaymentWorkingDays ?? DEFAULT_FEE_PAYMENT_WORKING_DAYS;
  const cap = options.capConsultationAtReplyDue ?? false;
  if (!Number.isInteger(feeDays) || feeDays < 1) throw invalid('option_invalid', '缴费期限（工作日数）必须是正整数。', 'feePaymentWorkingDays');
  if (!Number.isInteger(answerDays) || answerDays < 1) throw invalid('option_invalid', '答复期限（工作日数）必须是正整数。', 'answerWorkingDays');

  const { received, events } = ledger;
  const receivedIdx = dayIndex(cal, received.on, 'received.on');
  const asOfIdx = dayIndex(cal, asOf, 'asOf');
  if (asOfIdx < receivedIdx) throw invalid('as_of_before_received', `计算日期 ${asOf} 早于收到申请日期 ${received.on}。`, 'asOf');

  const warnings: FieldError[] = [];
  const steps: string[] = [];
  const warn = (code: string, message: string, field?: string): void => {
    warnings.push(field ? { code, message, field } : { code, message });
  };
  const d = (i: number): IsoDate => dateAt(cal, i);
  const holidaysIn = (a: number, b: number): string => describeIndexRange(cal, a + 1, b);

  if (received.on < REGIME_2019) {
    warn('pre_2019_regime', '该申请在2019年5月15日修订后的条例施行前收到；原条例规定15个工作日内答复、延长不超过15个工作日，请核对适用的期限。', 'received.on');
  }
  const correctionNoticeDue = addWorkingDaysIndex(cal, receivedIdx, CORRECTION_NOTICE_WORKING_DAYS, 'received.on');
  const base0 = addWorkingDaysIndex(cal, receivedIdx, answerDays, 'received.on');
  steps.push(ex.stepReceived(received.on, received.channel, answerDays, d(base0), holidaysIn(receivedIdx, base0)));

  let day0 = receivedIdx;
  let correction: { on: number; until: number; field: string } | null = null;
  let corrections = 0;
  const pauses: Pause[] = [];
  let extension: { days: number; on: number } | null = null;
  let deadline: { due: number; reason: string } | null = null;
  let answered: number | null = null;
  let effective = receivedIdx;

  const currentDue = (at: number, field: string): number =>
    deadline ? deadline.due : dueWithPauses(cal, day0, answerDays + (extension?.days ?? 0), mergedPauses(pauses, at, cap), field).due;

  events.forEach((ev, i) => {
    const f = `events[${i}]`;
    const label = ex.EVENT_LABELS[ev.type];
    const on = ev.on !== undefined ? dayIndex(cal, ev.on, `${f}.on`) : effective;
    effective = on;
    if (on > asOfIdx) throw invalid('event_after_as_of', `${f}（${label}）的日期 ${d(on)} 晚于计算日期 ${asOf}。`, `${f}.on`);
    if (answered !== null) throw invalid('event_after_answer', `${f}（${label}）记录在答复之后；答复后不能再记录计时事件。`, `${f}.type`);
    if (correction && on > correction.until && ev.type !== 'correction_received') {
      throw invalid('event_after_abandonment', `申请人未在补正期限 ${fromDayNumber(cal.start + correction.until)} 前补正，申请已视为放弃（第三十条），不能再记录${f}（${label}）。`, `${f}.on`);
    }
    const lapsedFee = pauses.find((p) => p.kind === 'fee' && p.end === null && on > p.limit);
    if (lapsedFee && ev.type !== 'fee_paid') {
      throw invalid('event_after_abandonment', `申请人未在 ${d(lapsedFee.limit)} 前缴费，申请已视为放弃，不能再记录${f}（${label}）。`, `${f}.on`);
    }
    switch (ev.type) {
      case 'correction_requested': {
        corrections++;
        const noticeDue = addWorkingDaysIndex(cal, day0, CORRECTION_NOTICE_WORKING_DAYS, `${f}.on`);
        const late = on > noticeDue;
        // 条例第三十条: one notice, within 7 working days of receipt; a late notice is kept but flagged.
        if (late) warn('correction_notice_late', `补正通知应在收到申请后7个工作日内（${d(noticeDue)} 前）发出，实际于 ${d(on)} 发出（第三十条）。`, `${f}.on`);
        if (corrections > 1) warn('correction_requested_twice', '第三十条要求一次性告知需要补正的事项，本申请已发出过补正通知。', `${f}.type`);
        correction = { on, until: tryDayNumber(ev.until) - cal.start, field: f };
        steps.push(ex.stepCorrectionRequested(d(on), ev.until, d(noticeDue), late));
        break;
      }
      case 'correction_received': {
        if (!correction) throw invalid('correction_not_requested', `${f}：没有待补正的补正通知，不能记录收到补正。`, `${f}.type`);
        const late = on > correction.until;
        if (late) warn('correction_received_late', `补正材料于 ${d(on)} 收到，晚于补正期限 ${fromDayNumber(cal.start + correction.until)}。`, `${f}.on`);
        correction = null;
        // 条例第三十条: the answer period runs from the day the corrected application is received.
        day0 = on;
        const base = addWorkingDaysIndex(cal, day0, answerDays, `${f}.on`);
        steps.push(ex.stepCorrectionReceived(d(on), answerDays, d(base), holidaysIn(day0, base), late));
        break;
      }
      case 'consultation_started':
      case 'fee_notice_sent': {
        const isFee = ev.type === 'fee_notice_sent';
        const limitDays = isFee ? feeDays : CONSULTATION_REPLY_WORKING_DAYS;
        const limit = addWorkingDaysIndex(cal, on, limitDays, `${f}.on`);
        if (!correction) {
          const due = currentDue(on, `${f}.on`);
          if (on >= due) warn('pause_after_due_date', `暂停开始时答复期限 ${d(due)} 已届满，此后的暂停不再顺延答复期限。`, `${f}.on`);
        }
        const party: ConsultationParty = ev.type === 'consultation_started' ? ev.party : 'third_party';
        pauses.push({ kind: isFee ? 'fee' : 'consultation', party, start: on, end: null, limit });
        steps.push(isFee ? ex.stepFeeNotice(d(on), feeDays, d(limit)) : ex.stepConsultationStarted(d(on), party, d(limit)));
        break;
      }
      case 'consultation_ended':
      case 'fee_paid': {
        const kind = ev.type === 'fee_paid' ? 'fee' : 'consultation';
        const wanted = ev.type === 'consultation_ended' ? ev.party : undefined;
        const open = pauses.find((p) => p.kind === kind && p.end === null && (wanted === undefined || p.party === wanted));
        if (!open) {
          throw invalid('pause_not_started', `${f}（${label}）没有对应的${kind === 'fee' ? '收费通知' : '征求意见开始'}事件。`, `${f}.type`);
        }
        open.end = on;
        const late = on > open.limit;
        if (late && kind === 'consultation') {
          warn('consultation_reply_overdue', `${ex.PARTIES[open.party].label}应在 ${d(open.limit)} 前答复（15个工作日），征求意见至 ${d(on)} 才结束。`, `${f}.on`);
        }
        if (late && kind === 'fee') warn('fee_paid_late', `缴费期限为 ${d(open.limit)}，实际于 ${d(on)} 缴费。`, `${f}.on`);
        const end = cap && kind === 'consultation' && on > open.limit ? open.limit : on;
        const paused = end > open.start ? workingDaysBetweenIndex(cal, Math.max(open.start, day0), Math.max(end, day0), `${f}.on`) : 0;
        steps.push(kind === 'fee' ? ex.stepFeePaid(d(on), paused, late) : ex.stepConsultationEnded(d(on), open.party, paused));
        break;
      }
      case 'extended': {
        if (extension) throw conflict('deadline_already_extended', `答复期限已于 ${d(extension.on)} 延长过一次，条例第三十三条第二款只允许延长一次。`, `${f}.type`);
        if (deadline) throw conflict('deadline_already_set', '已依第三十五条确定答复期限，不能再延长。', `${f}.type`);
        if (correction) throw conflict('extension_while_awaiting_correction', '等待补正期间计时停止，不能延长答复期限。', `${f}.type`);
        const due = currentDue(on, `${f}.on`);
        if (on > due) {
          throw conflict('extension_after_due_date', `延长决定须在答复期限届满前作出：期限为 ${d(due)}，延长日期 ${d(on)} 已过期。`, `${f}.on`);
        }
        extension = { days: ev.days, on };
        steps.push(ex.stepExtended(d(on), ev.days, d(due)));
        break;
      }
      case 'deadline_set': {
        const due = dayIndex(cal, ev.dueOn, `${f}.dueOn`);
        if (due < day0) throw invalid('deadline_before_received', `答复期限 ${ev.dueOn} 早于收到申请日期 ${d(day0)}。`, `${f}.dueOn`);
        if (!isWorkingIndex(cal, due)) warn('deadline_not_working_day', `确定的答复期限 ${ev.dueOn} 不是工作日。`, `${f}.dueOn`);
        if (!correction) {
          const computed = currentDue(on, `${f}.on`);
          if (due < computed) warn('deadline_set_earlier', `确定的答复期限 ${ev.dueOn} 早于按工作日计算的期限 ${d(computed)}。`, `${f}.dueOn`);
        }
        if (deadline) warn('deadline_set_replaced', `答复期限已改为 ${ev.dueOn}（原为 ${d(deadline.due)}）。`, `${f}.dueOn`);
        deadline = { due, reason: ev.reason.trim() };
        steps.push(ex.stepDeadlineSet(ev.on, ev.dueOn, ev.reason.trim()));
        break;
      }
      case 'answered':
        answered = on;
        break;
    }
  });

  return finish();

  function finish(): ClockResult {
    const ref = answered ?? asOfIdx;
    const pending = correction as { on: number; until: number } | null;
    const ext = (extension as { days: number } | null)?.days ?? 0;
    const set = deadline as { due: number; reason: string } | null;
    const lapsedFee = pauses.filter((p) => p.kind === 'fee' && p.end === null && asOfIdx > p.limit).sort((a, b) => a.limit - b.limit)[0];
    let state: ClockStateName;
    let outcome: '六.1' | '六.2' | undefined;
    let abandonedOn: IsoDate | undefined;
    if (answered !== null) state = 'answered';
    else if (pending && asOfIdx > pending.until) {
      state = 'abandoned';
      outcome = '六.1';
      abandonedOn = fromDayNumber(cal.start + pending.until + 1);
    } else if (pending) state = 'awaiting_correction';
    else if (lapsedFee) {
      state = 'abandoned';
      outcome = '六.2';
      abandonedOn = fromDayNumber(cal.start + lapsedFee.limit + 1);
    } else state = pauses.some((p) => p.end === null) ? 'paused' : 'running';

    const consultations: ConsultationReport[] = pauses
      .filter((p) => p.kind === 'consultation')
      .map((p) => ({ party: p.party, startedOn: d(p.start), replyDueOn: d(p.limit), endedOn: p.end === null ? null : d(p.end) }));
    const feeNotices: FeeNoticeReport[] = pauses
      .filter((p) => p.kind === 'fee')
      .map((p) => ({ sentOn: d(p.start), paymentDueOn: d(p.limit), paidOn: p.end === null ? null : d(p.end) }));
    for (const p of pauses) {
      if (p.kind === 'consultation' && p.end === null && state !== 'answered' && asOfIdx > p.limit) {
        warn('consultation_reply_overdue', `${ex.PARTIES[p.party].label}应在 ${d(p.limit)} 前答复（15个工作日），截至 ${asOf} 征求意见仍未结束。`);
      }
    }

    const ivs = mergedPauses(pauses, ref, cap);
    let dueIdx: number | null = null;
    let baseIdx: number | null = null;
    let paused = 0;
    let used = 0;
    let left: number | null = null;
    let overdueDays = 0;
    if (!pending) {
      baseIdx = addWorkingDaysIndex(cal, day0, answerDays, 'received.on');
      const n = answerDays + ext;
      const computed = dueWithPauses(cal, day0, n, ivs, 'asOf');
      paused = set ? pausedWithin(cal, ivs, day0, ref, 'asOf') : computed.skipped;
      const due = set ? set.due : computed.due;
      used = workingDaysBetweenIndex(cal, day0, ref, 'asOf') - pausedWithin(cal, ivs, day0, ref, 'asOf');
      if (state !== 'abandoned') {
        dueIdx = due;
        if (ref > due) overdueDays = workingDaysBetweenIndex(cal, due, ref, 'asOf');
        if (state !== 'answered') left = due > ref ? workingDaysBetweenIndex(cal, ref, due, 'asOf') : 0;
        if (!set && (computed.skipped > 0 || ext > 0)) {
          steps.push(ex.stepDue(n, computed.skipped, ext, d(due), holidaysIn(day0, due)));
        }
      }
    }
    if (answered !== null) steps.push(ex.stepAnswered(d(answered), dueIdx === null ? null : d(dueIdx), overdueDays));
    if (outcome && abandonedOn) steps.push(ex.stepAbandoned(abandonedOn, outcome));
    const tail = ex.stepAsOf(asOf, state, {
      used,
      left,
      due: dueIdx === null ? null : d(dueIdx),
      overdueDays,
      until: pending ? fromDayNumber(cal.start + pending.until) : null,
    });
    if (tail) steps.push(tail);

    const result: ClockResult = {
      state,
      stateLabel: ex.STATE_LABELS[state],
      asOf: d(asOfIdx),
      receivedOn: received.on,
      channel: received.channel,
      dayZero: d(day0),
      dueOn: dueIdx === null ? null : d(dueIdx),
      dueOnProvisional: state === 'paused',
      baseDueOn: baseIdx === null ? null : d(baseIdx),
      deadlineSet: set ? { dueOn: d(set.due), reason: set.reason } : null,
      extendedDays: ext,
      pausedWorkingDays: paused,
      workingDaysUsed: used,
      workingDaysLeft: left,
      overdue: overdueDays > 0,
      overdueWorkingDays: overdueDays,
      answeredOn: answered === null ? null : d(answered),
      correctionNoticeDueOn: d(correctionNoticeDue),
      correctionDueOn: pending ? fromDayNumber(cal.start + pending.until) : null,
      consultations,
      feeNotices,
      warnings,
      steps,
    };
    if (outcome) result.outcome = outcome;
    if (abandonedOn) result.abandonedOn = abandonedOn;
    return result;
  }
}

/** A stored case for `recomputeDueDates`: its ledger and the due date stored with it. */
export interface StoredCase {
  id: string;
  ledger: ClockLedger;
  dueOn: IsoDate | null;
}

/** Result of `recomputeDueDates`. */
export interface RecomputeResult {
  changed: { id: string; oldDueOn: IsoDate | null; newDueOn: IsoDate | null }[];
  unchanged: number;
  /** Cases that cannot be computed any more (e.g. a year was removed), with the errors. */
  failed: { id: string; errors: FieldError[] }[];
}

/**
 * Recomputes the due dates of stored cases against a (new) calendar, e.g. after an administrator
 * edits a year, and reports which changed (old → new). One bad case does not stop the others.
 */
export function recomputeDueDates(cal: WorkCalendar, cases: readonly StoredCase[], asOf: IsoDate, options: ClockOptions = {}): RecomputeResult {
  const out: RecomputeResult = { changed: [], unchanged: 0, failed: [] };
  for (const c of cases) {
    try {
      const r = computeClock(cal, c.ledger, asOf, options);
      if (r.dueOn !== c.dueOn) out.changed.push({ id: c.id, oldDueOn: c.dueOn, newDueOn: r.dueOn });
      else out.unchanged++;
    } catch (e) {
      if (!isAppError(e)) throw e;
      out.failed.push({ id: c.id, errors: e.errors });
    }
  }
  return out;
}
