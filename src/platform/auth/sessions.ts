import type { Db } from '../db/schema.js';
import { newSecretToken, sha256 } from './password.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Creates a session; returns the secret for the cookie (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: number,
  now: Date,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const { token, hash } = newSecretToken();
  const at = now.toISOString();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hash,
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + policy.absoluteHours * 3600_000).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

/**
 * Finds the session for a cookie secret. Expired sessions (idle or absolute) are
 * deleted and yield null. `last_seen_at` is refreshed at most once a minute.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<{ userId: number } | null> {
  if (!token || token.length > 100) return null;
  const hash = sha256(token);
  const s = await db.selectFrom('sessions').selectAll().where('id_hash', '=', hash).executeTakeFirst();
  if (!s) return null;
  const t = now.getTime();
  const idleLimit = Date.parse(s.last_seen_at) + policy.idleMinutes * 60_000;
  if (t > idleLimit || t > Date.parse(s.expires_at)) {
    await db.deleteFrom('sessions').where('id_hash', '=', hash).execute();
    return null;
  }
  if (t - Date.parse(s.last_seen_at) > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', hash).execute();
  }
  return { userId: s.user_id };
}

/** Ends one session. */
export const deleteSession = (db: Db, token: string) =>
  db.deleteFrom('sessions').where('id_hash', '=', sha256(token)).execute();

/** Ends every session of a user ("log out everywhere", password change, disable). */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
