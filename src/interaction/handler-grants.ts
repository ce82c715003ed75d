/** A staff user as an actor, to check the roles of a handler being assigned. */
import type { Actor } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { actorForUser } from '../orgs/index.js';

/** The user's actor and display name, or null when unknown or disabled. */
export async function resolveActorGrants(db: Db, userId: number): Promise<{ actor: Actor; name: string } | null> {
  const u = await db
    .selectFrom('users')
    .select(['display_name', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u || u.disabled) return null;
  const actor = await actorForUser(db, userId, null);
  return actor ? { actor, name: u.display_name } : null;
}
