import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { can } from '../orgs/index.js';
import { parseWordList } from './sensitive-words.rules.js';
import { DEFAULT_RATING_DAYS_AFTER_CLOSE } from './message-states.rules.js';
import type { ReplyLimits } from './reply-deadline.rules.js';

/** The settings form as typed: limits in working days, the word list, the comment-period settings. */
export interface SettingsInput {
  website?: string;
  phone?: string;
  letter?: string;
  maxExtensionDays?: string;
  sensitiveWords?: string;
  nameRequired?: boolean;
  /** Org ids requiring a name for consultations. */
  nameRequiredOrgIds?: number[];
  commentMinDays?: string;
  feedbackDueDays?: string;
  /** Calendar days after 办结 during which an unrated message may still be rated (empty = default). */
  ratingDaysAfterClose?: string;
}

const int = (
  v: string | undefined,
  field: string,
  label: string,
  min: number,
  max: number,
  errors: FieldError[],
): number => {
  const s = (v ?? '').trim();
  const n = /^\d{1,3}$/.test(s) ? Number(s) : NaN;
  if (!(n >= min && n <= max))
    errors.push({ code: 'setting_invalid', message: `${label}应为 ${min} 至 ${max} 之间的整数。`, field });
  return n;
};

/** Saves the interaction settings (system administrators only); the reply limits apply to messages received from now on. */
export async function updateInteractionSettings(ctx: Ctx, input: SettingsInput): Promise<void> {
  if (!can(ctx.actor, 'settings.manage')) throw forbidden();
  const errors: FieldError[] = [];
  const limits: ReplyLimits = {
    byChannel: {
      website: int(input.website, 'website', '网站留言答复期限', 1, 60, errors),
      phone: int(input.phone, 'phone', '热线电话转办答复期限', 1, 60, errors),
      letter: int(input.letter, 'letter', '书面转办答复期限', 1, 60, errors),
    },
    maxExtensionDays: int(input.maxExtensionDays, 'maxExtensionDays', '最长延期', 1, 60, errors),
  };
  const minDays = int(input.commentMinDays, 'commentMinDays', '意见征集最短期限', 1, 365, errors);
  const dueDays = int(input.feedbackDueDays, 'feedbackDueDays', '反馈公布期限', 1, 120, errors);
  const ratingDays = input.ratingDaysAfterClose?.trim()
    ? int(input.ratingDaysAfterClose, 'ratingDaysAfterClose', '办结后可评价期限', 1, 365, errors)
    : DEFAULT_RATING_DAYS_AFTER_CLOSE;
  if (errors.length) throw invalidFields(errors);
  const words = parseWordList(input.sensitiveWords ?? '');
  const values: Record<string, string> = {
    'interaction.reply_limits': JSON.stringify(limits),
    'interaction.sensitive_words': words.join('\n'),
    'interaction.name_required': input.nameRequired ? '1' : '0',
    'interaction.name_required_orgs': [...new Set(input.nameRequiredOrgIds ?? [])].join(','),
    'interaction.comment_min_days': String(minDays),
    'interaction.feedback_due_days': String(dueDays),
    'interaction.rating_days_after_close': String(ratingDays),
  };
  await tx(ctx, async (trx) => {
    const at = ctx.now().toISOString();
    for (const [key, value] of Object.entries(values)) {
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: at, updated_by: ctx.actor.userId })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: ctx.actor.userId }))
        .execute();
    }
    const l = limits.byChannel;
    await writeAudit(trx, ctx, {
      action: 'interaction.settings',
      subjectType: 'settings',
      subjectId: 'interaction',
      summary: `互动交流设置：答复期限 网站${l.website}/电话${l.phone}/书面${l.letter} 个工作日，最长延期 ${limits.maxExtensionDays}，敏感词 ${words.length} 个，征集期不少于 ${minDays} 日，反馈 ${dueDays} 个工作日内公布`,
    });
  });
}
