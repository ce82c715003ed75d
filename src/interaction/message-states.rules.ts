/**
 * The closed state model of a public message (咨询 / 投诉 / 建议), pure.
 * 国办秘函〔2019〕19号 “互动回应差”: valid messages must be answered; this file says which
 * handling step is allowed in which state and where it leads.
 */
import { conflict } from '../platform/errors.js';
import { addDays, type IsoDate } from '../platform/dates.js';

/** Message states. */
export const MESSAGE_STATES = {
  received: '待签收',
  accepted: '已签收',
  assigned: '办理中',
  replied: '已答复',
  rated: '已评价',
  closed: '已办结',
  transferred: '已转出',
  reopened: '重新办理',
} as const;

export type MessageState = keyof typeof MESSAGE_STATES;

/** Message types. */
export const MESSAGE_TYPES = { consult: '咨询', complaint: '投诉', suggestion: '建议' } as const;
export type MessageType = keyof typeof MESSAGE_TYPES;

/** Channels: website form, hotline transfer by phone, written transfer (letter). */
export const MESSAGE_CHANNELS = { website: '网站留言', phone: '热线电话转办', letter: '书面转办' } as const;
export type MessageChannel = keyof typeof MESSAGE_CHANNELS;

/** Ratings given by the citizen. */
export const RATINGS = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' } as const;
export type Rating = keyof typeof RATINGS;

/** Handling actions. */
export type MessageAction =
  'accept' | 'assign' | 'transfer' | 'transfer_out' | 'reply' | 'extend' | 'rate' | 'reopen' | 'close';

const OPEN: readonly MessageState[] = ['accepted', 'assigned', 'reopened'];

/** A message still waiting for a reply (signed for or not): the 待办 queue, overdue marks, due dates that follow the calendar. */
export const AWAITING_REPLY_STATES: readonly MessageState[] = ['received', ...OPEN];
export const isAwaitingReply = (state: string): boolean => (AWAITING_REPLY_STATES as readonly string[]).includes(state);

/** Allowed source states and target state (`null` = unchanged) of each action. */
const TRANSITIONS: Readonly<Record<MessageAction, { from: readonly MessageState[]; to: MessageState | null }>> = {
  accept: { from: ['received'], to: 'accepted' },
  assign: { from: ['received', ...OPEN], to: 'assigned' },
  // Transfer to another agency on the platform: it must sign for it again.
  transfer: { from: ['received', ...OPEN], to: 'received' },
  // Transfer to a body outside the platform: ends the case here.
  transfer_out: { from: ['received', ...OPEN], to: 'transferred' },
  reply: { from: OPEN, to: 'replied' },
  extend: { from: OPEN, to: null },
  rate: { from: ['replied'], to: 'rated' },
  reopen: { from: ['rated'], to: 'reopened' },
  close: { from: ['replied', 'rated'], to: 'closed' },
};

/** Chinese labels of actions (for errors and history). */
export const ACTION_LABELS: Readonly<Record<MessageAction, string>> = {
  accept: '签收',
  assign: '分派',
  transfer: '转办',
  transfer_out: '转出',
  reply: '答复',
  extend: '延期',
  rate: '评价',
  reopen: '重新办理',
  close: '办结',
};

export const isMessageState = (s: string): s is MessageState => Object.prototype.hasOwnProperty.call(MESSAGE_STATES, s);
export const isMessageType = (s: string): s is MessageType => Object.prototype.hasOwnProperty.call(MESSAGE_TYPES, s);
export const isChannel = (s: string): s is MessageChannel => Object.prototype.hasOwnProperty.call(MESSAGE_CHANNELS, s);
export const isRating = (s: string): s is Rating => Object.prototype.hasOwnProperty.call(RATINGS, s);

/** Whether `action` is allowed in `state`. */
export const canDo = (state: string, action: MessageAction): boolean =>
  (TRANSITIONS[action].from as readonly string[]).includes(state);

/** The state after `action`, or a `message_state_conflict` error. */
export function nextState(state: string, action: MessageAction): MessageState {
  if (!isMessageState(state) || !canDo(state, action)) {
    const label = isMessageState(state) ? MESSAGE_STATES[state] : state;
    throw conflict('message_state_conflict', `留言当前状态为“${label}”，不能${ACTION_LABELS[action]}。`);
  }
  return TRANSITIONS[action].to ?? state;
}

/** Default number of calendar days after 办结 during which a citizen who has not rated may still rate. */
export const DEFAULT_RATING_DAYS_AFTER_CLOSE = 15;

/**
 * Whether the citizen may rate now: a replied message, or a closed one that was never rated while
 * `today` is within `days` calendar days of the closing date (办结 must not cut 满意率 short).
 */
export function ratingOpen(
  m: { state: string; rating: string | null },
  closedOn: IsoDate | null,
  today: IsoDate,
  days: number,
): boolean {
  if (m.state === 'replied') return true;
  return m.state === 'closed' && m.rating === null && closedOn !== null && today <= addDays(closedOn, days);
}

/** 不满意 may reopen the case once: only an unsatisfied rating of a case never reopened. */
export function canReopen(m: { state: string; rating: string | null; reopened: number }): boolean {
  return m.state === 'rated' && m.rating === 'unsatisfied' && !m.reopened;
}

/** States counted as 办结 (answered or transferred out). */
export const DONE_STATES: readonly MessageState[] = ['replied', 'rated', 'closed', 'transferred'];
/** States still waiting for an answer. */
export const PENDING_STATES: readonly MessageState[] = ['received', ...OPEN];
