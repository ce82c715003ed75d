import type { Ctx } from '../platform/context.js';
import { conflict, forbidden, invalid, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { grantableRoles, isRole, roleLabel } from './roles.rules.js';
import { getOrg } from './orgs.store.js';
import { getUser, grantsOf } from './users.store.js';
import { canManageUser } from './manage-users.rules.js';

/** Grants a role on an organisation subtree to a user. */
export async function grantRole(ctx: Ctx, input: { userId: number; role: string; orgId: number }): Promise<void> {
  if (!isRole(input.role)) throw invalid('role_unknown', `未知角色：${input.role}`, 'role');
  await tx(ctx, async (trx) => {
    const user = await getUser(trx, input.userId);
    if (!user) throw notFound('user_not_found', '用户不存在。');
    const org = await getOrg(trx, input.orgId);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (ctx.actor.kind !== 'system' && !grantableRoles(ctx.actor, org.path).includes(input.role as never)) {
      throw forbidden('role_not_grantable', `您不能在「${org.name}」授予「${roleLabel(input.role)}」角色。`);
    }
    // The target user must be one the actor manages, or a grant would take the user out of reach of the
    // administrator who does manage them (a user without any grant yet is anyone's to place).
    const current = await grantsOf(trx, user.id);
    if (current.length && !canManageUser(ctx.actor, current))
      throw forbidden('user_not_manageable', '您无权管理该用户，不能为其授予角色。');
    const existing = await trx
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', user.id)
      .where('role', '=', input.role)
      .where('org_id', '=', org.id)
      .executeTakeFirst();
    if (existing) throw conflict('grant_exists', '该用户已拥有此角色。', 'role');
    await trx
      .insertInto('role_grants')
      .values({
        user_id: user.id,
        role: input.role,
        org_id: org.id,
        created_at: ctx.now().toISOString(),
        created_by: ctx.actor.userId,
      })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'role.grant',
      subjectType: 'user',
      subjectId: user.id,
      orgId: org.id,
      summary: `授予 ${user.username}「${roleLabel(input.role)}」角色，范围：${org.name}`,
    });
  });
}

/** Removes one role grant. */
export async function revokeRole(ctx: Ctx, grantId: number): Promise<void> {
  await tx(ctx, async (trx) => {
    const g = await trx
      .selectFrom('role_grants')
      .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
      .innerJoin('users', 'users.id', 'role_grants.user_id')
      .select([
        'role_grants.id',
        'role_grants.role',
        'role_grants.user_id',
        'orgs.id as org_id',
        'orgs.path',
        'orgs.name',
        'users.username',
      ])
      .where('role_grants.id', '=', grantId)
      .executeTakeFirst();
    if (!g) throw notFound('grant_not_found', '授权不存在。');
    if (ctx.actor.kind !== 'system' && !grantableRoles(ctx.actor, g.path).includes(g.role as never)) throw forbidden();
    if (g.role === 'sysadmin') {
      const n = await trx
        .selectFrom('role_grants')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('role', '=', 'sysadmin')
        .executeTakeFirstOrThrow();
      if (Number(n.n) <= 1) throw conflict('last_sysadmin', '不能移除最后一位系统管理员。');
    }
    await trx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await writeAudit(trx, ctx, {
      action: 'role.revoke',
      subjectType: 'user',
      subjectId: g.user_id,
      orgId: g.org_id,
      summary: `撤销 ${g.username}「${roleLabel(g.role)}」角色，范围：${g.name}`,
    });
  });
}
