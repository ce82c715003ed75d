import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { notify, queueMail } from '../platform/mail/mail.js';
import { soonUntil } from './request-calendar.js';
import { getReminderPrefs } from './save-reminder-prefs.js';
import { isOverdue, OPEN_REQUEST_STATES } from './due-window.rules.js';
import type { Db } from '../platform/db/schema.js';
import { dueCoHandling } from './request-departments.store.js';

/**
 * Daily reminder to each handler: their open cases due within 3 working days or overdue
 * (条例第三十三条), and co-handling departments (协办科室) that have not replied by their internal
 * date (within the same 3 working days or past it). The head of office (依申请公开负责人, request_admin)
 * gets one reminder of every such case of the agency, assigned or not. A console notice always; an
 * email (outbox) when the person has an address.
 * No personal data of applicants in reminders.
 */
export async function sendReminders(ctx: Ctx): Promise<{ handlers: number; cases: number; heads: number }> {
  if (ctx.actor.kind !== 'system') throw forbidden();
  const day = today(ctx);
  const soon = await soonUntil(ctx.db, day);
  return tx(ctx, async (trx) => {
    const rows = await trx
      .selectFrom('requests')
      .innerJoin('users', 'users.id', 'requests.handler_id')
      .select([
        'requests.id',
        'requests.request_no',
        'requests.due_on',
        'requests.org_id',
        'users.id as user_id',
        'users.email',
      ])
      .where('requests.state', 'in', OPEN_REQUEST_STATES)
      .where('requests.due_on', 'is not', null)
      .where('requests.due_on', '<=', soon)
      .where('users.disabled', '=', 0)
      .orderBy('requests.due_on')
      .execute();
    const co = await dueCoHandling(trx, soon);
    const byUser = new Map<number, { email: string | null; orgId: number; lines: string[] }>();
    const add = (r: { user_id: number; email: string | null; org_id: number }, line: string) => {
      const u = byUser.get(r.user_id) ?? { email: r.email, orgId: r.org_id, lines: [] };
      u.lines.push(line);
      byUser.set(r.user_id, u);
    };
    for (const r of rows) add(r, `${r.request_no}：答复期限 ${r.due_on}${(r.due_on ?? '') < day ? '（已超期）' : ''}`);
    for (const r of co)
      add(
        r,
        `${r.request_no}：协办科室 ${r.org_name} 内部办理期限 ${r.internal_due_on}${(r.internal_due_on ?? '') < day ? '（已逾期未答复）' : ''}`,
      );
    for (const [userId, u] of byUser) {
      const title = `依申请公开到期提醒：${u.lines.length} 项即将到期或已超期`;
      const prefs = await getReminderPrefs(trx, userId);
      if (prefs.inApp || !u.email)
        await notify(trx, ctx, {
          userId,
          kind: 'request_due',
          title,
          body: u.lines.join('\n'),
          link: '/console/requests?queue=due_soon&handler=me',
        });
      if (u.email && prefs.email)
        await queueMail(trx, ctx, {
          to: u.email,
          subject: title,
          body: `${u.lines.join('\n')}\n\n请登录工作台办理：${ctx.config.publicUrl}/console/requests?queue=due_soon&handler=me`,
          orgId: u.orgId,
          related: { type: 'request_reminder', id: day },
        });
    }
    const heads = await remindHeads(trx, ctx, day, soon);
    if (rows.length || co.length || heads) {
      await writeAudit(trx, ctx, {
        action: 'request.remind',
        subjectType: 'request',
        summary: `发送依申请公开到期提醒：${byUser.size} 名办理人，${rows.length} 件申请，${co.length} 个协办科室，${heads} 名负责人（截至 ${day}）`,
      });
    }
    return { handlers: byUser.size, cases: rows.length, heads };
  });
}

/** The heads' reminders: every open case of their agencies due by `soon`, with its handler; returns how many heads got one. */
async function remindHeads(trx: Db, ctx: Ctx, day: string, soon: string): Promise<number> {
  const cases = await trx
    .selectFrom('requests')
    .innerJoin('orgs', 'orgs.id', 'requests.org_id')
    .leftJoin('users', 'users.id', 'requests.handler_id')
    .select([
      'requests.request_no',
      'requests.due_on',
      'requests.state',
      'orgs.path',
      'users.display_name as handler_name',
    ])
    .where('requests.state', 'in', OPEN_REQUEST_STATES)
    .where('requests.due_on', 'is not', null)
    .where('requests.due_on', '<=', soon)
    .orderBy('requests.due_on')
    .orderBy('requests.id')
    .execute();
  if (!cases.length) return 0;
  const grants = await trx
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['users.id', 'users.email', 'orgs.path', 'orgs.id as org_id'])
    .where('role_grants.role', '=', 'request_admin')
    .where('users.disabled', '=', 0)
    .orderBy('users.id')
    .execute();
  const heads = new Map<number, { email: string | null; orgId: number; paths: string[] }>();
  for (const g of grants) {
    const h = heads.get(g.id) ?? { email: g.email, orgId: g.org_id, paths: [] };
    h.paths.push(g.path);
    heads.set(g.id, h);
  }
  let n = 0;
  for (const [userId, h] of heads) {
    const mine = cases.filter((c) => h.paths.some((p) => c.path.startsWith(p)));
    if (!mine.length) continue;
    const late = mine.filter((c) => isOverdue(c, day)).length;
    const lines = mine.map(
      (c) =>
        `${c.request_no}（${c.handler_name ?? '未分派'}）：答复期限 ${c.due_on}${isOverdue(c, day) ? '（已超期）' : ''}`,
    );
    const title = `依申请公开到期提醒（负责人）：本机关 ${mine.length} 件即将到期或已超期${late ? `，其中已超期 ${late} 件` : ''}`;
    const prefs = await getReminderPrefs(trx, userId);
    if (prefs.inApp || !h.email)
      await notify(trx, ctx, {
        userId,
        kind: 'request_due_head',
        title,
        body: lines.join('\n'),
        link: late ? '/console/requests?queue=overdue' : '/console/requests?queue=due_soon',
      });
    if (h.email && prefs.email)
      await queueMail(trx, ctx, {
        to: h.email,
        subject: title,
        body: `${lines.join('\n')}\n\n请登录工作台督办。`,
        orgId: h.orgId,
        related: { type: 'request_reminder', id: day },
      });
    n++;
  }
  return n;
}
