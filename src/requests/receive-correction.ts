import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { transition } from './request-states.rules.js';
import { appendEvent, eventDate, loadCase, recomputeDue } from './case-support.js';
import { updateRequest } from './requests.store.js';

/** The corrected application arrives (条例第三十条): the answer period restarts from that day. */
export async function receiveCorrection(
  ctx: Ctx,
  input: { requestId: number; on?: string; note?: string },
): Promise<{ dueOn: string | null }> {
  const on = eventDate(ctx, input.on);
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    const state = transition(r.state, 'receive_correction');
    await appendEvent(trx, ctx, r.id, {
      type: 'correction_received',
      on,
      payload: { note: (input.note ?? '').trim() },
    });
    const { dueOn } = await recomputeDue(trx, ctx, r);
    await updateRequest(trx, r.id, { state, due_on: dueOn, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.correction_receive',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 于 ${on} 收到补正材料，答复期限重新计算为 ${dueOn ?? '待定'}`,
    });
    return { dueOn };
  });
}
