import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { conflict, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { nextCounter, tx } from '../platform/tx.js';
import { formatRequestNo } from './query-code.js';
import { appendEvent, loadCase, recomputeDue } from './case-support.js';
import { getRequest, insertRequest, listRequestEvents, updateRequest } from './requests.store.js';

/**
 * 一事一申请 (国办函〔2020〕109号第四条: split into the smallest reasonable units): the case keeps the
 * first item; each further item becomes its own case with the same applicant, receipt date, channel and
 * 查询码, counted separately (statistics and 按件计收).
 */
export async function splitRequest(
  ctx: Ctx,
  input: { requestId: number; parts: string[] },
): Promise<{ requestNos: string[] }> {
  await loadCase(ctx.db, ctx, input.requestId, 'work'); // authorize before validating the fields
  const parts = (input.parts ?? []).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) throw invalid('split_parts_required', '请至少填写两项拆分后的申请内容（每行一项）。', 'parts');
  if (parts.length > 20) throw invalid('split_too_many', '一次最多拆分为20件。', 'parts');
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'work');
    if (r.state !== 'processing') throw conflict('request_state_conflict', '只有办理中的申请可以拆分。');
    if (
      (await listRequestEvents(trx, r.id)).some(
        (e) => e.type !== 'received' && e.type !== 'assigned' && e.type !== 'submitted',
      )
    ) {
      throw conflict('split_too_late', '已有补正、征求意见等办理记录的申请不能再拆分。');
    }
    const now = ctx.now().toISOString();
    const day = today(ctx);
    const year = Number(day.slice(0, 4));
    // The new cases copy the row, not what the database keeps for it (id, joins, the computed tally key).
    const { id: _id, org_name: _n, org_path: _p, handler_name: _h, tally_key: _k, ...row } = r;
    await updateRequest(trx, r.id, { info_title: parts[0], updated_at: now });
    const nos = [r.request_no];
    for (const part of parts.slice(1)) {
      const requestNo = formatRequestNo(year, await nextCounter(trx, `requests.no.${year}`));
      const id = await insertRequest(trx, {
        ...row,
        request_no: requestNo,
        info_title: part,
        info_ref: null,
        created_at: now,
        updated_at: now,
      });
      await appendEvent(trx, ctx, id, { type: 'received', on: r.received_on ?? day, payload: { channel: r.channel } });
      await appendEvent(trx, ctx, id, { type: 'split_from', on: day, payload: { from: r.request_no } });
      const { dueOn } = await recomputeDue(trx, ctx, (await getRequest(trx, id))!);
      await updateRequest(trx, id, { due_on: dueOn });
      nos.push(requestNo);
    }
    await appendEvent(trx, ctx, r.id, { type: 'split_into', on: day, payload: { into: nos.slice(1) } });
    await writeAudit(trx, ctx, {
      action: 'request.split',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 按一事一申请拆分为 ${nos.length} 件：${nos.join('、')}`,
    });
    return { requestNos: nos };
  });
}
