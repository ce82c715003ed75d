import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, forbidden, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isOpenState } from './request-states.rules.js';
import { appendEvent, loadCase, recomputeDue } from './case-support.js';
import { requestableOrg } from './new-case.js';
import { updateRequest } from './requests.store.js';
import { mayForward } from './requests.policy.rules.js';

/**
 * Forwards an application sent to the wrong agency to the agency responsible on the platform
 * (compare 条例第三十六条第（五）项). The case keeps its number and history; the handler is reset; the receiving
 * agency's clock starts on the day of the transfer; the sending agency keeps read access (masked) to its record.
 */
export async function forwardRequest(
  ctx: Ctx,
  input: { requestId: number; toOrgId?: number; reason: string },
): Promise<{ orgName: string }> {
  const reason = (input.reason ?? '').trim();
  return tx(ctx, async (trx) => {
    // Authorize before validating: the case first, then the fields.
    const r = await loadCase(trx, ctx, input.requestId, 'handle');
    if (!mayForward(ctx.actor, r))
      throw forbidden('request_forbidden', '已分派的申请只有本案办理人或本单位依申请公开负责人可以转送。');
    if (!reason) throw invalid('forward_reason_required', '请写明转送理由。', 'reason');
    if (!input.toOrgId) throw invalid('org_required', '请选择转送的机关。', 'toOrgId');
    if (!isOpenState(r.state)) throw conflict('request_state_conflict', '已办结的申请不能转送。');
    const to = await requestableOrg(trx, input.toOrgId, 'toOrgId');
    if (to.id === r.org_id) throw invalid('forward_same_org', '不能转送给本机关。', 'toOrgId');
    await updateRequest(trx, r.id, { org_id: to.id, handler_id: null, updated_at: ctx.now().toISOString() });
    await appendEvent(trx, ctx, r.id, {
      type: 'forwarded',
      on: today(ctx),
      payload: { fromOrgId: r.org_id, fromOrg: r.org_name, toOrgId: to.id, toOrg: to.name, reason },
    });
    // The receiving agency's clock starts at its receipt, the day of the transfer (buildLedger).
    const { dueOn } = await recomputeDue(trx, ctx, r);
    await updateRequest(trx, r.id, { due_on: dueOn });
    await writeAudit(trx, ctx, {
      action: 'request.forward',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 由${r.org_name}转送${to.name}（${reason}）`,
    });
    return { orgName: to.name };
  });
}
