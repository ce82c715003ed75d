import type { Ctx } from '../context.js';
import type { Db } from '../db/schema.js';
import './mail.tables.js';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
  orgId?: number | null;
  related?: { type: string; id: string | number };
}

/** Queues an email in the outbox (inside the caller's transaction); the mail job delivers it. */
export async function queueMail(db: Db, ctx: Pick<Ctx, 'now'>, m: MailMessage): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      org_id: m.orgId ?? null,
      to_addr: m.to,
      subject: m.subject,
      body: m.body,
      status: 'pending',
      attempts: 0,
      last_error: null,
      related_type: m.related?.type ?? null,
      related_id: m.related ? String(m.related.id) : null,
      created_at: ctx.now().toISOString(),
      sent_at: null,
    })
    .execute();
}

/** A console notice for one staff user (reminders, digests). */
export async function notify(
  db: Db,
  ctx: Pick<Ctx, 'now'>,
  n: { userId: number; kind: string; title: string; body: string; link?: string },
): Promise<void> {
  await db
    .insertInto('notifications')
    .values({
      user_id: n.userId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link ?? null,
      created_at: ctx.now().toISOString(),
      read_at: null,
    })
    .execute();
}

/**
 * Delivers pending mail through SMTP when configured; otherwise marks it `unsent`
 * so that the outbox page shows what would have been sent.
 */
export async function deliverOutbox(ctx: Ctx, limit = 100): Promise<string> {
  const pending = await ctx.db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('id')
    .limit(limit)
    .execute();
  if (!pending.length) return '无待发送邮件';
  if (!ctx.config.smtpUrl) {
    await ctx.db
      .updateTable('outbox')
      .set({ status: 'unsent', last_error: '未配置 SMTP（GONGKAI_SMTP_URL）' })
      .where(
        'id',
        'in',
        pending.map((p) => p.id),
      )
      .execute();
    return `${pending.length} 封邮件未发送：未配置 SMTP`;
  }
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(ctx.config.smtpUrl);
  let sent = 0;
  for (const m of pending) {
    try {
      await transport.sendMail({ from: ctx.config.mailFrom, to: m.to_addr, subject: m.subject, text: m.body });
      await ctx.db
        .updateTable('outbox')
        .set({ status: 'sent', sent_at: ctx.now().toISOString(), attempts: m.attempts + 1 })
        .where('id', '=', m.id)
        .execute();
      sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      await ctx.db
        .updateTable('outbox')
        .set({ status: attempts >= 5 ? 'failed' : 'pending', attempts, last_error: (e as Error).message.slice(0, 500) })
        .where('id', '=', m.id)
        .execute();
    }
  }
  transport.close();
  return `已发送 ${sent}/${pending.length} 封邮件`;
}
