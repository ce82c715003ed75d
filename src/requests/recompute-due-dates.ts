import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { queueMail } from '../platform/mail/mail.js';
import { isSysadmin } from '../orgs/index.js';
import { workingDaysBetween, type WorkCalendar, type CalendarChange } from '../calendar/index.js';
import { recomputeDueDates, type StoredCase } from './clock/recompute-due-dates.rules.js';
import { isChannel } from './clock/clock-input.rules.js';
import { buildLedger } from './ledger.rules.js';
import { defaultInternalDue } from './departments.rules.js';
import { requestCalendar } from './request-calendar.js';
import { appendEvent } from './case-support.js';
import { listRequestEvents, updateRequest } from './requests.store.js';
import { listCaseDepartments, updateCaseDepartment } from './request-departments.store.js';

/** Open states whose clock runs (their stored due date follows the calendar). */
const CLOCKED_STATES = ['processing', 'consulting', 'awaiting_payment'] as const;

/**
 * Recomputes the stored due dates of open, received cases against the calendar (after an administrator
 * imports or corrects a year). For each case whose date moved: the new date is stored, the case record
 * gets a public entry (the applicant sees it on the status page, and by e-mail where an address is known),
 * and the internal dates of co-handling departments that have not replied keep their distance in working
 * days to the statutory date. One audit event lists the moves.
 */
export async function recomputeRequestDueDates(
  ctx: Ctx,
  cal?: WorkCalendar,
  change: CalendarChange = { before: null, reason: '节假日日历变更' },
): Promise<{ label: string; moved: number; failed: number }> {
  if (ctx.actor.kind !== 'system' && !isSysadmin(ctx.actor)) throw forbidden();
  return tx(ctx, async (trx) => {
    const calendar = cal ?? (await requestCalendar(trx));
    const rows = await trx
      .selectFrom('requests')
      .innerJoin('orgs', 'orgs.id', 'requests.org_id')
      .select([
        'requests.id',
        'requests.request_no',
        'requests.received_on',
        'requests.channel',
        'requests.due_on',
        'requests.org_id',
        'requests.email',
        'orgs.name as org_name',
      ])
      .where('requests.state', 'in', [...CLOCKED_STATES])
      .where('requests.received_on', 'is not', null)
      .execute();
    const cases: StoredCase[] = [];
    for (const r of rows) {
      if (!r.received_on || !isChannel(r.channel)) continue;
      cases.push({
        id: String(r.id),
        ledger: buildLedger(r.received_on, r.channel, await listRequestEvents(trx, r.id)),
        dueOn: r.due_on,
      });
    }
    const day = today(ctx);
    const res = recomputeDueDates(calendar, cases, day);
    const now = ctx.now().toISOString();
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    for (const c of res.changed) {
      const r = byId.get(c.id)!;
      await updateRequest(trx, r.id, { due_on: c.newDueOn, updated_at: now });
      await appendEvent(trx, ctx, r.id, {
        type: 'due_recomputed',
        on: day,
        payload: { from: c.oldDueOn, to: c.newDueOn, reason: change.reason },
      });
      await moveInternalDates(
        trx,
        ctx,
        { id: r.id, day, oldDue: c.oldDueOn, newDue: c.newDueOn },
        calendar,
        change.before,
      );
      if (r.email && c.newDueOn) {
        await queueMail(trx, ctx, {
          to: r.email,
          subject: `政府信息公开申请答复期限调整（${r.request_no}）`,
          body: `您向${r.org_name}提交的政府信息公开申请（申请编号 ${r.request_no}）的答复期限由 ${c.oldDueOn ?? '—'} 调整为 ${c.newDueOn}，原因：${change.reason}。\n凭申请编号和查询码可在 ${ctx.config.publicUrl}/ysqgk/status 查询办理进度。`,
          orgId: r.org_id,
          related: { type: 'request', id: r.id },
        });
      }
    }
    if (res.changed.length || res.failed.length) {
      await writeAudit(trx, ctx, {
        action: 'request.recompute',
        subjectType: 'request',
        summary: `${change.reason}，重新计算答复期限：${res.changed.length} 件变动（${res.changed
          .slice(0, 10)
          .map((c) => `${byId.get(c.id)?.request_no} ${c.oldDueOn ?? '—'}→${c.newDueOn ?? '—'}`)
          .join('；')}）${res.failed.length ? `，${res.failed.length} 件无法计算` : ''}`,
      });
    }
    return { label: '依申请公开答复期限', moved: res.changed.length, failed: res.failed.length };
  });
}

/** Co-handling departments that have not replied keep their lead time (working days before the statutory date). */
async function moveInternalDates(
  trx: Ctx['db'],
  ctx: Ctx,
  c: { id: number; day: string; oldDue: string | null; newDue: string | null },
  cal: WorkCalendar,
  before: WorkCalendar | null,
): Promise<void> {
  if (!c.oldDue || !c.newDue) return;
  for (const d of await listCaseDepartments(trx, c.id)) {
    if (d.role !== 'co' || d.reply_on || !d.internal_due_on || d.internal_due_on > c.oldDue) continue;
    const lead = workingDaysBetween(before ?? cal, d.internal_due_on, c.oldDue);
    const moved = defaultInternalDue(cal, c.newDue, c.day, lead);
    if (moved === d.internal_due_on) continue;
    await updateCaseDepartment(trx, d.id, { internal_due_on: moved, updated_at: ctx.now().toISOString() });
    await appendEvent(trx, ctx, c.id, {
      type: 'cohandling_due_moved',
      on: c.day,
      payload: { orgId: d.org_id, name: d.org_name, from: d.internal_due_on, to: moved },
      public: false,
    });
  }
}
