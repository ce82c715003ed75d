/**
 * Validation of a message form, pure. A consultation may be anonymous unless the setting requires
 * a name; complaints and suggestions need a name and a phone so the agency can follow up.
 */
import type { FieldError } from '../platform/errors.js';
import {
  isChannel,
  isMessageType,
  MESSAGE_TYPES,
  type MessageChannel,
  type MessageType,
} from './message-states.rules.js';

/** The message form as typed. */
export interface MessageInput {
  type?: string;
  subject?: string;
  content?: string;
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  publishConsent?: boolean;
}

/** The cleaned fields. */
export interface MessageFields {
  type: MessageType;
  subject: string;
  content: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  publishConsent: boolean;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const t = (s: string | undefined): string => (s ?? '').trim();
/** The longest 联系地址 a message takes (its form field says the same). */
export const MESSAGE_ADDRESS_MAX = 200;

/** Validates a message; `nameRequired` is the setting for consultations. */
export function validateMessage(
  input: MessageInput,
  opts: { nameRequired: boolean },
): { fields: MessageFields | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const type = t(input.type);
  const subject = t(input.subject);
  const content = t(input.content);
  const name = t(input.name);
  const phone = t(input.phone).replace(/\s/g, '');
  const email = t(input.email);
  if (!isMessageType(type))
    errors.push({ code: 'type_required', message: '请选择留言类型（咨询、投诉或建议）。', field: 'type' });
  if (!subject) errors.push({ code: 'subject_required', message: '请填写留言标题。', field: 'subject' });
  else if (subject.length > 100)
    errors.push({ code: 'subject_too_long', message: '留言标题不能超过100字。', field: 'subject' });
  if (!content) errors.push({ code: 'content_required', message: '请填写留言内容。', field: 'content' });
  else if (content.length > 5000)
    errors.push({ code: 'content_too_long', message: '留言内容不能超过5000字。', field: 'content' });
  const strict = isMessageType(type) && (type !== 'consult' || opts.nameRequired);
  if (strict && !name)
    errors.push({
      code: 'name_required',
      message: `${isMessageType(type) ? MESSAGE_TYPES[type] : ''}留言须填写姓名。`,
      field: 'name',
    });
  if (name.length > 50) errors.push({ code: 'name_too_long', message: '姓名不能超过50字。', field: 'name' });
  if (isMessageType(type) && type !== 'consult' && !phone)
    errors.push({ code: 'phone_required', message: '投诉、建议须填写联系电话，以便核实情况。', field: 'phone' });
  if (phone && !PHONE.test(phone))
    errors.push({
      code: 'phone_invalid',
      message: '联系电话格式不正确，例如 13800138000 或 010-12345678。',
      field: 'phone',
    });
  if (email && !EMAIL.test(email))
    errors.push({ code: 'email_invalid', message: '电子邮箱格式不正确。', field: 'email' });
  else if (email.length > 200)
    errors.push({ code: 'email_too_long', message: '电子邮箱不能超过200个字符。', field: 'email' });
  if (t(input.address).length > MESSAGE_ADDRESS_MAX)
    errors.push({
      code: 'address_too_long',
      message: `联系地址不能超过${MESSAGE_ADDRESS_MAX}字。`,
      field: 'address',
    });
  if (errors.length || !isMessageType(type)) return { fields: null, errors };
  return {
    fields: {
      type,
      subject,
      content,
      name: name || null,
      phone: phone || null,
      email: email || null,
      address: t(input.address) || null,
      publishConsent: !!input.publishConsent,
    },
    errors,
  };
}

/** Validates a staff-registered channel. */
export function validateChannel(channel: string | undefined): { channel: MessageChannel | null; errors: FieldError[] } {
  const c = t(channel);
  return isChannel(c)
    ? { channel: c, errors: [] }
    : { channel: null, errors: [{ code: 'channel_required', message: '请选择来源渠道。', field: 'channel' }] };
}

/** `LY-2026-000123`. */
export const formatMessageNo = (year: number, n: number): string => `LY-${year}-${String(n).padStart(6, '0')}`;
/** True for a well-formed 留言编号. */
export const isMessageNo = (s: string): boolean => /^LY-\d{4}-\d{6,}$/.test(s);
