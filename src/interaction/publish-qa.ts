import type { Ctx } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { updateMessage } from './messages.store.js';
import { appendMessageEvent, loadMessage } from './message-support.js';
import { publishBlocker } from './publish-qa.rules.js';
import { syncQaIndex } from './qa-search.js';

export { publishBlocker };

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
    await syncQaIndex(trx, ctx, m.id);
    await writeAudit(trx, ctx, {
      action: input.publish ? 'message.publish' : 'message.unpublish',
      subjectType: 'message',
      subjectId: m.id,
      orgId: m.org_id,
      summary: `留言 ${m.message_no} ${input.publish ? '发布到公开问答' : '撤下公开问答'}`,
    });
  });
}
