import type { Actor } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { sha256 } from '../platform/auth/password.js';
import { findTokenByHash, getUser, grantsOf } from './users.store.js';

/** Builds the Actor of a signed-in user, or null when the account is disabled or gone. */
export async function actorForUser(db: Db, userId: number, ip: string | null): Promise<Actor | null> {
  const user = await getUser(db, userId);
  if (!user || user.disabled) return null;
  const grants = await grantsOf(db, userId);
  return {
    kind: 'user',
    userId,
    label: user.username,
    displayName: user.display_name,
    grants: grants.map(({ role, orgId, orgPath }) => ({ role, orgId, orgPath })),
    ip,
    mustChangePassword: user.must_change_password === 1,
  };
}

/**
 * Resolves a bearer API token to an Actor limited to the token's roles, and
 * records when it was last used. Revoked, expired or unknown tokens give null.
 */
export async function actorForToken(db: Db, token: string, now: Date, ip: string | null): Promise<Actor | null> {
  const row = await findTokenByHash(db, sha256(token));
  if (!row || row.revoked_at) return null;
  if (row.expires_at && Date.parse(row.expires_at) < now.getTime()) return null;
  const actor = await actorForUser(db, row.user_id, ip);
  if (!actor || actor.mustChangePassword) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { ...actor, label: `${actor.label}（令牌 ${row.prefix}…）`, tokenRoles: JSON.parse(row.scopes) as string[] };
}
