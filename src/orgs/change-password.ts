import type { Ctx } from '../platform/context.js';
import { invalid, invalidFields, unauthenticated } from '../platform/errors.js';
import { hashPassword, verifyPassword } from '../platform/auth/password.js';
import { checkPasswordRule } from '../platform/auth/password.rules.js';
import { createSession, deleteUserSessions } from '../platform/auth/sessions.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { getUser } from './users.store.js';

/**
 * The signed-in user changes their own password (required after a one-time
 * password). All other sessions end; a fresh session is returned.
 */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; confirmPassword: string; userAgent?: string | null },
): Promise<{ sessionToken: string }> {
  if (ctx.actor.kind !== 'user' || !ctx.actor.userId) throw unauthenticated();
  const user = await getUser(ctx.db, ctx.actor.userId);
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(user.password_hash, input.currentPassword ?? ''))) {
    throw invalid('current_password_wrong', '当前密码不正确。', 'currentPassword');
  }
  const errors = checkPasswordRule(input.newPassword ?? '', user.username, 'newPassword');
  if (input.newPassword !== input.confirmPassword) {
    errors.push({ code: 'password_mismatch', message: '两次输入的新密码不一致。', field: 'confirmPassword' });
  }
  if (input.newPassword && input.newPassword === input.currentPassword) {
    errors.push({ code: 'password_unchanged', message: '新密码不能与当前密码相同。', field: 'newPassword' });
  }
  if (errors.length) throw invalidFields(errors);
  const hash = await hashPassword(input.newPassword);
  return tx(ctx, async (trx) => {
    const now = ctx.now();
    await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 0,
        password_changed_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', user.id)
      .execute();
    await deleteUserSessions(trx, user.id);
    const sessionToken = await createSession(trx, user.id, now, ctx.config.session, {
      ip: ctx.actor.ip,
      userAgent: input.userAgent ?? null,
    });
    await writeAudit(trx, ctx, {
      action: 'user.password_change',
      subjectType: 'user',
      subjectId: user.id,
      summary: `用户 ${user.username} 修改了密码`,
    });
    return { sessionToken };
  });
}
