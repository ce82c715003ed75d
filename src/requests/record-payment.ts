import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { transition } from './request-states.rules.js';
import { appendEvent, eventDate, loadCase, recomputeDue } from './case-support.js';
import { updateRequest } from './requests.store.js';

/** Records the applicant's payment of the 信息处理费: the clock resumes the next day. */
export async function recordPayment(
  ctx: Ctx,
  input: { requestId: number; on?: string },
): Promise<{ dueOn: string | null }> {
  const on = eventDate(ctx, input.on);
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    const state = transition(r.state, 'fee_paid');
    await appendEvent(trx, ctx, r.id, { type: 'fee_paid', on, payload: {} });
    const { dueOn } = await recomputeDue(trx, ctx, r);
    await updateRequest(trx, r.id, { state, due_on: dueOn, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.fee_paid',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 于 ${on} 缴纳信息处理费，答复期限 ${dueOn ?? '待定'}`,
    });
    return { dueOn };
  });
}
