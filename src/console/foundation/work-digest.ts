/**
 * The daily work digest (每日工作摘要): each staff member's “我的工作” counts — the same counts, from the
 * same sources, as the console home — sent once a day when something waits for them, as a console notice
 * and/or an e-mail as they chose (`/console/account/digest`). E-mails carry absolute links that open the
 * filtered lists. No applicant's personal data: counts only.
 */
import { today, type Ctx } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { tx } from '../../platform/tx.js';
import { notify, queueMail } from '../../platform/mail/mail.js';
import { actorForUser, digestWays, getDigestChoice, roleHolderGrants, ROLE_NAMES } from '../../orgs/index.js';
import { myWork, type WorkCount } from './my-work.js';

/** The digest's lines: the non-zero counts, grouped as on the console home. */
export function digestText(work: readonly WorkCount[], baseUrl?: string): string[] {
  return work
    .filter((w) => w.count > 0)
    .map(
      (w) =>
        `【${w.group}】${w.label}：${w.count}${w.level === 'bad' ? '（已误期，请尽快办理）' : ''}${baseUrl ? `\n  ${baseUrl}${w.href}` : ''}`,
    );
}

/** Sends today's digest to every enabled staff member with something waiting; returns a summary line. */
export async function sendWorkDigest(ctx: Ctx): Promise<{ people: number; mailed: number; summary: string }> {
  if (ctx.actor.kind !== 'system') throw forbidden();
  const day = today(ctx);
  const people = new Map<number, { email: string | null; orgId: number }>();
  for (const g of await roleHolderGrants(ctx.db, ROLE_NAMES))
    if (!people.has(g.userId)) people.set(g.userId, { email: g.email, orgId: g.orgId });
  const digests: Array<{ userId: number; orgId: number; email: string | null; inApp: boolean; work: WorkCount[] }> = [];
  for (const [userId, p] of people) {
    const ways = digestWays(await getDigestChoice(ctx.db, userId), !!p.email);
    if (!ways.inApp && !ways.email) continue;
    const actor = await actorForUser(ctx.db, userId, null);
    if (!actor) continue;
    const work = (await myWork({ ...ctx, actor })).filter((w) => w.count > 0);
    if (!work.length) continue;
    digests.push({ userId, orgId: p.orgId, email: ways.email ? p.email : null, inApp: ways.inApp, work });
  }
  let mailed = 0;
  await tx(ctx, async (trx) => {
    for (const d of digests) {
      const late = d.work.filter((w) => w.level === 'bad').length;
      const title = `每日工作摘要（${day}）：${d.work.length} 类待办${late ? `，其中 ${late} 类已误期` : ''}`;
      if (d.inApp)
        await notify(trx, ctx, {
          userId: d.userId,
          kind: 'work_digest',
          title,
          body: digestText(d.work).join('\n'),
          link: '/console',
        });
      if (d.email) {
        const base = ctx.config.publicUrl;
        await queueMail(trx, ctx, {
          to: d.email,
          subject: title,
          body: `${digestText(d.work, base).join('\n')}\n\n工作台首页：${base}/console\n如需调整或停止每日工作摘要，请访问 ${base}/console/account/digest`,
          orgId: d.orgId,
          related: { type: 'work_digest', id: day },
        });
        mailed++;
      }
    }
    await writeAudit(trx, ctx, {
      action: 'desk.digest',
      subjectType: 'job',
      subjectId: day,
      summary: `发送每日工作摘要：${digests.length} 人，其中邮件 ${mailed} 封`,
    });
  });
  return { people: digests.length, mailed, summary: `每日工作摘要：${digests.length} 人，邮件 ${mailed} 封` };
}
