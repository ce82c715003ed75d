import type { Ctx } from '../platform/context.js';
import { conflict, forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { generatePassword, hashPassword } from '../platform/auth/password.js';
import { checkPasswordRule } from '../platform/auth/password.rules.js';
import { tx } from '../platform/tx.js';
import { validateUserFields } from './users.rules.js';
import { grantableRoles, isRole, roleLabel } from './roles.rules.js';
import { findUserByUsername, type UserRow } from './users.store.js';
import { getOrg } from './orgs.store.js';

export interface CreateUserInput {
  username: string;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  /** Optional initial password (CLI); otherwise a one-time password is generated. */
  password?: string;
  grants: Array<{ role: string; orgId: number }>;
  isDemo?: boolean;
}

/**
 * Creates a staff account with its first role grants. The initial password is
 * one-time: the user must change it at first login. Returns it once.
 */
export async function createUser(
  ctx: Ctx,
  input: CreateUserInput,
): Promise<{ user: UserRow; oneTimePassword: string }> {
  const errors = validateUserFields(input);
  if (input.password) errors.push(...checkPasswordRule(input.password, input.username));
  if (!input.grants.length && ctx.actor.kind !== 'system') {
    errors.push({ code: 'grant_required', message: '请至少为用户分配一个角色。', field: 'role' });
  }
  for (const g of input.grants) {
    if (!isRole(g.role)) errors.push({ code: 'role_unknown', message: `未知角色：${g.role}`, field: 'role' });
  }
  if (errors.length) throw invalidFields(errors);
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return tx(ctx, async (trx) => {
    const username = input.username.trim();
    if (await findUserByUsername(trx, username)) throw conflict('username_taken', '该用户名已存在。', 'username');
    const orgs: Array<{ id: number; name: string }> = [];
    for (const g of input.grants) {
      const org = await getOrg(trx, g.orgId);
      if (!org) throw notFound('org_not_found', `机构不存在（编号 ${g.orgId}）。`);
      if (ctx.actor.kind !== 'system' && !grantableRoles(ctx.actor, org.path).includes(g.role as never)) {
        throw forbidden('role_not_grantable', `您不能在「${org.name}」授予「${roleLabel(g.role)}」角色。`);
      }
      orgs.push(org);
    }
    const now = ctx.now().toISOString();
    const user = await trx
      .insertInto('users')
      .values({
        username,
        display_name: input.displayName.trim(),
        email: input.email?.trim() || null,
        phone: input.phone?.trim() || null,
        password_hash: passwordHash,
        must_change_password: 1,
        password_changed_at: null,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        is_demo: input.isDemo ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const g of input.grants) {
      await trx
        .insertInto('role_grants')
        .values({ user_id: user.id, role: g.role, org_id: g.orgId, created_at: now, created_by: ctx.actor.userId })
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      orgId: orgs[0]?.id ?? null,
      summary: `新建用户 ${username}（${user.display_name}）${input.grants.length ? '，角色：' + input.grants.map((g, i) => `${roleLabel(g.role)}@${orgs[i].name}`).join('、') : ''}`,
    });
    return { user, oneTimePassword: password };
  });
}
