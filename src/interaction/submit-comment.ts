import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { periodPhase, splitArticles } from './comment-periods.rules.js';
import { insertComment } from './comment-periods.store.js';
import { loadPeriod } from './period-support.js';

/** A citizen's comment on the whole draft (no article) or on one article. */
export interface SubmitCommentInput {
  periodId: number;
  articleNo?: number;
  name?: string;
  phone?: string;
  content?: string;
}

/** Submits a comment while the period is open; it waits for moderation before it is shown. */
export async function submitComment(ctx: Ctx, input: SubmitCommentInput): Promise<{ id: number }> {
  const content = (input.content ?? '').trim();
  const phone = (input.phone ?? '').replace(/\s/g, '');
  const errors: FieldError[] = [];
  if (!content) errors.push({ code: 'content_required', message: '请填写意见内容。', field: 'content' });
  if (content.length > 5000)
    errors.push({ code: 'content_too_long', message: '意见内容不能超过5000字。', field: 'content' });
  if ((input.name ?? '').trim().length > 50)
    errors.push({ code: 'name_too_long', message: '姓名不能超过50字。', field: 'name' });
  if (phone && !/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(phone))
    errors.push({ code: 'phone_invalid', message: '联系电话格式不正确。', field: 'phone' });
  if (errors.length) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const p = await loadPeriod(trx, ctx, input.periodId, 'public');
    if (
      periodPhase(
        { startOn: p.start_on, endOn: p.end_on, feedbackPublishedOn: p.feedback_published_on },
        today(ctx),
      ) !== 'open'
    ) {
      throw conflict('period_not_open', `本次意见征集时间为 ${p.start_on} 至 ${p.end_on}，当前不在征集期内。`);
    }
    const articles = splitArticles(p.draft_text);
    if (input.articleNo && !articles.some((a) => a.no === input.articleNo))
      throw invalidFields([{ code: 'article_invalid', message: '请选择草案中的条款。', field: 'articleNo' }]);
    const now = ctx.now().toISOString();
    const id = await insertComment(trx, {
      period_id: p.id,
      article_no: input.articleNo ?? null,
      name: (input.name ?? '').trim() || null,
      phone: phone || null,
      content,
      moderation: 'pending',
      adoption: null,
      adoption_reason: null,
      created_at: now,
      updated_at: now,
    });
    await writeAudit(trx, ctx, {
      action: 'comment.submit',
      subjectType: 'comment_period',
      subjectId: p.id,
      orgId: p.org_id,
      summary: `收到对「${p.title}」的意见（第 ${id} 条），待审核`,
    });
    return { id };
  });
}
