/**
 * From a request's stored events to the clock's ledger (条例第三十条 to 第三十三条), pure.
 * Only clock events enter the ledger; the others (submitted, assigned …) are history only.
 */
import type { Channel, ClockEvent, ClockLedger } from './clock/clock.types.js';
import { isParty } from './clock/clock-input.rules.js';

/** Stored event types that are clock events. */
export const CLOCK_EVENT_TYPES = [
  'correction_requested',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'fee_notice_sent',
  'fee_paid',
  'extended',
  'deadline_set',
  'answered',
] as const;

/** Chinese labels of every stored event type (public history). */
export const HISTORY_LABELS: Readonly<Record<string, string>> = {
  submitted: '网上提交申请',
  oral_recorded: '口头提出申请，工作人员代为填写',
  oral_confirmed: '申请人确认口头申请记录',
  received: '收到申请',
  assigned: '分派办理人',
  correction_requested: '发出补正告知书',
  correction_received: '收到补正材料',
  consultation_started: '征求意见',
  consultation_ended: '征求意见结束',
  fee_notice_sent: '发出收费通知',
  fee_paid: '缴纳信息处理费',
  fee_waived: '减免信息处理费',
  extension_requested: '申请延长答复期限',
  extended: '延长答复期限',
  deadline_set: '依第三十五条确定答复期限',
  answered: '作出答复',
  abandoned: '视为放弃申请',
  withdrawn: '申请人撤回申请',
  appeal: '登记行政复议或行政诉讼',
  forwarded: '转送其他机关办理',
  split_from: '由原申请拆分（一事一申请）',
  split_into: '按一事一申请拆分',
  appeal_result: '复议或诉讼结果',
  proactive_item_created: '依申请转主动',
  consultation_respondent: '征求意见对象',
  consultation_reply: '征求意见答复',
  department_lead: '确定主办科室',
  cohandling_added: '增加协办科室',
  cohandling_replied: '协办科室答复',
  cohandling_removed: '撤销协办科室',
  due_recomputed: '答复期限调整',
  cohandling_due_moved: '协办科室内部办理期限调整',
};

/** The history line of an event: its label, with the dates where they matter to the applicant. */
export function historyLabel(type: string, payload: Record<string, unknown>): string {
  const label = HISTORY_LABELS[type] ?? type;
  if (type === 'due_recomputed')
    return `${label}：由 ${String(payload.from ?? '—')} 调整为 ${String(payload.to ?? '—')}（${String(payload.reason ?? '节假日日历变更')}）`;
  if (type === 'cohandling_due_moved')
    return `${label}：${String(payload.name ?? '')} ${String(payload.from ?? '—')} → ${String(payload.to ?? '—')}`;
  return label;
}

/** A stored event as the ledger needs it. */
export interface StoredEvent {
  type: string;
  event_on: string;
  payload: string;
}

const parse = (s: string): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** Converts one stored event to a clock event (null when it is not a clock event). */
export function toClockEvent(e: StoredEvent): ClockEvent | null {
  const p = parse(e.payload);
  const on = e.event_on;
  switch (e.type) {
    case 'correction_requested':
      return { type: 'correction_requested', on, until: String(p.until ?? '') };
    case 'correction_received':
      return { type: 'correction_received', on };
    case 'consultation_started':
      return { type: 'consultation_started', on, party: isParty(p.party) ? p.party : 'third_party' };
    case 'consultation_ended':
      return isParty(p.party) ? { type: 'consultation_ended', on, party: p.party } : { type: 'consultation_ended', on };
    case 'fee_notice_sent':
      return { type: 'fee_notice_sent', on };
    case 'fee_paid':
      return { type: 'fee_paid', on };
    case 'extended':
      return { type: 'extended', on, days: Number(p.days) };
    case 'deadline_set':
      return { type: 'deadline_set', on, dueOn: String(p.dueOn ?? ''), reason: String(p.reason ?? '') };
    case 'answered':
      return { type: 'answered', on };
    default:
      return null;
  }
}

/**
 * The clock ledger of a received request (in recording order). A transfer (转送) starts the receiving
 * agency's clock at its own receipt: the day of the transfer becomes the receipt date and what happened on
 * the sender's clock before it no longer counts.
 */
export function buildLedger(receivedOn: string, channel: Channel, events: readonly StoredEvent[]): ClockLedger {
  let out: ClockEvent[] = [];
  let received = receivedOn;
  for (const e of events) {
    if (e.type === 'forwarded') {
      received = e.event_on;
      out = [];
      continue;
    }
    const c = toClockEvent(e);
    if (c) out.push(c);
  }
  return { received: { on: received, channel }, events: out };
}

/** Parsed payload of a stored event. */
export const eventPayload = parse;
