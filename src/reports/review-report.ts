import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { REPORT_REVIEW_ROLES } from './report-workflow.rules.js';
import { authorizeReportFirst, reportForAction } from './report-access.js';
import { updateReportRow } from './reports.store.js';

/** The supervising office accepts a submitted report, or returns it with comments (条例第四十九条). */
export async function reviewReport(
  ctx: Ctx,
  input: { id: number; decision: 'accept' | 'return'; comment?: string },
): Promise<void> {
  await authorizeReportFirst(ctx, input.id, REPORT_REVIEW_ROLES);
  const comment = (input.comment ?? '').trim();
  if (input.decision !== 'accept' && input.decision !== 'return')
    throw invalidFields([{ code: 'decision_invalid', field: 'decision', message: '请选择审核结论。' }]);
  if (input.decision === 'return' && !comment)
    throw invalidFields([{ code: 'comment_required', field: 'comment', message: '退回修改时请填写审核意见。' }]);
  if (comment.length > 2000)
    throw invalidFields([{ code: 'comment_too_long', field: 'comment', message: '审核意见不能超过 2000 字。' }]);
  await tx(ctx, async (trx) => {
    const r = await reportForAction(trx, ctx, input.id, input.decision, REPORT_REVIEW_ROLES);
    const now = ctx.now().toISOString();
    await updateReportRow(trx, r.id, {
      status: input.decision === 'accept' ? 'accepted' : 'returned',
      review_comment: comment || null,
      reviewed_at: now,
      reviewed_by: ctx.actor.userId,
      updated_at: now,
    });
    await writeAudit(trx, ctx, {
      action: input.decision === 'accept' ? 'report.accept' : 'report.return',
      subjectType: 'annual_report',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `「${r.org_name}」${r.year}年度报告${input.decision === 'accept' ? '审核通过' : '退回修改'}`,
    });
  });
}
