import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isSysadmin } from '../orgs/roles.rules.js';
import type { WorkCalendar } from '../calendar/calendar.rules.js';
import { recomputeDueDates, type StoredCase } from './clock/recompute-due-dates.rules.js';
import { isChannel } from './clock/clock-input.rules.js';
import { buildLedger } from './ledger.rules.js';
import { requestCalendar } from './request-calendar.js';
import { today } from './case-support.js';
import { listRequestEvents, updateRequest } from './requests.store.js';

/**
 * Recomputes the stored due dates of open, received cases against the calendar (after an
 * administrator imports or corrects a year), updates those that moved and audits the change.
 */
export async function recomputeRequestDueDates(ctx: Ctx, cal?: WorkCalendar): Promise<{ label: string; moved: number; failed: number }> {
  if (ctx.actor.kind !== 'system' && !isSysadmin(ctx.actor)) throw forbidden();
  return tx(ctx, async (trx) => {
    const calendar = cal ?? (await requestCalendar(trx));
    const rows = await trx
      .selectFrom('requests')
      .select(['id', 'request_no', 'received_on', 'channel', 'due_on', 'org_id'])
      .where('state', 'in', ['processing', 'consulting', 'awaiting_payment'])
      .where('received_on', 'is not', null)
      .execute();
    const cases: StoredCase[] = [];
    for (const r of rows) {
      if (!r.received_on || !isChannel(r.channel)) continue;
      cases.push({ id: String(r.id), ledger: buildLedger(r.received_on, r.channel, await listRequestEvents(trx, r.id)), dueOn: r.due_on });
    }
    const res = recomputeDueDates(calendar, cases, today(ctx));
    const now = ctx.now().toISOString();
    for (const c of res.changed) await updateRequest(trx, Number(c.id), { due_on: c.newDueOn, updated_at: now });
    if (res.changed.length || res.failed.length) {
      const nos = new Map(rows.map((r) => [String(r.id), r.request_no]));
      await writeAudit(trx, ctx, {
        action: 'request.recompute',
        subjectType: 'request',
        summary: `节假日日历变更后重新计算答复期限：${res.changed.length} 件变动（${res.changed.slice(0, 10).map((c) => `${nos.get(c.id)} ${c.oldDueOn ?? '—'}→${c.newDueOn ?? '—'}`).join('；')}）${res.failed.length ? `，${res.failed.length} 件无法计算` : ''}`,
      });
    }
    return { label: '依申请公开答复期限', moved: res.changed.length, failed: res.failed.length };
  });
}
