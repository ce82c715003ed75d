/**
 * The closed state model of a request (条例第二十九条 to 第三十六条), pure.
 * The clock itself (due dates, pauses) lives in `clock/`; this file only says which action is
 * allowed in which state and where it leads.
 */
import { conflict } from '../platform/errors.js';

/** Case states. */
export const REQUEST_STATES = {
  submitted: '待确认收到',
  processing: '办理中',
  awaiting_correction: '等待补正',
  consulting: '征求意见中',
  awaiting_payment: '等待缴费',
  answered: '已答复',
  withdrawn: '申请人已撤回',
  abandoned: '视为放弃申请',
} as const;

/** A state key. */
export type RequestState = keyof typeof REQUEST_STATES;

/** Staff and applicant actions. */
export type RequestAction =
  | 'confirm'
  | 'assign'
  | 'request_correction'
  | 'receive_correction'
  | 'start_consultation'
  | 'end_consultation'
  | 'extend'
  | 'set_deadline'
  | 'confirm_oral'
  | 'fee_notice'
  | 'fee_paid'
  | 'answer'
  | 'close_abandoned'
  | 'withdraw';

const OPEN: readonly RequestState[] = ['processing', 'awaiting_correction', 'consulting', 'awaiting_payment'];

/** Allowed source states and the target state (`null` = unchanged) of each action. */
const TRANSITIONS: Readonly<Record<RequestAction, { from: readonly RequestState[]; to: RequestState | null }>> = {
  // 第三十一条: an online submission becomes a received application when the office confirms it.
  confirm: { from: ['submitted'], to: 'processing' },
  assign: { from: ['submitted', ...OPEN], to: null },
  // 第三十条: one correction notice.
  request_correction: { from: ['processing'], to: 'awaiting_correction' },
  receive_correction: { from: ['awaiting_correction'], to: 'processing' },
  // 第三十二条、第三十四条.
  start_consultation: { from: ['processing'], to: 'consulting' },
  end_consultation: { from: ['consulting'], to: 'processing' },
  // 第二十九条: an oral request recorded by the office becomes the application when the applicant confirms the record.
  confirm_oral: { from: ['submitted'], to: 'processing' },
  // 第三十三条第二款.
  extend: { from: ['processing', 'consulting'], to: null },
  // 第三十五条: a reasonable later answer date, decided while the answer period runs.
  set_deadline: { from: ['processing', 'consulting', 'awaiting_payment'], to: null },
  // 国办函〔2020〕109号: the fee notice pauses the clock until payment.
  fee_notice: { from: ['processing'], to: 'awaiting_payment' },
  fee_paid: { from: ['awaiting_payment'], to: 'processing' },
  // 第三十六条.
  answer: { from: ['processing'], to: 'answered' },
  // 第三十条: no correction in time → 视为放弃.
  // 第三十条 / 109号: no correction or no payment in time → 视为放弃.
  close_abandoned: { from: ['awaiting_correction', 'awaiting_payment'], to: 'abandoned' },
  withdraw: { from: ['submitted', ...OPEN], to: 'withdrawn' },
};

/** Chinese names of actions (for errors and history). */
export const ACTION_LABELS: Readonly<Record<RequestAction, string>> = {
  confirm: '确认收到申请',
  assign: '分派办理人',
  request_correction: '发出补正告知',
  receive_correction: '收到补正材料',
  start_consultation: '征求意见',
  end_consultation: '征求意见结束',
  extend: '延长答复期限',
  set_deadline: '确定延迟答复期限',
  confirm_oral: '记录申请人确认口头申请',
  fee_notice: '发出收费通知',
  fee_paid: '记录缴费',
  answer: '作出答复',
  close_abandoned: '视为放弃申请并结案',
  withdraw: '撤回申请',
};

/** True when the action is allowed in the state. */
export const canTransition = (state: string, action: RequestAction): boolean =>
  (TRANSITIONS[action].from as readonly string[]).includes(state);

/** The state after the action; throws `conflict('request_state_conflict')` when not allowed. */
export function transition(state: string, action: RequestAction): RequestState {
  if (!canTransition(state, action)) {
    const label = Object.hasOwn(REQUEST_STATES, state) ? REQUEST_STATES[state as RequestState] : state;
    throw conflict('request_state_conflict', `申请当前状态为“${label}”，不能${ACTION_LABELS[action]}。`);
  }
  return TRANSITIONS[action].to ?? (state as RequestState);
}

/** States of an open case (not yet answered, withdrawn or abandoned): the one list every count uses. */
export const OPEN_REQUEST_STATES: readonly RequestState[] = ['submitted', ...OPEN];
/** Open states waiting on the applicant or a third party (补正、征求意见、缴费). */
export const WAITING_STATES: readonly RequestState[] = ['awaiting_correction', 'consulting', 'awaiting_payment'];

/** True while the case is open (counts for queues). */
export const isOpenState = (state: string): boolean => (OPEN_REQUEST_STATES as readonly string[]).includes(state);

/** Label of a state. */
export const stateLabel = (state: string): string =>
  Object.hasOwn(REQUEST_STATES, state) ? REQUEST_STATES[state as RequestState] : state;
