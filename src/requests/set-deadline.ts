import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, invalidFields, type FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { transition } from './request-states.rules.js';
import { appendEvent, caseClock, eventDateInto, loadCase, recomputeDue } from './case-support.js';
import { listRequestEvents, updateRequest } from './requests.store.js';

/** Longest reason kept. */
const REASON_MAX = 500;

/**
 * 条例第三十五条: for an unreasonable volume or frequency of requests whose reasons are accepted but whose
 * answer cannot be given within the 第三十三条 period, the agency sets a reasonable later answer date and
 * tells the applicant. Decided by the office head (request_admin) on or before the current due date,
 * once; the date must be later than the computed one. It replaces the computed due date and later pauses
 * no longer move it (docs/deadlines.md §4.5).
 */
export async function setDeadline(
  ctx: Ctx,
  input: { requestId: number; on?: string; dueOn?: string; reason?: string },
): Promise<{ dueOn: string | null; previousDueOn: string }> {
  await loadCase(ctx.db, ctx, input.requestId, 'approve'); // authorize before validating the fields
  const errors: FieldError[] = [];
  const on = eventDateInto(errors, ctx, input.on);
  const dueOn = (input.dueOn ?? '').trim();
  if (!isValidIsoDate(dueOn))
    errors.push({
      code: 'deadline_date_invalid',
      message: '请填写确定的答复期限（“年-月-日”格式的真实日期）。',
      field: 'dueOn',
    });
  const reason = (input.reason ?? '').trim();
  if (!reason)
    errors.push({
      code: 'deadline_reason_missing',
      message: '依第三十五条确定答复期限时必须写明理由（申请数量、频次明显超过合理范围的情况）。',
      field: 'reason',
    });
  else if (reason.length > REASON_MAX)
    errors.push({ code: 'deadline_reason_too_long', message: `理由不能超过${REASON_MAX}字。`, field: 'reason' });
  if (errors.length) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'approve');
    transition(r.state, 'set_deadline');
    const set = (await listRequestEvents(trx, r.id)).find((e) => e.type === 'deadline_set');
    if (set)
      throw conflict('deadline_already_set', `已于 ${set.event_on} 依第三十五条确定答复期限，不能再次确定。`, 'dueOn');
    const before = await caseClock(trx, r, today(ctx));
    const current = before.result?.dueOn;
    if (!current)
      throw conflict(
        'clock_unavailable',
        before.problem?.message ?? '当前无法计算答复期限，不能确定延迟答复期限。',
        'dueOn',
      );
    if (on > current)
      throw conflict(
        'deadline_set_after_due_date',
        `确定延迟答复期限须在答复期限（${current}）届满前作出，决定日期 ${on} 已过期。`,
        'on',
      );
    if (dueOn <= current)
      throw invalidFields([
        {
          code: 'deadline_not_later',
          message: `确定的答复期限应晚于按第三十三条计算的答复期限 ${current}。`,
          field: 'dueOn',
        },
      ]);
    await appendEvent(trx, ctx, r.id, { type: 'deadline_set', on, payload: { dueOn, reason, previousDueOn: current } });
    const { dueOn: newDue } = await recomputeDue(trx, ctx, r);
    await updateRequest(trx, r.id, { due_on: newDue, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.deadline_set',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 于 ${on} 依第三十五条确定答复期限为 ${newDue ?? dueOn}（原按工作日计算为 ${current}）`,
    });
    return { dueOn: newDue, previousDueOn: current };
  });
}
