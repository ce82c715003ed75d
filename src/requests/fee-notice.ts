import type { Ctx } from '../platform/context.js';
import { conflict, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { computeFee, FEE_METHODS, type FeeInput, type FeeMethod } from './fees.rules.js';
import { transition } from './request-states.rules.js';
import { appendEvent, eventDate, loadCase, recomputeDue } from './case-support.js';
import { applicantOrdinalInMonth, listRequestEvents, updateRequest } from './requests.store.js';

/** Input of a fee decision: one method (第三条), pages for 按量, an optional waiver with its reason. */
export interface FeeNoticeInput {
  requestId: number;
  on?: string;
  method: string;
  pages?: number;
  waive?: boolean;
  waiverReason?: string;
}

const isMethod = (m: string): m is FeeMethod => Object.hasOwn(FEE_METHODS, m);

/**
 * 信息处理费 (国办函〔2020〕109号): computes the fee by one method — 按件 over the same applicant's
 * requests in the natural month (matched by identity number), or 按量 from the page count — and either
 * sends a 收费通知 (the clock pauses until payment) or records a waiver with its reason.
 */
export async function sendFeeNotice(
  ctx: Ctx,
  input: FeeNoticeInput,
): Promise<{ amount: number; ordinal: number | null; waived: boolean }> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  const on = eventDate(ctx, input.on);
  if (!isMethod(input.method))
    throw invalid('fee_method_invalid', '请选择一种计费方式：按件计收或按量计收（不得同时适用两种标准）。', 'method');
  const method = input.method;
  if (method === 'per_page' && (!Number.isInteger(input.pages) || (input.pages ?? -1) < 0))
    throw invalid('pages_invalid', '请填写页数（非负整数）。', 'pages');
  const waiverReason = (input.waiverReason ?? '').trim();
  if (input.waive && !waiverReason)
    throw invalid('waiver_reason_required', '减免信息处理费须写明理由。', 'waiverReason');
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    if ((await listRequestEvents(trx, r.id)).some((e) => e.type === 'fee_notice_sent' || e.type === 'fee_waived')) {
      throw conflict('fee_already_decided', '本申请已作出收费决定，每件申请只适用一种计费标准、收费一次。');
    }
    const ordinal =
      method === 'per_request'
        ? await applicantOrdinalInMonth(trx, { id: r.id, id_number: r.id_number, received_on: r.received_on ?? on })
        : null;
    const fee: FeeInput =
      method === 'per_request' ? { method, ordinalInMonth: ordinal ?? 1 } : { method, pages: input.pages ?? 0 };
    const amount = computeFee(fee);
    const detail = method === 'per_request' ? `本月第${ordinal}件` : `${input.pages}页`;
    if (amount === 0 && !input.waive)
      throw conflict('fee_not_due', `按${FEE_METHODS[method]}（${detail}）不收费，无需发出收费通知。`, 'method');
    if (input.waive) {
      await appendEvent(trx, ctx, r.id, {
        type: 'fee_waived',
        on,
        payload: { method, ordinal, pages: input.pages ?? null, amount, reason: waiverReason },
      });
      await writeAudit(trx, ctx, {
        action: 'request.fee_waive',
        subjectType: 'request',
        subjectId: r.id,
        orgId: r.org_id,
        summary: `申请 ${r.request_no} 减免信息处理费 ${amount} 元（${FEE_METHODS[method]}，${detail}）`,
      });
      return { amount, ordinal, waived: true };
    }
    const state = transition(r.state, 'fee_notice');
    await appendEvent(trx, ctx, r.id, {
      type: 'fee_notice_sent',
      on,
      payload: { method, ordinal, pages: input.pages ?? null, amount },
    });
    const { dueOn } = await recomputeDue(trx, ctx, r);
    await updateRequest(trx, r.id, { state, due_on: dueOn, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.fee_notice',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 于 ${on} 发出收费通知：${FEE_METHODS[method]}（${detail}）${amount} 元`,
    });
    return { amount, ordinal, waived: false };
  });
}
