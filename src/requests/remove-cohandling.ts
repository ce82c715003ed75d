import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isOpenState } from './request-states.rules.js';
import { appendEvent, loadCase } from './case-support.js';
import { deleteCaseDepartment, listCaseDepartments } from './request-departments.store.js';

/** Removes a co-handling department added by mistake (only before it has replied; the reply stays on record otherwise). */
export async function removeCoHandling(ctx: Ctx, input: { requestId: number; orgId?: number }): Promise<void> {
  await tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    if (!isOpenState(r.state)) throw conflict('request_closed', '申请已办结，不能再撤销协办科室。');
    const d = (await listCaseDepartments(trx, r.id)).find((x) => x.org_id === input.orgId && x.role === 'co');
    if (!d) throw invalid('cohandling_not_found', '该科室不是本案的协办科室。', 'departmentId');
    if (d.reply_on) throw conflict('cohandling_already_replied', `${d.org_name}已经答复，不能撤销。`);
    await deleteCaseDepartment(trx, d.id);
    await appendEvent(trx, ctx, r.id, {
      type: 'cohandling_removed',
      on: today(ctx),
      payload: { orgId: d.org_id, name: d.org_name },
      public: false,
    });
    await writeAudit(trx, ctx, {
      action: 'request.cohandling_remove',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 撤销协办科室 ${d.org_name}`,
    });
  });
}
