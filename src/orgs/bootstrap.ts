import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { generatePassword, hashPassword } from '../platform/auth/password.js';
import { tx } from '../platform/tx.js';
import { countOrgs, insertOrg } from './orgs.store.js';
import { emptyOrgFields } from './orgs.rules.js';

/** The name of the root organisation a new database starts with (renamed by the administrator, or by `init --demo`). */
export const DEFAULT_ROOT_NAME = '本级人民政府';

/**
 * On a new database: the root organisation and a bootstrap system administrator
 * whose one-time password is returned once (printed by the caller) and must be
 * changed at first login. Does nothing when organisations already exist.
 */
export async function bootstrap(
  ctx: Ctx,
  opts: { rootName?: string; adminUsername?: string } = {},
): Promise<{ created: false } | { created: true; username: string; oneTimePassword: string; rootId: number }> {
  if ((await countOrgs(ctx.db)) > 0) return { created: false };
  const username = opts.adminUsername ?? 'admin';
  const oneTimePassword = generatePassword();
  const hash = await hashPassword(oneTimePassword);
  return tx(ctx, async (trx) => {
    if ((await countOrgs(trx)) > 0) return { created: false as const };
    const now = ctx.now().toISOString();
    const root = await insertOrg(trx, null, { ...emptyOrgFields('county', opts.rootName ?? DEFAULT_ROOT_NAME) }, now);
    const user = await trx
      .insertInto('users')
      .values({
        username,
        display_name: '系统管理员',
        email: null,
        phone: null,
        password_hash: hash,
        must_change_password: 1,
        password_changed_at: null,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('role_grants')
      .values({ user_id: user.id, role: 'sysadmin', org_id: root.id, created_at: now, created_by: null })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'system.bootstrap',
      subjectType: 'org',
      subjectId: root.id,
      orgId: root.id,
      summary: `初始化：创建根机构「${root.name}」和系统管理员 ${username}`,
    });
    return { created: true as const, username, oneTimePassword, rootId: root.id };
  });
}
