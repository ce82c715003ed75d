/** The daily digest job: per supervisor and agency administrator, a console notice and an email (when they have an address). */
import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { todayInShanghai } from '../platform/dates.js';
import { notify, queueMail } from '../platform/mail/mail.js';
import { getCalendar, coversYear } from '../calendar/index.js';
import { roleHolderGrants } from '../orgs/index.js';
import { dueSoon, dueSoonUntil } from '../requests/index.js';
import { unpublishedCreatedBy } from '../catalog/index.js';
import { unansweredDue } from '../interaction/index.js';
import { overdueTaskCount } from './tasks.store.js';
import { alertPrefsOfUsers } from './alert-prefs.js';
import {
  annualReportAlertApplies,
  calendarAlertApplies,
  digestLines,
  latestCreationDueBy,
  type DigestFacts,
} from './alerts.rules.js';
import { DASHBOARD_ROLES } from './build-dashboard.js';

/** Sends the day's digest to everyone who has something to hear about; returns a summary line. */
export async function sendDailyDigest(ctx: Ctx): Promise<string> {
  const today = todayInShanghai(ctx.now());
  const cal = await getCalendar(ctx.db);
  const soon = dueSoonUntil(cal, today);
  const itemsCreatedBy = latestCreationDueBy(cal, today, soon);
  const year = Number(today.slice(0, 4));
  const calendarMissingYear = calendarAlertApplies(today, coversYear(cal, year + 1)) ? year + 1 : null;
  const annualReportYear = annualReportAlertApplies(today) ? year - 1 : null;
  const users = new Map<number, { email: string | null; paths: string[]; orgId: number }>();
  for (const g of await roleHolderGrants(ctx.db, DASHBOARD_ROLES)) {
    const u = users.get(g.userId) ?? { email: g.email, paths: [], orgId: g.orgId };
    u.paths.push(g.orgPath);
    users.set(g.userId, u);
  }
  const prefs = await alertPrefsOfUsers(ctx.db, [...users.keys()]);
  const digests: Array<{ userId: number; email: string | null; orgId: number; lines: string[] }> = [];
  for (const [userId, u] of users) {
    const { kinds, email } = prefs.get(userId)!;
    if (!kinds.length) continue;
    const req = await dueSoon(ctx.db, { paths: u.paths, today, cal });
    const msgs = await unansweredDue(ctx.db, { paths: u.paths, today, soonUntil: soon });
    const facts: DigestFacts = {
      itemsDue: await unpublishedCreatedBy(ctx.db, { paths: u.paths, createdBy: itemsCreatedBy }),
      messagesLate: msgs.late,
      messagesDueSoon: msgs.dueSoon,
      requestsOverdue: req.overdue,
      requestsDueSoon: req.dueSoon,
      tasksOverdue: await overdueTaskCount(ctx.db, { paths: u.paths, today }),
      calendarMissingYear,
      annualReportYear,
    };
    const lines = digestLines(facts, kinds);
    if (lines.length) digests.push({ userId, email: u.email && email ? u.email : null, orgId: u.orgId, lines });
  }
  let mailed = 0;
  const noticed = digests.length;
  await tx(ctx, async (trx) => {
    const title = `政务公开每日提醒（${today}）`;
    for (const d of digests) {
      await notify(trx, ctx, {
        userId: d.userId,
        kind: 'supervision.digest',
        title,
        body: d.lines.join('\n'),
        link: '/console/supervision',
      });
      if (d.email) {
        await queueMail(trx, ctx, {
          to: d.email,
          subject: title,
          body: `${d.lines.join('\n')}\n\n详情请登录工作台查看：${ctx.config.publicUrl}/console/supervision\n如需调整提醒，请访问 ${ctx.config.publicUrl}/console/supervision/alerts。`,
          orgId: d.orgId,
        });
        mailed++;
      }
    }
    await writeAudit(trx, ctx, {
      action: 'supervision.digest',
      subjectType: 'job',
      subjectId: today,
      summary: `发送每日监督提醒：站内通知 ${noticed} 人，邮件 ${mailed} 封`,
    });
  });
  return `每日提醒：站内通知 ${noticed} 人，邮件 ${mailed} 封`;
}
