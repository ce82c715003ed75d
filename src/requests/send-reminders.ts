import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { addDays } from '../platform/dates.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { notify, queueMail } from '../platform/mail/mail.js';
import { addWorkingDays } from '../calendar/calendar.rules.js';
import { requestCalendar } from './request-calendar.js';
import { today } from './case-support.js';

/**
 * Daily reminder to each handler: their open cases due within 3 working days or overdue
 * (条例第三十三条). A console notice always; an email (outbox) when the handler has an address.
 * No personal data of applicants in reminders.
 */
export async function sendReminders(ctx: Ctx): Promise<{ handlers: number; cases: number }> {
  if (ctx.actor.kind !== 'system') throw forbidden();
  const day = today(ctx);
  let soon: string;
  try {
    soon = addWorkingDays(await requestCalendar(ctx.db), day, 3);
  } catch {
    soon = addDays(day, 5);
  }
  return tx(ctx, async (trx) => {
    const rows = await trx
      .selectFrom('requests')
      .innerJoin('users', 'users.id', 'requests.handler_id')
      .select(['requests.id', 'requests.request_no', 'requests.due_on', 'requests.org_id', 'users.id as user_id', 'users.email'])
      .where('requests.state', 'in', ['processing', 'consulting', 'awaiting_payment'])
      .where('requests.due_on', 'is not', null)
      .where('requests.due_on', '<=', soon)
      .where('users.disabled', '=', 0)
      .orderBy('requests.due_on')
      .execute();
    const byUser = new Map<number, typeof rows>();
    for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
    for (const [userId, list] of byUser) {
      const lines = list.map((r) => `${r.request_no}：答复期限 ${r.due_on}${(r.due_on ?? '') < day ? '（已超期）' : ''}`);
      const title = `依申请公开到期提醒：${list.length} 件申请即将到期或已超期`;
      await notify(trx, ctx, { userId, kind: 'request_due', title, body: lines.join('\n'), link: '/console/requests?queue=due_soon' });
      const email = list[0].email;
      if (email) await queueMail(trx, ctx, { to: email, subject: title, body: `${lines.join('\n')}\n\n请登录工作台办理。`, orgId: list[0].org_id, related: { type: 'request_reminder', id: day } });
    }
    if (rows.length) {
      await writeAudit(trx, ctx, { action: 'request.remind', subjectType: 'request', summary: `发送依申请公开到期提醒：${byUser.size} 名办理人，${rows.length} 件申请（截至 ${day}）` });
    }
    return { handlers: byUser.size, cases: rows.length };
  });
}
