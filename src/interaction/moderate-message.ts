import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent, loadMessage } from './message-support.js';

/**
 * Moderation of a message held for sensitive words: `release` (it may be published later) or
 * `reject` (not a valid message: never public, left out of the figures, case closed).
 */
export async function moderateMessage(
  ctx: Ctx,
  input: { messageId: number; decision?: string; note?: string },
): Promise<void> {
  await loadMessage(ctx.db, ctx, input.messageId, 'publish'); // authorize before validating the fields
  const decision = input.decision;
  if (decision !== 'release' && decision !== 'reject')
    throw invalid('decision_required', '请选择审核结果：通过或不予受理。', 'decision');
  const note = (input.note ?? '').trim();
  if (decision === 'reject' && !note) throw invalid('moderation_note_required', '不予受理时请填写理由。', 'note');
  await tx(ctx, async (trx) => {
    const m = await loadMessage(trx, ctx, input.messageId, 'publish');
    const now = ctx.now().toISOString();
    if (decision === 'release') await updateMessage(trx, m.id, { held_for_moderation: 0, updated_at: now });
    else
      await updateMessage(trx, m.id, {
        held_for_moderation: 0,
        rejected: 1,
        published: 0,
        state: 'closed',
        updated_at: now,
      });
    await appendMessageEvent(trx, ctx, m.id, {
      type: decision === 'release' ? 'moderation_released' : 'moderation_rejected',
      payload: { note },
      public: decision === 'reject',
    });
    await writeAudit(trx, ctx, {
      action: `message.moderate.${decision}`,
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: decision === 'release' ? `留言 ${m.message_no} 审核通过` : `留言 ${m.message_no} 审核不予受理：${note}`,
    });
  });
}
