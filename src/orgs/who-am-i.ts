import type { Ctx } from '../platform/context.js';
import { unauthenticated } from '../platform/errors.js';
import { sha256 } from '../platform/auth/password.js';
import { findTokenByHash, getUser } from './users.store.js';

/** The API token a call was made with: its own name and prefix (not mixed into the username). */
export interface TokenInfo {
  name: string;
  prefix: string;
  roles: string[];
  expiresAt: string | null;
}

/**
 * Who is calling (`GET /api/v1/me`): the user's own username and name, their role grants, and the API
 * token used (null for a signed-in session). `bearer` is the token of the `Authorization` header, if any.
 */
export async function whoAmI(ctx: Ctx, bearer: string | null) {
  const user = ctx.actor.kind === 'user' && ctx.actor.userId ? await getUser(ctx.db, ctx.actor.userId) : undefined;
  if (!user) throw unauthenticated();
  const row = bearer ? await findTokenByHash(ctx.db, sha256(bearer)) : undefined;
  const token: TokenInfo | null =
    row && row.user_id === user.id
      ? { name: row.name, prefix: row.prefix, roles: [...(ctx.actor.tokenRoles ?? [])], expiresAt: row.expires_at }
      : null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: ctx.actor.grants.map((g) => ({ role: g.role, orgId: g.orgId })),
    tokenRoles: ctx.actor.tokenRoles ? [...ctx.actor.tokenRoles] : null,
    token,
  };
}
