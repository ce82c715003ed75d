import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { MAX_EXTENSION_DAYS } from './clock/clock-input.rules.js';
import { transition } from './request-states.rules.js';
import { appendEvent, eventDate, loadCase, recomputeDue } from './case-support.js';
import { updateRequest } from './requests.store.js';

/**
 * Extends the answer period (条例第三十三条第二款): approved by the office head (request_admin),
 * at most 20 working days, once, decided before the due date; the applicant is told.
 * The clock rejects a second extension or one after the due date.
 */
export async function extendDeadline(
  ctx: Ctx,
  input: { requestId: number; on?: string; days: number; reason: string },
): Promise<{ dueOn: string | null }> {
  await loadCase(ctx.db, ctx, input.requestId, 'approve'); // authorize before validating the fields
  const on = eventDate(ctx, input.on);
  const days = input.days;
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) {
    throw invalid(
      'extension_days_invalid',
      `延长天数应为1至${MAX_EXTENSION_DAYS}之间的整数（工作日，第三十三条第二款）。`,
      'days',
    );
  }
  const reason = (input.reason ?? '').trim();
  if (!reason) throw invalid('extension_reason_required', '请写明延长答复期限的理由。', 'reason');
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'approve');
    transition(r.state, 'extend');
    await appendEvent(trx, ctx, r.id, { type: 'extended', on, payload: { days, reason } });
    const { dueOn } = await recomputeDue(trx, ctx, r);
    await updateRequest(trx, r.id, { due_on: dueOn, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.extend',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 于 ${on} 经负责人同意延长答复期限 ${days} 个工作日，新期限 ${dueOn ?? '待定'}`,
    });
    return { dueOn };
  });
}
