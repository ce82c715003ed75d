/** The request clock: how each ledger event changes the working state (pure). */
import { conflict, invalid } from '../../platform/errors.js';
import { tryDayNumber } from '../../platform/dates.js';
import {
  addWorkingDaysIndex,
  dateAt,
  dayIndex,
  isWorkingIndex,
  workingDaysBetweenIndex,
} from '../../calendar/index.js';
import type { ClockEvent, ConsultationParty } from './clock.types.js';
import * as ex from './clock-explain.rules.js';
import {
  CONSULTATION_REPLY_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  currentDue,
  holidaysIn,
  untilDate,
  warn,
  type Ctx,
} from './clock-state.rules.js';

/** Applies one event to the state (events are already validated and in date order). */
export function applyEvent(ctx: Ctx, ev: ClockEvent, i: number): void {
  const { cal } = ctx;
  const f = `events[${i}]`;
  const label = ex.EVENT_LABELS[ev.type];
  const on = ev.on !== undefined ? dayIndex(cal, ev.on, `${f}.on`) : ctx.effective;
  ctx.effective = on;
  if (on > ctx.asOfIdx)
    throw invalid(
      'event_after_as_of',
      `第 ${i + 1} 个事件（${label}）的日期 ${dateAt(cal, on)} 晚于计算日期 ${ctx.asOf}。`,
      `${f}.on`,
    );
  if (ctx.answered !== null)
    throw invalid(
      'event_after_answer',
      `第 ${i + 1} 个事件（${label}）记录在答复之后；答复后不能再记录计时事件。`,
      `${f}.type`,
    );
  if (ctx.correction && on > ctx.correction.until && ev.type !== 'correction_received') {
    throw invalid(
      'event_after_abandonment',
      `申请人未在补正期限 ${untilDate(cal, ctx.correction.until)} 前补正，申请已视为放弃（第三十条），不能再记录第 ${i + 1} 个事件（${label}）。`,
      `${f}.on`,
    );
  }
  if (ev.type !== 'fee_paid') {
    for (const p of ctx.pauses) {
      if (p.kind === 'fee' && p.end === null && on > p.limit) {
        throw invalid(
          'event_after_abandonment',
          `申请人未在 ${dateAt(cal, p.limit)} 前缴费，申请已视为放弃，不能再记录第 ${i + 1} 个事件（${label}）。`,
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
          `第 ${i + 1} 个事件（${label}）没有对应的${kind === 'fee' ? '收费通知' : '征求意见开始'}事件。`,
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
