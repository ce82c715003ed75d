import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { CONSULTATION_REPLIES, isConsultationReply } from './consultation.rules.js';
import { transition } from './request-states.rules.js';
import { appendEvent, eventDate, loadCase, recomputeDue } from './case-support.js';
import { updateRequest } from './requests.store.js';

/** Records the consultation's end and the reply (第三十二条: consent, objection with reasons, or no reply); the clock resumes the next day. */
export async function endConsultation(
  ctx: Ctx,
  input: { requestId: number; on?: string; reply: string; reasons?: string },
): Promise<{ dueOn: string | null }> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  const on = eventDate(ctx, input.on);
  if (!isConsultationReply(input.reply))
    throw invalid('reply_invalid', '请选择对方意见：同意、不同意（附理由）或逾期未提出意见。', 'reply');
  const reasons = (input.reasons ?? '').trim();
  if (input.reply === 'objection' && !reasons)
    throw invalid('reasons_required', '第三方不同意公开的，请记录其理由。', 'reasons');
  const reply = input.reply;
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    const state = transition(r.state, 'end_consultation');
    await appendEvent(trx, ctx, r.id, { type: 'consultation_ended', on, payload: {} });
    await appendEvent(trx, ctx, r.id, { type: 'consultation_reply', on, payload: { reply, reasons }, public: false });
    const { dueOn } = await recomputeDue(trx, ctx, r);
    await updateRequest(trx, r.id, { state, due_on: dueOn, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.consultation_end',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 于 ${on} 征求意见结束（${CONSULTATION_REPLIES[reply]}），答复期限 ${dueOn ?? '待定'}`,
    });
    return { dueOn };
  });
}
