import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { deleteAttachment, getAttachment } from './attachments.store.js';
import { loadItem, workflowItem } from './item-transition.js';
import { decide } from './item-workflow.rules.js';

/** Removes an attachment from an item while it may be edited. */
export async function removeAttachment(ctx: Ctx, input: { itemId: number; attachmentId: number }): Promise<void> {
  await tx(ctx, async (trx) => {
    const item = await loadItem(trx, input.itemId);
    decide(workflowItem(item), 'edit', ctx.actor);
    const att = await getAttachment(trx, input.attachmentId);
    if (!att || att.item_id !== item.id) throw notFound('attachment_not_found', '附件不存在。');
    await deleteAttachment(trx, att.id);
    await writeAudit(trx, ctx, {
      action: 'item.detach',
      subjectType: 'item',
      subjectId: item.id,
      orgId: item.org_id,
      summary: `从「${item.title}」（${item.index_no}）删除附件“${att.filename}”`,
    });
  });
}
