import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isParty } from './clock/clock-input.rules.js';
import { PARTIES } from './clock/clock-explain.rules.js';
import { transition } from './request-states.rules.js';
import { appendEvent, eventDate, loadCase, recomputeDue } from './case-support.js';
import { updateRequest } from './requests.store.js';

/**
 * Starts a written consultation of a third party (条例第三十二条) or another agency (第三十四条).
 * The respondent has 15 working days; the time is not counted (第三十三条第三款).
 */
export async function startConsultation(
  ctx: Ctx,
  input: { requestId: number; on?: string; party: string; respondent: string },
): Promise<{ replyDueOn: string | null }> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  const on = eventDate(ctx, input.on);
  if (!isParty(input.party)) throw invalid('party_invalid', '请选择征求意见的对象：第三方或其他机关。', 'party');
  const respondent = (input.respondent ?? '').trim();
  if (!respondent) throw invalid('respondent_required', '请填写被征求意见的单位或个人名称。', 'respondent');
  const party = input.party;
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    const state = transition(r.state, 'start_consultation');
    await appendEvent(trx, ctx, r.id, { type: 'consultation_started', on, payload: { party } });
    await appendEvent(trx, ctx, r.id, {
      type: 'consultation_respondent',
      on,
      payload: { party, respondent },
      public: false,
    });
    const { dueOn, clock } = await recomputeDue(trx, ctx, r);
    const replyDueOn = clock.result?.consultations.at(-1)?.replyDueOn ?? null;
    await updateRequest(trx, r.id, { state, due_on: dueOn, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.consultation_start',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 于 ${on} 书面征求${PARTIES[party].label}意见，对方答复期限 ${replyDueOn ?? '待定'}`,
    });
    return { replyDueOn };
  });
}
