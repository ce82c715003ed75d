/**
 * Reply limits of public messages, in working days, pure. The limits are settings; the defaults
 * come from published practice (12345 hotlines and message boards): 5 working days for website
 * messages, 3 for hotline transfers by phone, 7 for written transfers. Counting follows
 * 民法典第二百零一条 (the day of receipt is not counted).
 */
import { addWorkingDays, type WorkCalendar } from '../calendar/index.js';
import { invalidFields, type FieldError } from '../platform/errors.js';
import type { MessageChannel, MessageType } from './message-states.rules.js';

/** Reply limits per channel, optionally overridden per type, plus the extension ceiling. */
export interface ReplyLimits {
  byChannel: Readonly<Record<MessageChannel, number>>;
  /** Overrides for a type (e.g. complaints 10 days on letters). */
  byType?: Readonly<Partial<Record<MessageType, Partial<Record<MessageChannel, number>>>>>;
  /** Longest extension in working days. */
  maxExtensionDays: number;
}

/** The defaults from the samples. */
export const DEFAULT_REPLY_LIMITS: ReplyLimits = {
  byChannel: { website: 5, phone: 3, letter: 7 },
  maxExtensionDays: 5,
};

/** The limit in working days for a type and channel. */
export function replyLimitDays(limits: ReplyLimits, type: MessageType, channel: MessageChannel): number {
  return limits.byType?.[type]?.[channel] ?? limits.byChannel[channel];
}

/** Due date: the n-th working day after `receivedOn`. Throws `calendar_year_missing` past the calendar. */
export function replyDueOn(
  cal: WorkCalendar,
  limits: ReplyLimits,
  m: { type: MessageType; channel: MessageChannel; receivedOn: string },
): string {
  return addWorkingDays(cal, m.receivedOn, replyLimitDays(limits, m.type, m.channel));
}

/** An extension: `days` working days more from the current due date, with a reason; once per case. */
export function extendDueOn(
  cal: WorkCalendar,
  limits: ReplyLimits,
  m: { dueOn: string; extendedDays: number },
  days: number,
  reason: string,
): string {
  const errors: FieldError[] = [];
  if (m.extendedDays > 0)
    errors.push({ code: 'already_extended', message: '该留言已经延期过一次，不能再次延期。', field: 'days' });
  if (!Number.isInteger(days) || days < 1 || days > limits.maxExtensionDays)
    errors.push({
      code: 'extension_days_invalid',
      message: `延期天数应为 1 至 ${limits.maxExtensionDays} 个工作日。`,
      field: 'days',
    });
  if (!reason.trim()) errors.push({ code: 'extension_reason_required', message: '请填写延期理由。', field: 'reason' });
  if (errors.length) throw invalidFields(errors);
  return addWorkingDays(cal, m.dueOn, days);
}

/** Parses a stored limits setting (JSON), falling back to the defaults field by field. */
export function parseReplyLimits(json: string | null | undefined): ReplyLimits {
  if (!json) return DEFAULT_REPLY_LIMITS;
  try {
    const v = JSON.parse(json) as Partial<ReplyLimits>;
    return {
      byChannel: { ...DEFAULT_REPLY_LIMITS.byChannel, ...(v.byChannel ?? {}) },
      byType: v.byType,
      maxExtensionDays:
        typeof v.maxExtensionDays === 'number' ? v.maxExtensionDays : DEFAULT_REPLY_LIMITS.maxExtensionDays,
    };
  } catch {
    return DEFAULT_REPLY_LIMITS;
  }
}
