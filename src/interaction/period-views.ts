/** Reading comment periods for pages (no state change: no audit). */
import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { maskPhone } from '../orgs/index.js';
import { feedbackDueOn, feedbackLate, periodPhase, splitArticles, type PeriodPhase } from './comment-periods.rules.js';
import { interactionCalendar, readInteractionSettings } from './interaction-settings.js';
import { listComments, listPeriods, type CommentRow, type PeriodWithOrg } from './comment-periods.store.js';
import { loadPeriod } from './period-support.js';
import { maskName, maskPersonalData } from './sensitive-words.rules.js';

/** A period with its phase and feedback deadline. */
export interface PeriodSummary {
  period: PeriodWithOrg;
  phase: PeriodPhase;
  feedbackDueOn: string | null;
  feedbackLate: boolean;
}

async function summarise(ctx: Ctx, rows: PeriodWithOrg[]): Promise<PeriodSummary[]> {
  const s = await readInteractionSettings(ctx.db);
  const cal = await interactionCalendar(ctx.db);
  const t = today(ctx);
  return rows.map((p) => {
    const x = { startOn: p.start_on, endOn: p.end_on, feedbackPublishedOn: p.feedback_published_on };
    let due: string | null = null;
    let late = false;
    try {
      due = feedbackDueOn(cal, p.end_on, s.feedbackDueDays);
      late = feedbackLate(cal, x, s.feedbackDueDays, t);
    } catch {
      // a year without calendar data: no flag
    }
    return { period: p, phase: periodPhase(x, t), feedbackDueOn: due, feedbackLate: late };
  });
}

/** Periods for the portal (all) or the console (the subtrees). */
export async function periodSummaries(ctx: Ctx, orgPaths?: string[]): Promise<PeriodSummary[]> {
  return summarise(ctx, await listPeriods(ctx.db, orgPaths));
}

/** A comment as shown publicly: name masked, no phone, personal data in text masked. */
export const publicComment = (c: CommentRow) => ({
  ...c,
  name: maskName(c.name),
  phone: null,
  content: maskPersonalData(c.content),
});
/** A comment as shown to staff outside the handling: phone masked. */
export const staffComment = (c: CommentRow) => ({ ...c, phone: c.phone ? maskPhone(c.phone) : null });

/** One period with its articles and comments (public: approved only, masked). */
export async function periodDetail(ctx: Ctx, id: number, audience: 'public' | 'staff') {
  const p = await loadPeriod(ctx.db, ctx, id, audience === 'staff' ? 'view' : 'public');
  const [summary] = await summarise(ctx, [p]);
  const comments =
    audience === 'public'
      ? (await listComments(ctx.db, p.id, 'approved')).map(publicComment)
      : (await listComments(ctx.db, p.id)).map(staffComment);
  return { ...summary, articles: splitArticles(p.draft_text), comments };
}
