/**
 * The message form (portal 我要留言 and the console's registration): the schema types the fields; the
 * content rules (required fields, lengths, contact details) stay with `message-input.rules.ts`, so a
 * refused form is shown again with the citizen's text and the errors next to the fields.
 */
import { Checkbox, Form, Text, ticked, type Static, OptChosen, Picked } from '../platform/http/schemas.js';
import type { MessageInput } from './message-input.rules.js';

export const MessageForm = Form({
  orgId: OptChosen('受理机关'),
  type: Picked('留言类型'),
  subject: Text('标题'),
  content: Text('留言内容'),
  name: Text('姓名'),
  phone: Text('联系电话'),
  email: Text('电子邮箱'),
  address: Text('联系地址'),
  publishConsent: Checkbox('同意公开本留言及答复'),
});
export type MessageFormBody = Static<typeof MessageForm>;

/** The form's values from its validated body: the message and the org it is addressed to. */
export const messageValues = (b: MessageFormBody): MessageInput & { orgId?: number } => ({
  orgId: b.orgId,
  type: b.type,
  subject: b.subject,
  content: b.content,
  name: b.name,
  phone: b.phone,
  email: b.email,
  address: b.address,
  publishConsent: ticked(b.publishConsent),
});
