import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { ADOPTION, isAdoption } from './comment-periods.rules.js';
import { listComments, updateComment, updatePeriod } from './comment-periods.store.js';
import { loadPeriod } from './period-support.js';

/** The feedback: a summary and, for each approved comment, adopted / partly / not adopted with a reason. */
export interface PublishFeedbackInput {
  periodId: number;
  feedbackText?: string;
  decisions: Array<{ commentId: number; adoption?: string; reason?: string }>;
}

/**
 * Publishes the feedback after the end of the period: how many comments, which were adopted, partly
 * adopted or not adopted, and why (《重大行政决策程序暂行条例》第十五条: 公开意见采纳情况).
 */
export async function publishFeedback(
  ctx: Ctx,
  input: PublishFeedbackInput,
): Promise<{ counts: Record<string, number> }> {
  return tx(ctx, async (trx) => {
    const p = await loadPeriod(trx, ctx, input.periodId, 'manage');
    if (p.feedback_published_on) throw conflict('feedback_already_published', '采纳情况已经公布。');
    if (today(ctx) <= p.end_on)
      throw conflict('period_not_ended', `征集期至 ${p.end_on} 结束，结束后才能公布采纳情况。`);
    const approved = await listComments(trx, p.id, 'approved');
    const pending = await listComments(trx, p.id, 'pending');
    const errors: FieldError[] = [];
    if (pending.length) errors.push({ code: 'comments_pending', message: `还有 ${pending.length} 条意见未审核。` });
    const text = (input.feedbackText ?? '').trim();
    if (!text) errors.push({ code: 'feedback_required', message: '请填写采纳情况说明。', field: 'feedbackText' });
    const byId = new Map(input.decisions.map((d) => [d.commentId, d]));
    for (const c of approved) {
      const d = byId.get(c.id);
      const a = (d?.adoption ?? '').trim();
      if (!isAdoption(a))
        errors.push({
          code: 'adoption_required',
          message: `请选择第 ${c.id} 条意见的采纳情况。`,
          field: `adoption_${c.id}`,
        });
      else if (a !== 'adopted' && !(d?.reason ?? '').trim())
        errors.push({
          code: 'adoption_reason_required',
          message: `第 ${c.id} 条意见${ADOPTION[a]}，请说明理由。`,
          field: `reason_${c.id}`,
        });
    }
    if (errors.length) throw invalidFields(errors);
    const now = ctx.now().toISOString();
    const counts: Record<string, number> = { total: approved.length, adopted: 0, partly: 0, not_adopted: 0 };
    for (const c of approved) {
      const d = byId.get(c.id)!;
      const a = (d.adoption ?? '').trim();
      counts[a] = (counts[a] ?? 0) + 1;
      await updateComment(trx, c.id, {
        adoption: a,
        adoption_reason: (d.reason ?? '').trim() || null,
        updated_at: now,
      });
    }
    await updatePeriod(trx, p.id, { feedback_text: text, feedback_published_on: today(ctx), updated_at: now });
    await writeAudit(trx, ctx, {
      action: 'period.feedback',
      subjectType: 'comment_period',
      subjectId: p.id,
      orgId: p.org_id,
      summary: `公布「${p.title}」意见采纳情况：共 ${counts.total} 条，采纳 ${counts.adopted}，部分采纳 ${counts.partly}，未采纳 ${counts.not_adopted}`,
    });
    return { counts };
  });
}
