import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { validatePeriodDates } from './comment-periods.rules.js';
import { canPublish, PUBLISH_ROLES } from './interaction.policy.rules.js';
import { readInteractionSettings } from './interaction-settings.js';
import { insertPeriod } from './comment-periods.store.js';
import { authorizeAgencyFirst, messageOrg } from './new-message.js';

/** A new comment period on a draft: its own text with articles (第X条 lines), or a link to a catalogue item. */
export interface OpenPeriodInput {
  orgId?: number;
  title?: string;
  catalogRef?: string;
  draftText?: string;
  startOn?: string;
  endOn?: string;
}

/**
 * Opens a comment period (《重大行政决策程序暂行条例》第十四条: generally not less than 30 days;
 * the minimum is the setting `interaction.comment_min_days`).
 */
export async function openCommentPeriod(ctx: Ctx, input: OpenPeriodInput): Promise<{ id: number }> {
  const refusal = () => forbidden('period_forbidden', '您没有为该机关发布意见征集的权限。');
  await authorizeAgencyFirst(ctx, input.orgId, canPublish, PUBLISH_ROLES, refusal);
  const settings = await readInteractionSettings(ctx.db);
  const title = (input.title ?? '').trim();
  const draft = (input.draftText ?? '').trim();
  const ref = (input.catalogRef ?? '').trim();
  const startOn = (input.startOn ?? '').trim();
  const endOn = (input.endOn ?? '').trim();
  const errors: FieldError[] = [];
  if (!input.orgId) errors.push({ code: 'org_required', message: '请选择征集机关。', field: 'orgId' });
  if (!title) errors.push({ code: 'title_required', message: '请填写草案名称。', field: 'title' });
  if (!draft && !ref)
    errors.push({
      code: 'draft_required',
      message: '请填写草案全文，或填写已公开的目录信息索引号。',
      field: 'draftText',
    });
  errors.push(...validatePeriodDates(startOn, endOn, settings.commentMinDays));
  if (errors.length) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const org = await messageOrg(trx, input.orgId);
    if (!canPublish(ctx.actor, org.path)) throw refusal();
    const now = ctx.now().toISOString();
    const id = await insertPeriod(trx, {
      org_id: org.id,
      title,
      catalog_ref: ref || null,
      draft_text: draft,
      start_on: startOn,
      end_on: endOn,
      feedback_text: null,
      feedback_published_on: null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await writeAudit(trx, ctx, {
      action: 'period.open',
      subjectType: 'comment_period',
      subjectId: id,
      orgId: org.id,
      summary: `发布意见征集「${title}」（${startOn} 至 ${endOn}）`,
    });
    return { id };
  });
}
