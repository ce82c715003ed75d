import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { ORAL_CONFIRMATION_METHODS } from './oral-request.rules.js';
import { findByCode } from './find-by-code.js';
import { completeOralConfirmation } from './confirm-oral.js';

/**
 * The applicant confirms, with the 申请编号 and 查询码, that the office recorded their oral request
 * correctly (条例第二十九条). Today becomes the receipt date and the clock starts.
 */
export async function confirmOralByApplicant(
  ctx: Ctx,
  input: { requestNo: string; queryCode: string },
): Promise<{ requestNo: string; dueOn: string | null }> {
  return tx(ctx, async (trx) => {
    const r = await findByCode(trx, input.requestNo, input.queryCode);
    const on = today(ctx);
    const { dueOn } = await completeOralConfirmation(trx, ctx, r, on, 'portal');
    await writeAudit(trx, ctx, {
      action: 'request.oral_confirm',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `口头申请 ${r.request_no} 经${ORAL_CONFIRMATION_METHODS.portal}（${on}，收到申请之日），答复期限 ${dueOn ?? '待定'}`,
    });
    return { requestNo: r.request_no, dueOn };
  });
}
