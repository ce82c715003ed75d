/** The daily digest job: per supervisor and agency administrator, a console notice and an email (when they have an address). */
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { todayInShanghai } from '../platform/dates.js';
import { notify, queueMail } from '../platform/mail/mail.js';
import { getCalendar } from '../calendar/get-calendar.js';
import { coversYear } from '../calendar/calendar.rules.js';
import { dueSoonUntil, OPEN_REQUEST_STATES } from '../requests/due-window.rules.js';
import { PROACTIVE } from '../catalog/catalog-labels.rules.js';
import { guarded } from './figure-source.js';
import { pathScope } from './sources/sql-scope.js';
import { annualReportAlertApplies, calendarAlertApplies, digestLines, latestCreationDueBy, parseKinds, type DigestFacts } from './alerts.rules.js';

const PENDING_ITEMS = sql.join(['draft', 'secrecy_review', 'legality_review', 'approval', 'scheduled', 'returned'].map((s) => sql`${s}`));

const OPEN = sql.join(OPEN_REQUEST_STATES.map((s) => sql`${s}`));

/** Sends the day's digest to everyone who has something to hear about; returns a summary line. */
export async function sendDailyDigest(ctx: Ctx): Promise<string> {
  const today = todayInShanghai(ctx.now());
  const cal = await getCalendar(ctx.db);
  const soon = dueSoonUntil(cal, today);
  const itemsCreatedBy = latestCreationDueBy(cal, today, soon);
  const year = Number(today.slice(0, 4));
  const calendarMissingYear = calendarAlertApplies(today, coversYear(cal, year + 1)) ? year + 1 : null;
  const annualReportYear = annualReportAlertApplies(today) ? year - 1 : null;
  const grants = await ctx.db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .leftJoin('supervision_alert_prefs as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.email', 'g.role', 'o.path', 'o.id as org_id', 'p.kinds', 'p.email as mail'])
    .where('g.role', 'in', ['supervisor', 'agency_admin'])
    .where('u.disabled', '=', 0)
    .orderBy('u.id')
    .execute();
  const users = new Map<number, { email: string | null; paths: string[]; orgId: number; kinds: string | null; mail: number | null }>();
  for (const g of grants) {
    const u = users.get(g.id) ?? { email: g.email, paths: [], orgId: g.org_id, kinds: g.kinds, mail: g.mail };
    u.paths.push(g.path);
    users.set(g.id, u);
  }
  const digests: Array<{ userId: number; email: string | null; orgId: number; lines: string[] }> = [];
  for (const [userId, u] of users) {
    const kinds = parseKinds(u.kinds);
    if (!kinds.length) continue;
    const req = await guarded(async () => {
      const r = await sql<{ overdue: number | string | null; soon: number | string | null }>`
        select sum(case when r.due_on < ${today} then 1 else 0 end) as overdue,
               sum(case when r.due_on >= ${today} and r.due_on <= ${soon} then 1 else 0 end) as soon
        from requests r join orgs o on o.id = r.org_id where ${pathScope(u.paths)} and r.state in (${OPEN}) and r.due_on is not null`.execute(ctx.db);
      return r.rows[0];
    });
    const tasks = await sql<{ n: number | string }>`
      select count(*) as n from supervision_tasks t join orgs o on o.id = t.responsible_org_id
      where ${pathScope(u.paths)} and t.state <> 'accepted' and t.deadline < ${today}`.execute(ctx.db);
    const items = await guarded(async () => {
      const r = await sql<{ n: number | string }>`
        select count(*) as n from items i join orgs o on o.id = i.org_id
        where ${pathScope(u.paths)} and i.disclosure_mode = ${PROACTIVE} and i.status in (${PENDING_ITEMS}) and i.created_on <= ${itemsCreatedBy}`.execute(ctx.db);
      return Number(r.rows[0]?.n ?? 0);
    });
    const msgs = await guarded(async () => {
      const r = await sql<{ late: number | string | null; soon: number | string | null }>`
        select sum(case when m.due_on < ${today} then 1 else 0 end) as late,
               sum(case when m.due_on >= ${today} and m.due_on <= ${soon} then 1 else 0 end) as soon
        from messages m join orgs o on o.id = m.org_id
        where ${pathScope(u.paths)} and m.rejected = 0 and m.held_for_moderation = 0 and m.replied_on is null and m.due_on is not null`.execute(ctx.db);
      return r.rows[0];
    });
    const facts: DigestFacts = {
      itemsDue: items ?? 0,
      messagesLate: Number(msgs?.late ?? 0),
      messagesDueSoon: Number(msgs?.soon ?? 0),
      requestsOverdue: Number(req?.overdue ?? 0),
      requestsDueSoon: Number(req?.soon ?? 0),
      tasksOverdue: Number(tasks.rows[0]?.n ?? 0),
      calendarMissingYear,
      annualReportYear,
    };
    const lines = digestLines(facts, kinds);
    if (lines.length) digests.push({ userId, email: u.email && u.mail !== 0 ? u.email : null, orgId: u.orgId, lines });
  }
  let mailed = 0;
  const noticed = digests.length;
  await tx(ctx, async (trx) => {
    const title = `政务公开每日提醒（${today}）`;
    for (const d of digests) {
      await notify(trx, ctx, { userId: d.userId, kind: 'supervision.digest', title, body: d.lines.join('\n'), link: '/console/supervision' });
      if (d.email) {
        await queueMail(trx, ctx, { to: d.email, subject: title, body: `${d.lines.join('\n')}\n\n详情请登录工作台查看：${ctx.config.publicUrl}/console/supervision\n如需调整提醒，请访问 ${ctx.config.publicUrl}/console/supervision/alerts。`, orgId: d.orgId });
        mailed++;
      }
    }
    await writeAudit(trx, ctx, { action: 'supervision.digest', subjectType: 'job', subjectId: today, summary: `发送每日监督提醒：站内通知 ${noticed} 人，邮件 ${mailed} 封` });
  });
  return `每日提醒：站内通知 ${noticed} 人，邮件 ${mailed} 封`;
}
