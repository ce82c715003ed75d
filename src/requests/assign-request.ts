import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { forbidden, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { transition } from './request-states.rules.js';
import { appendEvent, loadCase } from './case-support.js';
import { canApproveExtension } from './requests.policy.rules.js';
import { listHandlers, updateRequest } from './requests.store.js';

const refused = () =>
  forbidden('request_forbidden', '只有依申请公开负责人可以分派或改派；办理人只能领取未分派的申请。');

/**
 * Assigns the case to a handler of the agency (条例第四条: the office handles requests).
 * A request_admin assigns anyone eligible; a handler may take an unassigned case for themselves.
 */
export async function assignRequest(ctx: Ctx, input: { requestId: number; handlerId?: number }): Promise<void> {
  // Authorize before validating the fields: a handler may only take a case nobody has yet.
  const before = await loadCase(ctx.db, ctx, input.requestId, 'handle');
  if (!canApproveExtension(ctx.actor, before.org_path) && before.handler_id !== null) throw refused();
  if (!input.handlerId) throw invalid('handler_required', '请选择办理人。', 'handlerId');
  const handlerId = input.handlerId;
  await tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'handle');
    transition(r.state, 'assign');
    const admin = canApproveExtension(ctx.actor, r.org_path);
    if (!admin && !(handlerId === ctx.actor.userId && r.handler_id === null)) {
      throw refused();
    }
    const eligible = await listHandlers(trx, r.org_path);
    const h = eligible.find((u) => u.id === handlerId);
    if (!h) throw invalid('handler_invalid', '所选人员不是本机关的依申请公开办理人。', 'handlerId');
    await updateRequest(trx, r.id, { handler_id: handlerId, updated_at: ctx.now().toISOString() });
    await appendEvent(trx, ctx, r.id, {
      type: 'assigned',
      on: today(ctx),
      payload: { handlerId, handlerName: h.display_name },
      public: false,
    });
    await writeAudit(trx, ctx, {
      action: 'request.assign',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 分派给 ${h.display_name}（${h.username}）`,
    });
  });
}
