import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { nextState } from './message-states.rules.js';
import { extendDueOn } from './reply-deadline.rules.js';
import { interactionCalendar, readInteractionSettings } from './interaction-settings.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent, loadMessage } from './message-support.js';

/** Extends the reply limit once by up to the configured number of working days, with a reason. */
export async function extendMessage(
  ctx: Ctx,
  input: { messageId: number; days?: number; reason?: string },
): Promise<{ dueOn: string }> {
  const settings = await readInteractionSettings(ctx.db);
  return tx(ctx, async (trx) => {
    const m = await loadMessage(trx, ctx, input.messageId, 'handle');
    nextState(m.state, 'extend');
    const reason = (input.reason ?? '').trim();
    const days = input.days ?? 0;
    const dueOn = extendDueOn(
      await interactionCalendar(trx),
      settings.replyLimits,
      { dueOn: m.due_on ?? m.received_on, extendedDays: m.extended_days },
      days,
      reason,
    );
    await updateMessage(trx, m.id, {
      due_on: dueOn,
      extended_days: days,
      extension_reason: reason,
      updated_at: ctx.now().toISOString(),
    });
    await appendMessageEvent(trx, ctx, m.id, { type: 'extended', payload: { days, dueOn, reason } });
    await writeAudit(trx, ctx, {
      action: 'message.extend',
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: `留言 ${m.message_no} 延期 ${days} 个工作日至 ${dueOn}：${reason}`,
    });
    return { dueOn };
  });
}
