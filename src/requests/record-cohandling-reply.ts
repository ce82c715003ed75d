import type { Ctx } from '../platform/context.js';
import { conflict, invalid, invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isOpenState } from './request-states.rules.js';
import { appendEvent, eventDateInto, loadCase } from './case-support.js';
import { listCaseDepartments, updateCaseDepartment } from './request-departments.store.js';

/** Records a co-handling department's reply: its text, the date and who replied for the department. */
export async function recordCoHandlingReply(
  ctx: Ctx,
  input: { requestId: number; orgId?: number; text?: string; on?: string; by?: string },
): Promise<{ late: boolean }> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  const errors: FieldError[] = [];
  const text = (input.text ?? '').trim();
  if (!text) errors.push({ code: 'reply_text_required', message: '请填写协办科室的答复意见。', field: 'replyText' });
  if (text.length > 4000)
    errors.push({ code: 'reply_text_too_long', message: '答复意见不能超过4000字。', field: 'replyText' });
  const on = eventDateInto(errors, ctx, input.on, 'replyOn');
  const by = (input.by ?? '').trim().slice(0, 60) || ctx.actor.label;
  if (!input.orgId) errors.push({ code: 'department_required', message: '请选择协办科室。', field: 'departmentId' });
  if (errors.length) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    if (!isOpenState(r.state)) throw conflict('request_closed', '申请已办结，不能再登记协办答复。');
    const d = (await listCaseDepartments(trx, r.id)).find((x) => x.org_id === input.orgId && x.role === 'co');
    if (!d) throw invalid('cohandling_not_found', '该科室不是本案的协办科室。', 'departmentId');
    if (d.reply_on) throw conflict('cohandling_already_replied', `${d.org_name}已于 ${d.reply_on} 答复。`);
    const late = !!d.internal_due_on && on > d.internal_due_on;
    await updateCaseDepartment(trx, d.id, {
      reply_text: text,
      reply_on: on,
      reply_by: by,
      recorded_by: ctx.actor.userId,
      updated_at: ctx.now().toISOString(),
    });
    await appendEvent(trx, ctx, r.id, {
      type: 'cohandling_replied',
      on,
      payload: { orgId: d.org_id, name: d.org_name, by },
      public: false,
    });
    await writeAudit(trx, ctx, {
      action: 'request.cohandling_reply',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 协办科室 ${d.org_name} 于 ${on} 答复（${by}）${late ? `，晚于内部办理期限 ${d.internal_due_on}` : ''}`,
    });
    return { late };
  });
}
