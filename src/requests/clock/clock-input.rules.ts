/**
 * Hand-written validation of the clock ledger (pure). Reports every problem at once, each with a
 * stable code, a Chinese message and the field path (`received.on`, `events[3].on`, …).
 */
import { AppError, type FieldError } from '../../platform/errors.js';
import { tryDayNumber } from '../../platform/dates.js';
import type { Channel, ClockEvent, ClockEventType, ClockLedger, ConsultationParty } from './clock.types.js';
import { CHANNELS, EVENT_LABELS, PARTIES } from './clock-explain.rules.js';

/** Fields each event type may or must carry (besides `type`, `id`, `note`). */
const EVENT_FIELDS: Readonly<Record<ClockEventType, { required: readonly string[]; optional: readonly string[] }>> = {
  correction_requested: { required: ['on', 'until'], optional: [] },
  correction_received: { required: ['on'], optional: [] },
  consultation_started: { required: ['on', 'party'], optional: [] },
  consultation_ended: { required: ['on'], optional: ['party'] },
  fee_notice_sent: { required: ['on'], optional: [] },
  fee_paid: { required: ['on'], optional: [] },
  extended: { required: ['on', 'days'], optional: [] },
  deadline_set: { required: ['dueOn', 'reason'], optional: ['on'] },
  answered: { required: ['on'], optional: [] },
};

/** The most working days an extension may add (条例第三十三条第二款). */
export const MAX_EXTENSION_DAYS = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isEventType = (t: unknown): t is ClockEventType => typeof t === 'string' && Object.hasOwn(EVENT_FIELDS, t);

function err(errors: FieldError[], code: string, message: string, field: string): void {
  errors.push({ code, message, field });
}

/** Checks a required date field; returns its day number or NaN. */
function checkDate(errors: FieldError[], v: unknown, field: string, label: string): number {
  if (v === undefined || v === null || v === '') {
    err(errors, 'field_required', `缺少${label}。`, field);
    return NaN;
  }
  const n = tryDayNumber(v);
  if (Number.isNaN(n))
    err(
      errors,
      'invalid_date',
      `${label}“${String(v)}”不是有效日期，应为“年-月-日”格式的真实日期，例如 2025-10-30。`,
      field,
    );
  return n;
}

/** Validates an untrusted ledger; returns all field errors (empty when valid). */
export function validateLedger(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isObject(input)) {
    err(errors, 'ledger_invalid', '计时数据应为对象：{"received": {...}, "events": [...]}。', '');
    return errors;
  }
  for (const k of Object.keys(input))
    if (k !== 'received' && k !== 'events') err(errors, 'unknown_field', `不认识的字段“${k}”。`, k);
  let receivedDay = NaN;
  const received = input.received;
  if (!isObject(received)) err(errors, 'field_required', '缺少收到申请的信息（received）。', 'received');
  else {
    for (const k of Object.keys(received))
      if (k !== 'on' && k !== 'channel') err(errors, 'unknown_field', `不认识的字段“${k}”。`, `received.${k}`);
    receivedDay = checkDate(errors, received.on, 'received.on', '收到申请日期');
    if (typeof received.channel !== 'string' || !Object.hasOwn(CHANNELS, received.channel)) {
      err(
        errors,
        'unknown_channel',
        `不认识的申请渠道“${String(received.channel)}”，可选：${Object.keys(CHANNELS).join('、')}。`,
        'received.channel',
      );
    }
  }
  const events = input.events ?? [];
  if (!Array.isArray(events)) {
    err(errors, 'field_type', '事件列表（events）应为数组。', 'events');
    return errors;
  }
  const receivedOn = isObject(received) ? String(received.on) : '';
  let prevDay = receivedDay;
  let prevField = 'received.on';
  events.forEach((ev: unknown, i: number) => {
    const p = `events[${i}]`;
    if (!isObject(ev)) {
      err(errors, 'field_type', '每个事件应为对象。', p);
      return;
    }
    if (!isEventType(ev.type)) {
      err(
        errors,
        'unknown_event_type',
        `不认识的事件类型“${String(ev.type)}”，可选：${Object.keys(EVENT_FIELDS).join('、')}。`,
        `${p}.type`,
      );
      return;
    }
    const spec = EVENT_FIELDS[ev.type];
    const label = EVENT_LABELS[ev.type];
    for (const k of Object.keys(ev)) {
      if (k !== 'type' && k !== 'id' && k !== 'note' && !spec.required.includes(k) && !spec.optional.includes(k)) {
        err(errors, 'unknown_field', `事件“${label}”不应有字段“${k}”。`, `${p}.${k}`);
      }
    }
    for (const k of ['id', 'note'] as const) {
      if (ev[k] !== undefined && typeof ev[k] !== 'string') err(errors, 'field_type', `${k} 应为文字。`, `${p}.${k}`);
    }
    let day = NaN;
    if (spec.required.includes('on') || ev.on !== undefined) day = checkDate(errors, ev.on, `${p}.on`, `${label}日期`);
    if (ev.type === 'correction_requested') {
      const until = checkDate(errors, ev.until, `${p}.until`, '补正期限');
      if (!Number.isNaN(until) && !Number.isNaN(day) && until < day) {
        err(
          errors,
          'correction_until_before_notice',
          `补正期限 ${String(ev.until)} 早于补正通知日期 ${String(ev.on)}。`,
          `${p}.until`,
        );
      }
    }
    if (ev.type === 'consultation_started' || (ev.type === 'consultation_ended' && ev.party !== undefined)) {
      if (typeof ev.party !== 'string' || !Object.hasOwn(PARTIES, ev.party)) {
        err(
          errors,
          'unknown_party',
          `不认识的征求意见对象“${String(ev.party)}”，可选：third_party（第三方）、other_agency（其他机关）。`,
          `${p}.party`,
        );
      }
    }
    if (ev.type === 'extended') {
      const d = ev.days;
      if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) {
        err(
          errors,
          'extension_days_invalid',
          `延长天数“${String(d)}”无效，应为1至${MAX_EXTENSION_DAYS}之间的整数（工作日）。`,
          `${p}.days`,
        );
      } else if (d > MAX_EXTENSION_DAYS) {
        err(
          errors,
          'extension_too_long',
          `延长期限最长不得超过${MAX_EXTENSION_DAYS}个工作日（条例第三十三条第二款），收到的是${d}个。`,
          `${p}.days`,
        );
      }
    }
    if (ev.type === 'deadline_set') {
      checkDate(errors, ev.dueOn, `${p}.dueOn`, '答复期限');
      if (typeof ev.reason !== 'string' || ev.reason.trim() === '') {
        err(errors, 'deadline_reason_missing', '依第三十五条确定答复期限时必须写明理由。', `${p}.reason`);
      }
    }
    if (!Number.isNaN(day)) {
      if (!Number.isNaN(receivedDay) && day < receivedDay) {
        err(
          errors,
          'event_before_received',
          `第 ${i + 1} 个事件（${label}）的日期 ${String(ev.on)} 早于收到申请日期 ${receivedOn}。`,
          `${p}.on`,
        );
      } else if (!Number.isNaN(prevDay) && day < prevDay) {
        err(
          errors,
          'events_out_of_order',
          `第 ${i + 1} 个事件（${label}）的日期 ${String(ev.on)} 早于前一事件（${prevField}）的日期，事件须按日期先后排列。`,
          `${p}.on`,
        );
      }
      prevDay = day;
      prevField = `${p}.on`;
    }
  });
  return errors;
}

/** Validates and returns the typed ledger; throws `AppError('invalid', [...all errors])`. */
export function parseLedger(input: unknown): ClockLedger {
  const errors = validateLedger(input);
  if (errors.length > 0) throw new AppError('invalid', errors);
  return input as ClockLedger;
}

/** True for a known receipt channel. */
/**
 * A ledger message for a form that records one event: the event by its name, not by its place in the
 * ledger (“第 2 个事件（答复）的日期 …” → “答复日期 …”), which the person filling the form never sees.
 */
export const byEventName = (message: string): string => message.replace(/第 \d+ 个事件（([^）]+)）的?/g, '$1');

export const isChannel = (v: unknown): v is Channel => typeof v === 'string' && Object.hasOwn(CHANNELS, v);
/** True for `third_party` and `other_agency`. */
export const isParty = (v: unknown): v is ConsultationParty => typeof v === 'string' && Object.hasOwn(PARTIES, v);
/** The event type names. */
export const EVENT_TYPES = Object.keys(EVENT_FIELDS) as ClockEventType[];
/** True for an object whose `type` is a known event type (fields not checked: use validateLedger). */
export const isEvent = (v: unknown): v is ClockEvent => isObject(v) && isEventType(v.type);
