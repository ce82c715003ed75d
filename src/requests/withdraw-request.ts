import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { transition } from './request-states.rules.js';
import { appendEvent } from './case-support.js';
import { findByCode } from './find-by-code.js';
import { updateRequest } from './requests.store.js';

/** The applicant withdraws their own open request (identified by 申请编号 + 查询码); the case closes without an answer. */
export async function withdrawRequest(
  ctx: Ctx,
  input: { requestNo: string; queryCode: string; reason?: string },
): Promise<{ requestNo: string }> {
  return tx(ctx, async (trx) => {
    const r = await findByCode(trx, input.requestNo, input.queryCode);
    const state = transition(r.state, 'withdraw');
    const on = today(ctx);
    await appendEvent(trx, ctx, r.id, {
      type: 'withdrawn',
      on,
      payload: { reason: (input.reason ?? '').trim().slice(0, 500) },
    });
    await updateRequest(trx, r.id, { state, closed_on: on, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.withdraw',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请人撤回政府信息公开申请 ${r.request_no}`,
    });
    return { requestNo: r.request_no };
  });
}
