import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isOpenState } from './request-states.rules.js';
import { appendEvent, loadCase } from './case-support.js';
import {
  deleteCaseDepartment,
  findSection,
  insertCaseDepartment,
  listCaseDepartments,
  updateCaseDepartment,
} from './request-departments.store.js';

/**
 * Sets the lead department (主办科室) of a case: a section of the agency, alongside the handler.
 * Replaces an earlier lead; a department already co-handling becomes the lead.
 */
export async function setLeadDepartment(
  ctx: Ctx,
  input: { requestId: number; orgId?: number },
): Promise<{ name: string }> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  if (!input.orgId) throw invalid('department_required', '请选择主办科室。', 'departmentId');
  const orgId = input.orgId;
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    if (!isOpenState(r.state)) throw conflict('request_closed', '申请已办结，不能再更改主办科室。');
    const section = await findSection(trx, r.org_path, orgId);
    if (!section) throw invalid('department_invalid', '所选科室不是本机关的内设机构。', 'departmentId');
    const rows = await listCaseDepartments(trx, r.id);
    const lead = rows.find((d) => d.role === 'lead');
    if (lead?.org_id === orgId)
      throw conflict('department_unchanged', `${section.name}已是本案主办科室。`, 'departmentId');
    const at = ctx.now().toISOString();
    const same = rows.find((d) => d.org_id === orgId);
    if (same) await deleteCaseDepartment(trx, same.id);
    if (lead) await updateCaseDepartment(trx, lead.id, { org_id: orgId, updated_at: at });
    else
      await insertCaseDepartment(trx, {
        request_id: r.id,
        org_id: orgId,
        role: 'lead',
        internal_due_on: null,
        reply_text: null,
        reply_on: null,
        reply_by: null,
        recorded_by: null,
        created_at: at,
        updated_at: at,
      });
    await appendEvent(trx, ctx, r.id, {
      type: 'department_lead',
      on: today(ctx),
      payload: { orgId, name: section.name },
      public: false,
    });
    await writeAudit(trx, ctx, {
      action: 'request.department_lead',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 主办科室${lead ? `由 ${lead.org_name} 改为` : '定为'} ${section.name}${same ? '（原为协办科室）' : ''}`,
    });
    return { name: section.name };
  });
}
