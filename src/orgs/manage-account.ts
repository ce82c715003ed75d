import type { Ctx } from '../platform/context.js';
import { conflict, forbidden, notFound, unauthenticated } from '../platform/errors.js';
import { generatePassword, hashPassword } from '../platform/auth/password.js';
import { deleteUserSessions } from '../platform/auth/sessions.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { canManageUser } from './manage-users.rules.js';
import { getUser, grantsOf } from './users.store.js';

async function loadManaged(ctx: Ctx, userId: number) {
  const user = await getUser(ctx.db, userId);
  if (!user) throw notFound('user_not_found', '用户不存在。');
  if (!canManageUser(ctx.actor, await grantsOf(ctx.db, userId))) throw forbidden();
  return user;
}

/** An administrator resets a password: a new one-time password, all sessions end. */
export async function resetPassword(ctx: Ctx, userId: number): Promise<{ oneTimePassword: string }> {
  const user = await loadManaged(ctx, userId);
  const oneTimePassword = generatePassword();
  const hash = await hashPassword(oneTimePassword);
  await tx(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', userId)
      .execute();
    await deleteUserSessions(trx, userId);
    await writeAudit(trx, ctx, {
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: userId,
      summary: `重置用户 ${user.username} 的密码`,
    });
  });
  return { oneTimePassword };
}

/** Disables (all sessions end, tokens stop working) or re-enables an account. */
export async function setUserDisabled(ctx: Ctx, userId: number, disabled: boolean): Promise<void> {
  const user = await loadManaged(ctx, userId);
  if (disabled && ctx.actor.userId === userId) throw conflict('cannot_disable_self', '不能停用自己的账号。');
  await tx(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0, updated_at: ctx.now().toISOString() })
      .where('id', '=', userId)
      .execute();
    if (disabled) await deleteUserSessions(trx, userId);
    await writeAudit(trx, ctx, {
      action: disabled ? 'user.disable' : 'user.enable',
      subjectType: 'user',
      subjectId: userId,
      summary: `${disabled ? '停用' : '启用'}用户 ${user.username}`,
    });
  });
}

/** The signed-in user ends all of their sessions ("退出所有设备"). */
export async function logoutEverywhere(ctx: Ctx): Promise<number> {
  if (ctx.actor.kind !== 'user' || !ctx.actor.userId) throw unauthenticated();
  const userId = ctx.actor.userId;
  return tx(ctx, async (trx) => {
    const n = await deleteUserSessions(trx, userId);
    await writeAudit(trx, ctx, {
      action: 'user.logout_all',
      subjectType: 'user',
      subjectId: userId,
      summary: `用户 ${ctx.actor.label} 退出所有设备（${n} 个会话）`,
    });
    return n;
  });
}
