/**
 * Settings of the interaction capability, read from the `settings` table with defaults:
 * `interaction.reply_limits` (JSON, see reply-deadline.rules.ts), `interaction.sensitive_words`
 * (one word per line), `interaction.name_required` ("1" = name required for consultations too),
 * `interaction.comment_min_days` (30), `interaction.feedback_due_days` (20 working days) and
 * `interaction.rating_days_after_close` (15 calendar days: how long a closed, unrated message may still be rated).
 */
import type { Db } from '../platform/db/schema.js';
import { type WorkCalendar, getCalendar } from '../calendar/index.js';
import { parseReplyLimits, type ReplyLimits } from './reply-deadline.rules.js';
import { parseWordList } from './sensitive-words.rules.js';
import { DEFAULT_COMMENT_SETTINGS } from './comment-periods.rules.js';
import { DEFAULT_RATING_DAYS_AFTER_CLOSE } from './message-states.rules.js';

/** All interaction settings. */
export interface InteractionSettings {
  replyLimits: ReplyLimits;
  sensitiveWords: string[];
  nameRequired: boolean;
  /** Agencies that require a name for consultations too (their departments included). */
  nameRequiredOrgIds: number[];
  commentMinDays: number;
  feedbackDueDays: number;
  /** Calendar days after 办结 during which an unrated message may still be rated. */
  ratingDaysAfterClose: number;
}

/** Reads the settings (defaults where unset). */
export async function readInteractionSettings(db: Db): Promise<InteractionSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'interaction.%').execute();
  const get = (k: string): string | undefined => rows.find((r) => r.key === `interaction.${k}`)?.value;
  const int = (k: string, d: number): number => {
    const v = Number(get(k));
    return Number.isInteger(v) && v > 0 ? v : d;
  };
  return {
    replyLimits: parseReplyLimits(get('reply_limits')),
    sensitiveWords: parseWordList(get('sensitive_words')),
    nameRequired: get('name_required') === '1',
    nameRequiredOrgIds: (get('name_required_orgs') ?? '')
      .split(',')
      .filter((x) => /^\d+$/.test(x))
      .map(Number),
    commentMinDays: int('comment_min_days', DEFAULT_COMMENT_SETTINGS.minDays),
    feedbackDueDays: int('feedback_due_days', DEFAULT_COMMENT_SETTINGS.feedbackDueDays),
    ratingDaysAfterClose: int('rating_days_after_close', DEFAULT_RATING_DAYS_AFTER_CLOSE),
  };
}

/** The working-day calendar reply deadlines run on: the one administrators keep (imports, corrections, 暂定 years). */
export const interactionCalendar = (db: Db): Promise<WorkCalendar> => getCalendar(db);

/** Whether a consultation to the org at `orgPath` needs a name (global setting or the agency's own). */
export function nameRequiredFor(
  s: Pick<InteractionSettings, 'nameRequired' | 'nameRequiredOrgIds'>,
  orgPath: string | undefined,
): boolean {
  return s.nameRequired || (!!orgPath && s.nameRequiredOrgIds.some((id) => orgPath.includes(`/${id}/`)));
}

/** The path of an org, when it exists (to apply per-agency settings before validation). */
export async function orgPathOf(db: Db, orgId: number | undefined): Promise<string | undefined> {
  if (!orgId) return undefined;
  return (await db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirst())?.path;
}
