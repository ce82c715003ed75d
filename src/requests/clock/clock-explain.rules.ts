/**
 * Chinese labels and explanation lines of the request clock (pure).
 */
import type { Channel, ClockEventType, ClockStateName, ConsultationParty } from './clock.types.js';
import { provisionalNote } from '../../calendar/index.js';

/** A receipt channel: its label, the short wording used in steps, and the receipt-date rule. */
export interface ChannelInfo {
  label: string;
  short: string;
  /** 条例第三十一条 wording (oral: 第二十九条, see docs/deadlines.md). */
  receiptRule: string;
}

/** 条例第三十一条: the receipt date (day 0) depends on how the application arrived. */
export const CHANNELS: Readonly<Record<Channel, ChannelInfo>> = {
  in_person: { label: '当面提交', short: '当面提交', receiptRule: '以提交之日为收到申请之日' },
  post_signed: {
    label: '邮寄（需签收）',
    short: '邮寄，行政机关签收',
    receiptRule: '以行政机关签收之日为收到申请之日',
  },
  post_unsigned: {
    label: '平常信函等无需签收的邮寄方式',
    short: '平常信函，与申请人确认',
    receiptRule: '政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日',
  },
  online: { label: '互联网渠道（网络提交）', short: '网络提交，双方确认', receiptRule: '以双方确认之日为收到申请之日' },
  fax: { label: '传真', short: '传真，双方确认', receiptRule: '以双方确认之日为收到申请之日' },
  email: { label: '电子邮件（互联网渠道）', short: '电子邮件，双方确认', receiptRule: '以双方确认之日为收到申请之日' },
  // 条例第二十九条: the office writes down an oral request; it becomes the applicant's application when the
  // applicant confirms the record, so (as with 第三十一条's confirmations) that day is the receipt date. See docs/deadlines.md §2.
  oral: {
    label: '口头提出（代为填写申请）',
    short: '口头提出，申请人确认记录',
    receiptRule: '口头提出、由工作机构代为填写的，以申请人确认记录内容之日为收到申请之日',
  },
};

/** Consulted parties. */
export const PARTIES: Readonly<Record<ConsultationParty, { label: string; article: string }>> = {
  third_party: { label: '第三方', article: '第三十二条' },
  other_agency: { label: '其他机关', article: '第三十四条' },
};

/** Chinese names of the event types. */
export const EVENT_LABELS: Readonly<Record<ClockEventType, string>> = {
  correction_requested: '补正通知',
  correction_received: '收到补正',
  consultation_started: '征求意见开始',
  consultation_ended: '征求意见结束',
  fee_notice_sent: '收费通知',
  fee_paid: '缴费',
  extended: '延长答复期限',
  deadline_set: '确定答复期限',
  answered: '答复',
};

/** Chinese names of the clock states. */
export const STATE_LABELS: Readonly<Record<ClockStateName, string>> = {
  running: '计时中',
  paused: '暂停计时（征求意见或收费期间）',
  awaiting_correction: '等待补正',
  answered: '已答复',
  abandoned: '视为放弃申请',
};

const paren = (s: string): string => (s ? `（${s}）` : '');

/** `2025-09-26 收到申请（网络提交，双方确认）；第20个工作日为 2025-10-30（…）`. */
export function stepReceived(on: string, channel: Channel, n: number, due: string, holidays: string): string {
  return `${on} 收到申请（${CHANNELS[channel].short}）；第${n}个工作日为 ${due}${paren(holidays)}`;
}

/** Correction notice line (第三十条). */
export function stepCorrectionRequested(on: string, until: string, noticeDue: string, late: boolean): string {
  const lateText = late ? `；补正通知应在收到申请后7个工作日内（${noticeDue} 前）发出，已晚于该期限` : '';
  return `${on} 发出补正通知（第三十条），补正期限至 ${until}；计时停止，收到补正后重新起算${lateText}`;
}

/** Corrected application received: restart (第三十条). */
export function stepCorrectionReceived(on: string, n: number, due: string, holidays: string, late: boolean): string {
  const lateText = late ? '（晚于补正期限，行政机关已接收）' : '';
  return `${on} 收到补正后的申请${lateText}，答复期限重新起算（第三十条）；第${n}个工作日为 ${due}${paren(holidays)}`;
}

/** Consultation start (第三十二条 / 第三十四条, time not counted under 第三十三条第三款). */
export function stepConsultationStarted(on: string, party: ConsultationParty, replyDue: string): string {
  const p = PARTIES[party];
  return `${on} 书面征求${p.label}意见（${p.article}），对方应在第15个工作日 ${replyDue} 前答复；征求意见所需时间不计入答复期限（第三十三条第三款），自次日起暂停计时`;
}

/** Consultation end. */
export function stepConsultationEnded(on: string, party: ConsultationParty, pausedDays: number): string {
  return `${on} 征求${PARTIES[party].label}意见结束，次日恢复计时（本次暂停 ${pausedDays} 个工作日）`;
}

/** Fee notice ([R]: 国办函〔2020〕109号, unverified details). */
export function stepFeeNotice(on: string, payDays: number, payDue: string): string {
  return `${on} 发出收费通知，申请人应在第${payDays}个工作日 ${payDue} 前缴费；通知至缴费期间不计入答复期限，自次日起暂停计时`;
}

/** Fee paid. */
export function stepFeePaid(on: string, pausedDays: number, late: boolean): string {
  return `${on} 申请人缴纳信息处理费${late ? '（晚于缴费期限，行政机关已接收）' : ''}，次日恢复计时（本次暂停 ${pausedDays} 个工作日）`;
}

/** Extension (第三十三条第二款). */
export function stepExtended(on: string, days: number, dueBefore: string): string {
  return `${on} 经政府信息公开工作机构负责人同意并告知申请人，延长答复期限 ${days} 个工作日（第三十三条第二款；原期限 ${dueBefore}）`;
}

/** 第三十五条 explicit due date. */
export function stepDeadlineSet(on: string | undefined, dueOn: string, reason: string): string {
  return `${on ? `${on} ` : ''}依第三十五条确定合理的延迟答复期限为 ${dueOn}（理由：${reason}），取代按工作日计算的期限`;
}

/** The due date after pauses and extension. */
export function stepDue(n: number, paused: number, extended: number, due: string, holidays: string): string {
  const parts: string[] = [];
  if (paused > 0) parts.push(`暂停的 ${paused} 个工作日不计入`);
  if (extended > 0) parts.push(`延长 ${extended} 个工作日`);
  return `${parts.join('，')}：第${n}个计入的工作日为 ${due}，即答复期限${paren(holidays)}`;
}

/** Answer line. */
/** Explanation step for dates on the provisional calendar. */
export function stepProvisional(years: readonly number[]): string {
  return `注：${provisionalNote(years)}`;
}

export function stepAnswered(on: string, due: string | null, overdueDays: number): string {
  if (due === null) return `${on} 作出答复`;
  return overdueDays > 0
    ? `${on} 作出答复，超过答复期限 ${due} ${overdueDays} 个工作日`
    : `${on} 作出答复，在答复期限 ${due} 内`;
}

/** Abandonment line (第三十条 / 收费办法). */
export function stepAbandoned(on: string, outcome: '六.1' | '六.2'): string {
  return outcome === '六.1'
    ? `${on} 申请人无正当理由逾期未补正，视为放弃申请（第三十条），行政机关不再处理（年度报告第三部分（六）1）`
    : `${on} 申请人逾期未按收费通知缴纳费用，视为放弃申请，行政机关不再处理（年度报告第三部分（六）2）`;
}

/** The closing line "as of" the evaluation date. */
export function stepAsOf(
  asOf: string,
  state: ClockStateName,
  r: { used: number; left: number | null; due: string | null; overdueDays: number; until: string | null },
): string {
  switch (state) {
    case 'awaiting_correction':
      return `截至 ${asOf}：等待申请人补正（补正期限至 ${r.until ?? ''}），计时停止`;
    case 'paused':
      return `截至 ${asOf}：征求意见或收费期间，暂停计时；已计入 ${r.used} 个工作日。若今日恢复计时，答复期限为 ${r.due ?? ''}（暂定，暂停结束后重新计算）`;
    case 'running':
      return r.overdueDays > 0
        ? `截至 ${asOf}：已超过答复期限 ${r.due ?? ''} ${r.overdueDays} 个工作日`
        : `截至 ${asOf}：已计入 ${r.used} 个工作日，剩余 ${r.left ?? 0} 个工作日，答复期限为 ${r.due ?? ''}`;
    default:
      return '';
  }
}
