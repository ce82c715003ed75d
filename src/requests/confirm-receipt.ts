import type { Ctx } from '../platform/context.js';
import { conflict, invalid } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { CHANNELS } from './clock/clock-explain.rules.js';
import { transition } from './request-states.rules.js';
import { appendEvent, eventDate, loadCase, recomputeDue } from './case-support.js';
import { updateRequest } from './requests.store.js';

/**
 * The agency confirms an online submission (条例第三十一条: 以双方确认之日为收到申请之日).
 * The confirmation date becomes the receipt date and starts the clock.
 */
export async function confirmReceipt(
  ctx: Ctx,
  input: { requestId: number; on?: string },
): Promise<{ dueOn: string | null }> {
  const on = eventDate(ctx, input.on);
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'handle');
    // 第三十一条: the receipt date is the day both sides confirm — never before the application was sent.
    const sent = todayInShanghai(new Date(r.submitted_at));
    if (on < sent)
      throw invalid(
        'receipt_before_submission',
        `收到申请之日（${on}）不能早于申请提交之日（${sent}）（条例第三十一条）。`,
        'on',
      );
    // 第二十九条: an oral request is confirmed by the applicant, not by the office (confirm-oral.ts).
    if (r.channel === 'oral')
      throw conflict(
        'oral_needs_applicant_confirmation',
        '口头提出的申请须由申请人确认记录内容（在确认单上签字或网上确认）后才算收到申请，请使用“记录申请人确认”。',
      );
    const state = transition(r.state, 'confirm');
    await updateRequest(trx, r.id, { received_on: on, state });
    await appendEvent(trx, ctx, r.id, {
      type: 'received',
      on,
      payload: { channel: r.channel, rule: CHANNELS.online.receiptRule },
    });
    const { dueOn } = await recomputeDue(trx, ctx, { ...r, received_on: on, state });
    await updateRequest(trx, r.id, { due_on: dueOn, updated_at: ctx.now().toISOString() });
    await writeAudit(trx, ctx, {
      action: 'request.confirm',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `确认收到网上申请 ${r.request_no}（收到申请之日 ${on}），答复期限 ${dueOn ?? '待定'}`,
    });
    return { dueOn };
  });
}
