import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { outcomeByCode, outcomeFromClock } from './outcomes.rules.js';
import { transition } from './request-states.rules.js';
import { appendEvent, caseClock, loadCase } from './case-support.js';
import { updateRequest } from './requests.store.js';

/** Closes a case the clock shows as abandoned: no correction in time (条例第三十条, outcome 六.1) or no payment in time (109号, 六.2). */
export async function closeAbandoned(ctx: Ctx, input: { requestId: number }): Promise<{ outcome: string }> {
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    const state = transition(r.state, 'close_abandoned');
    const { result } = await caseClock(trx, r, today(ctx));
    if (!result || result.state !== 'abandoned' || !result.outcome || !result.abandonedOn) {
      throw conflict('not_abandoned', '补正期限或缴费期限尚未届满，不能按视为放弃申请结案。');
    }
    const code = outcomeFromClock(result.outcome);
    await appendEvent(trx, ctx, r.id, { type: 'abandoned', on: result.abandonedOn, payload: { outcome: code } });
    await updateRequest(trx, r.id, {
      state,
      outcome_code: code,
      outcome_basis: outcomeByCode(code)!.basis,
      closed_on: result.abandonedOn,
      due_on: null,
      updated_at: ctx.now().toISOString(),
    });
    await writeAudit(trx, ctx, {
      action: 'request.abandon',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 申请人逾期未${code === '6.1' ? '补正' : '缴纳信息处理费'}，视为放弃申请（${result.abandonedOn}）`,
    });
    return { outcome: code };
  });
}
