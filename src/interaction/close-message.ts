import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { nextState } from './message-states.rules.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent, loadMessage } from './message-support.js';

/** 办结: closes a replied or rated message (no further rating or reopening). */
export async function closeMessage(ctx: Ctx, input: { messageId: number }): Promise<void> {
  await tx(ctx, async (trx) => {
    const m = await loadMessage(trx, ctx, input.messageId, 'handle');
    const state = nextState(m.state, 'close');
    await updateMessage(trx, m.id, { state, updated_at: ctx.now().toISOString() });
    await appendMessageEvent(trx, ctx, m.id, { type: 'closed' });
    await writeAudit(trx, ctx, {
      action: 'message.close',
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: `留言 ${m.message_no} 办结`,
    });
  });
}
