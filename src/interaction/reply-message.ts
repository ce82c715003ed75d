import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { nextState } from './message-states.rules.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent, loadMessage } from './message-support.js';

/** A reply: a public part (shown to the citizen and, with consent, in the Q&A) and an optional private part. */
export interface ReplyMessageInput {
  messageId: number;
  replyPublic?: string;
  replyPrivate?: string;
}

/** Replies to a message on today's date; says whether it was on time. */
export async function replyMessage(
  ctx: Ctx,
  input: ReplyMessageInput,
): Promise<{ repliedOn: string; onTime: boolean }> {
  await loadMessage(ctx.db, ctx, input.messageId, 'handle'); // authorize before validating the fields
  const pub = (input.replyPublic ?? '').trim();
  const priv = (input.replyPrivate ?? '').trim();
  const errors: FieldError[] = [];
  if (!pub) errors.push({ code: 'reply_required', message: '请填写答复内容。', field: 'replyPublic' });
  if (pub.length > 10000)
    errors.push({ code: 'reply_too_long', message: '答复内容不能超过10000字。', field: 'replyPublic' });
  if (errors.length) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const m = await loadMessage(trx, ctx, input.messageId, 'handle');
    const state = nextState(m.state, 'reply');
    const on = today(ctx);
    const onTime = !m.due_on || on <= m.due_on;
    await updateMessage(trx, m.id, {
      state,
      reply_public: pub,
      reply_private: priv || null,
      replied_on: on,
      handler_id: m.handler_id ?? ctx.actor.userId,
      updated_at: ctx.now().toISOString(),
    });
    await appendMessageEvent(trx, ctx, m.id, { type: 'replied', payload: { onTime } });
    await writeAudit(trx, ctx, {
      action: 'message.reply',
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: `答复留言 ${m.message_no}${onTime ? '' : `（超过期限 ${m.due_on}）`}`,
    });
    return { repliedOn: on, onTime };
  });
}
