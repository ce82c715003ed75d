import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { nextState } from './message-states.rules.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent, loadMessage } from './message-support.js';

/** 签收: a handler of the agency signs for a received message and becomes its handler. */
export async function acceptMessage(ctx: Ctx, input: { messageId: number }): Promise<void> {
  await tx(ctx, async (trx) => {
    const m = await loadMessage(trx, ctx, input.messageId, 'handle');
    const state = nextState(m.state, 'accept');
    await updateMessage(trx, m.id, {
      state,
      handler_id: m.handler_id ?? ctx.actor.userId,
      updated_at: ctx.now().toISOString(),
    });
    await appendMessageEvent(trx, ctx, m.id, { type: 'accepted' });
    await writeAudit(trx, ctx, {
      action: 'message.accept',
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: `签收留言 ${m.message_no}`,
    });
  });
}
