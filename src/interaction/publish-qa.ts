import type { Ctx } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent, loadMessage } from './message-support.js';

/** Why a message cannot be published as Q&A, or null when it can. */
export function publishBlocker(m: { publish_consent: number; held_for_moderation: number; rejected: number; state: string; reply_public: string | null }): string | null {
  if (!m.publish_consent) return '留言人未同意公开，不能发布。';
  if (m.held_for_moderation) return '留言含敏感词，须先审核通过。';
  if (m.rejected) return '留言已审核不予受理，不能发布。';
  if (!['replied', 'rated', 'closed'].includes(m.state) || !m.reply_public) return '留言尚未答复，不能发布。';
  return null;
}

/** Publishes (or withdraws) a replied message in the public Q&A, name masked. */
export async function publishQa(ctx: Ctx, input: { messageId: number; publish: boolean }): Promise<void> {
  await tx(ctx, async (trx) => {
    const m = await loadMessage(trx, ctx, input.messageId, 'publish');
    if (input.publish) {
      const why = publishBlocker(m);
      if (why) throw conflict('qa_publish_refused', why);
    }
    await updateMessage(trx, m.id, { published: input.publish ? 1 : 0, updated_at: ctx.now().toISOString() });
    await appendMessageEvent(trx, ctx, m.id, { type: input.publish ? 'published' : 'unpublished', public: false });
    await writeAudit(trx, ctx, { action: input.publish ? 'message.publish' : 'message.unpublish', subjectType: 'message', subjectId: m.id, orgId: m.org_id, summary: `留言 ${m.message_no} ${input.publish ? '发布到公开问答' : '撤下公开问答'}` });
  });
}
