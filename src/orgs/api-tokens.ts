import { isValidIsoDate, todayInShanghai } from '../platform/dates.js';
import type { Ctx } from '../platform/context.js';
import { forbidden, invalid, invalidFields, notFound, unauthenticated } from '../platform/errors.js';
import { newSecretToken, sha256 } from '../platform/auth/password.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isRole, roleLabel } from './roles.rules.js';
import { getUser, grantsOf, type TokenRow } from './users.store.js';
import { canManageUser } from './manage-users.rules.js';

export const TOKEN_PREFIX = 'gk_';

/**
 * Creates a personal API token for the signed-in user (or, from the CLI, for a
 * named user). Its scopes are roles the user holds; the secret is shown once and
 * stored as a sha256 hash.
 */
export async function createToken(
  ctx: Ctx,
  input: { userId?: number; name: string; roles: string[]; expiresOn?: string | null },
): Promise<{ token: string; row: TokenRow }> {
  const userId = input.userId ?? ctx.actor.userId;
  if (!userId) throw unauthenticated();
  const user = await getUser(ctx.db, userId);
  if (!user) throw notFound('user_not_found', '用户不存在。');
  const grants = await grantsOf(ctx.db, userId);
  if (ctx.actor.userId !== userId && !canManageUser(ctx.actor, grants)) throw forbidden();
  const errors = [];
  const name = (input.name ?? '').trim();
  if (!name || name.length > 60)
    errors.push({ code: 'token_name_invalid', message: '请填写令牌名称（不超过 60 个字）。', field: 'name' });
  const held = new Set(grants.map((g) => g.role));
  const roles = [...new Set(input.roles)];
  if (!roles.length)
    errors.push({ code: 'token_scope_required', message: '请至少选择一个权限范围（角色）。', field: 'roles' });
  for (const r of roles) {
    if (!isRole(r) || !held.has(r))
      errors.push({
        code: 'token_scope_invalid',
        message: `您不具有角色「${roleLabel(r)}」，不能授予令牌。`,
        field: 'roles',
      });
  }
  if (input.expiresOn && !isValidIsoDate(input.expiresOn))
    errors.push({ code: 'date_invalid', message: '有效期日期格式应为 YYYY-MM-DD。', field: 'expiresOn' });
  else if (input.expiresOn && input.expiresOn < todayInShanghai(ctx.now()))
    errors.push({ code: 'token_expiry_past', message: '有效期不能早于今天。', field: 'expiresOn' });
  if (errors.length) throw invalidFields(errors);
  const secret = newSecretToken(24);
  const token = TOKEN_PREFIX + secret.token;
  return tx(ctx, async (trx) => {
    const now = ctx.now().toISOString();
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: userId,
        name,
        prefix: token.slice(0, 10),
        token_hash: sha256(token),
        scopes: JSON.stringify(roles),
        created_at: now,
        expires_at: input.expiresOn ? `${input.expiresOn}T16:00:00.000Z` : null,
        last_used_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'token.create',
      subjectType: 'api_token',
      subjectId: row.id,
      summary: `为 ${user.username} 创建 API 令牌「${name}」（${roles.map(roleLabel).join('、')}）`,
    });
    return { token, row };
  });
}

/** Revokes a token: its owner or an administrator of the owner. */
export async function revokeToken(ctx: Ctx, tokenId: number): Promise<void> {
  await tx(ctx, async (trx) => {
    const row = await trx.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).executeTakeFirst();
    if (!row) throw notFound('token_not_found', '令牌不存在。');
    if (row.user_id !== ctx.actor.userId && !canManageUser(ctx.actor, await grantsOf(trx, row.user_id)))
      throw forbidden();
    if (row.revoked_at) throw invalid('token_already_revoked', '该令牌已撤销。');
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.now().toISOString() })
      .where('id', '=', tokenId)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'token.revoke',
      subjectType: 'api_token',
      subjectId: tokenId,
      summary: `撤销 API 令牌「${row.name}」`,
    });
  });
}
