import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { dummyPasswordHash, verifyPassword } from '../platform/auth/password.js';
import { createSession } from '../platform/auth/sessions.js';
import { tx } from '../platform/tx.js';
import { writeAudit } from '../platform/audit/audit.js';
import { findUserByUsername } from './users.store.js';

const GENERIC = { code: 'login_failed', message: '用户名或密码错误。' };
const IP_FAILURE_LIMIT = 30;

/**
 * Checks a username and password and opens a session. One generic message for
 * every failure, so nobody learns whether an account exists. Failures are counted
 * per username (existing or not) and per client address; too many within the
 * lockout window lock further attempts for that window.
 */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string; userAgent?: string | null },
): Promise<{ sessionToken: string; userId: number; mustChangePassword: boolean }> {
  const username = (input.username ?? '').trim().toLowerCase().slice(0, 64);
  const now = ctx.now();
  const windowStart = new Date(now.getTime() - ctx.config.login.lockoutMinutes * 60_000).toISOString();
  const ip = ctx.actor.ip;

  const recent = await ctx.db
    .selectFrom('login_attempts')
    .select(['success', 'at'])
    .where('username', '=', username)
    .where('at', '>=', windowStart)
    .orderBy('at', 'desc')
    .limit(ctx.config.login.maxFailures + 1)
    .execute();
  const failuresSinceSuccess = recent.findIndex((r) => r.success === 1);
  const failures = failuresSinceSuccess === -1 ? recent.length : failuresSinceSuccess;
  let ipFailures = 0;
  if (ip) {
    const r = await ctx.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ip', '=', ip)
      .where('success', '=', 0)
      .where('at', '>=', windowStart)
      .executeTakeFirstOrThrow();
    ipFailures = Number(r.n);
  }
  if (failures >= ctx.config.login.maxFailures || ipFailures >= IP_FAILURE_LIMIT) {
    throw new AppError('rate_limited', {
      code: 'login_locked',
      message: `登录失败次数过多，请 ${ctx.config.login.lockoutMinutes} 分钟后再试。`,
    });
  }

  const user = await findUserByUsername(ctx.db, username);
  const ok = user
    ? !user.disabled && (await verifyPassword(user.password_hash, input.password ?? ''))
    : (await verifyPassword(await dummyPasswordHash(), input.password ?? ''), false);

  const at = now.toISOString();
  await ctx.db
    .insertInto('login_attempts')
    .values({ username, ip, at, success: ok ? 1 : 0 })
    .execute();
  if (!ok || !user) {
    if (user) {
      const lockedNow = failures + 1 >= ctx.config.login.maxFailures;
      await ctx.db
        .updateTable('users')
        .set({
          failed_logins: failures + 1,
          locked_until: lockedNow
            ? new Date(now.getTime() + ctx.config.login.lockoutMinutes * 60_000).toISOString()
            : user.locked_until,
        })
        .where('id', '=', user.id)
        .execute();
      if (lockedNow) {
        await tx(ctx, (trx) =>
          writeAudit(trx, ctx, {
            action: 'user.locked',
            subjectType: 'user',
            subjectId: user.id,
            summary: `用户 ${user.username} 连续登录失败，已临时锁定`,
          }),
        );
      }
    }
    throw new AppError('unauthenticated', GENERIC);
  }
  return tx(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: at })
      .where('id', '=', user.id)
      .execute();
    const sessionToken = await createSession(trx, user.id, now, ctx.config.session, {
      ip,
      userAgent: input.userAgent ?? null,
    });
    await writeAudit(
      trx,
      { ...ctx, actor: { ...ctx.actor, userId: user.id, label: user.username } },
      {
        action: 'user.login',
        subjectType: 'user',
        subjectId: user.id,
        summary: `用户 ${user.username} 登录`,
      },
    );
    return { sessionToken, userId: user.id, mustChangePassword: user.must_change_password === 1 };
  });
}
