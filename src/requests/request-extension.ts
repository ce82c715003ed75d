import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { MAX_EXTENSION_DAYS } from './clock/clock-input.rules.js';
import { canTransition } from './request-states.rules.js';
import { appendEvent, loadCase } from './case-support.js';
import { listRequestEvents } from './requests.store.js';

/**
 * The handler asks the office head to extend the answer period (条例第三十三条第二款: 经政府信息公开
 * 工作机构负责人同意). Internal only; the extension itself is `extendDeadline`, by request_admin.
 */
export async function requestExtension(
  ctx: Ctx,
  input: { requestId: number; days: number; reason: string },
): Promise<void> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_EXTENSION_DAYS) {
    throw invalid(
      'extension_days_invalid',
      `延长天数应为1至${MAX_EXTENSION_DAYS}之间的整数（工作日，第三十三条第二款）。`,
      'days',
    );
  }
  const reason = (input.reason ?? '').trim();
  if (!reason) throw invalid('extension_reason_required', '请写明延长答复期限的理由。', 'reason');
  await tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    if (!canTransition(r.state, 'extend')) throw conflict('request_state_conflict', '当前状态不能申请延长答复期限。');
    if ((await listRequestEvents(trx, r.id)).some((e) => e.type === 'extended')) {
      throw conflict('deadline_already_extended', '答复期限已延长过一次，条例第三十三条第二款只允许延长一次。');
    }
    await appendEvent(trx, ctx, r.id, {
      type: 'extension_requested',
      on: today(ctx),
      payload: { days: input.days, reason },
      public: false,
    });
    await writeAudit(trx, ctx, {
      action: 'request.extension_request',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 办理人申请延长答复期限 ${input.days} 个工作日，待负责人批准`,
    });
  });
}
