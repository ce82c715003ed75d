import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, invalid, invalidFields, type FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isOpenState } from './request-states.rules.js';
import { defaultInternalDue } from './departments.rules.js';
import { appendEvent, loadCase } from './case-support.js';
import { requestCalendar } from './request-calendar.js';
import {
  findSection,
  getCohandlingDays,
  insertCaseDepartment,
  listCaseDepartments,
} from './request-departments.store.js';

/**
 * Adds a co-handling department (协办科室) with an internal due date: the one given, or by default
 * the agency's setting (N working days before the statutory due date, on the working-day calendar).
 * The internal date may not be after the statutory due date (条例第三十三条).
 */
export async function addCoHandling(
  ctx: Ctx,
  input: { requestId: number; orgId?: number; internalDueOn?: string },
): Promise<{ name: string; internalDueOn: string }> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  const errors: FieldError[] = [];
  if (!input.orgId) errors.push({ code: 'department_required', message: '请选择协办科室。', field: 'departmentId' });
  const given = (input.internalDueOn ?? '').trim();
  if (given && !isValidIsoDate(given))
    errors.push({
      code: 'invalid_date',
      message: '内部办理期限应为“年-月-日”格式的真实日期。',
      field: 'internalDueOn',
    });
  if (errors.length) throw invalidFields(errors);
  const orgId = input.orgId!;
  const day = today(ctx);
  if (given && given < day)
    throw invalid('internal_due_past', `内部办理期限 ${given} 早于今天（${day}）。`, 'internalDueOn');
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    if (!isOpenState(r.state)) throw conflict('request_closed', '申请已办结，不能再增加协办科室。');
    const section = await findSection(trx, r.org_path, orgId);
    if (!section) throw invalid('department_invalid', '所选科室不是本机关的内设机构。', 'departmentId');
    const rows = await listCaseDepartments(trx, r.id);
    const already = rows.find((d) => d.org_id === orgId);
    if (already)
      throw conflict(
        'department_already_on_case',
        `${section.name}已是本案的${already.role === 'lead' ? '主办' : '协办'}科室。`,
        'departmentId',
      );
    if (given && r.due_on && given > r.due_on)
      throw invalid('internal_due_after_due', `内部办理期限不能晚于答复期限（${r.due_on}）。`, 'internalDueOn');
    let internalDueOn = given;
    if (!internalDueOn) {
      if (!r.due_on)
        throw invalid('internal_due_required', '当前没有答复期限（如等待补正），请填写内部办理期限。', 'internalDueOn');
      internalDueOn = defaultInternalDue(
        await requestCalendar(trx),
        r.due_on,
        day,
        await getCohandlingDays(trx, r.org_id),
      );
    }
    const at = ctx.now().toISOString();
    await insertCaseDepartment(trx, {
      request_id: r.id,
      org_id: orgId,
      role: 'co',
      internal_due_on: internalDueOn,
      reply_text: null,
      reply_on: null,
      reply_by: null,
      recorded_by: null,
      created_at: at,
      updated_at: at,
    });
    await appendEvent(trx, ctx, r.id, {
      type: 'cohandling_added',
      on: day,
      payload: { orgId, name: section.name, internalDueOn },
      public: false,
    });
    await writeAudit(trx, ctx, {
      action: 'request.cohandling_add',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 增加协办科室 ${section.name}，内部办理期限 ${internalDueOn}`,
    });
    return { name: section.name, internalDueOn };
  });
}
