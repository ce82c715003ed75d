import type { Ctx } from '../platform/context.js';
import { invalid, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { getComment, updateComment } from './comment-periods.store.js';
import { loadPeriod } from './period-support.js';

/** Approves (shown publicly, name masked) or rejects a comment. */
export async function moderateComment(ctx: Ctx, input: { commentId: number; decision?: string }): Promise<void> {
  // Authorize before validating the decision.
  const first = await getComment(ctx.db, input.commentId);
  if (!first) throw notFound('comment_not_found', '意见不存在。');
  await loadPeriod(ctx.db, ctx, first.period_id, 'manage');
  const d = input.decision;
  if (d !== 'approved' && d !== 'rejected')
    throw invalid('decision_required', '请选择审核结果：显示或不予显示。', 'decision');
  await tx(ctx, async (trx) => {
    const c = await getComment(trx, input.commentId);
    if (!c) throw notFound('comment_not_found', '意见不存在。');
    const p = await loadPeriod(trx, ctx, c.period_id, 'manage');
    await updateComment(trx, c.id, { moderation: d, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: `comment.moderate.${d}`,
      subjectType: 'comment_period',
      subjectId: p.id,
      orgId: p.org_id,
      summary: `意见（第 ${c.id} 条）${d === 'approved' ? '审核通过' : '不予显示'}`,
    });
  });
}
