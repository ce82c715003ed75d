import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { effectiveGrants, inScope } from '../orgs/index.js';
import { resolveActorGrants } from './handler-grants.js';
import { nextState } from './message-states.rules.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent, loadMessage, requireId } from './message-support.js';

/** Assigns a message to a message handler of its agency. */
export async function assignMessage(ctx: Ctx, input: { messageId: number; handlerId?: number }): Promise<void> {
  const handlerId = requireId(input.handlerId, 'handlerId', '承办人');
  await tx(ctx, async (trx) => {
    const m = await loadMessage(trx, ctx, input.messageId, 'handle');
    const state = nextState(m.state, 'assign');
    const h = await resolveActorGrants(trx, handlerId);
    if (!h || !effectiveGrants(h.actor).some((g) => g.role === 'message_handler' && inScope(g.orgPath, m.org_path))) {
      throw invalid('handler_invalid', '承办人须是本机关的咨询投诉办理人员。', 'handlerId');
    }
    await updateMessage(trx, m.id, { state, handler_id: handlerId, updated_at: ctx.now().toISOString() });
    await appendMessageEvent(trx, ctx, m.id, { type: 'assigned', payload: { handler: h.name }, public: false });
    await writeAudit(trx, ctx, {
      action: 'message.assign',
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: `留言 ${m.message_no} 分派给 ${h.name}`,
    });
  });
}
