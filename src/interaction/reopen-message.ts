import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { canReopen, nextState } from './message-states.rules.js';
import { replyDueOn } from './reply-deadline.rules.js';
import { interactionCalendar, readInteractionSettings } from './interaction-settings.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent } from './message-support.js';
import { findMessageByCode } from './find-message.js';
import type { MessageChannel, MessageType } from './message-states.rules.js';

/**
 * After an unsatisfied rating the citizen may ask once for the case to be handled again. The
 * previous reply and rating stay in the history; a new reply is due after the channel's limit
 * counted from today.
 */
export async function reopenMessage(
  ctx: Ctx,
  input: { messageNo: string; queryCode: string },
): Promise<{ dueOn: string }> {
  const settings = await readInteractionSettings(ctx.db);
  return tx(ctx, async (trx) => {
    const m = await findMessageByCode(trx, input.messageNo, input.queryCode);
    if (!canReopen(m)) {
      throw conflict(
        'message_reopen_refused',
        m.reopened ? '该留言已经重新办理过一次，不能再次申请。' : '只有评价为“不满意”的留言可以申请重新办理。',
      );
    }
    const state = nextState(m.state, 'reopen');
    const on = today(ctx);
    const dueOn = replyDueOn(await interactionCalendar(trx), settings.replyLimits, {
      type: m.type as MessageType,
      channel: m.channel as MessageChannel,
      receivedOn: on,
    });
    await updateMessage(trx, m.id, {
      state,
      reopened: 1,
      rating: null,
      rating_reason: null,
      replied_on: null,
      published: 0,
      due_on: dueOn,
      updated_at: ctx.now().toISOString(),
    });
    await appendMessageEvent(trx, ctx, m.id, {
      type: 'reopened',
      payload: { previousRating: m.rating, previousRepliedOn: m.replied_on, dueOn },
    });
    await writeAudit(trx, ctx, {
      action: 'message.reopen',
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: `留言人对留言 ${m.message_no} 的答复不满意，申请重新办理，期限 ${dueOn}`,
    });
    return { dueOn };
  });
}
