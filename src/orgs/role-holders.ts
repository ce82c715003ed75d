/** Named read query for other capabilities: the enabled users holding given roles, with the orgs of their grants (reading: no audit). */
import type { Db } from '../platform/db/schema.js';
import './orgs.tables.js';

/** One grant of an enabled user. */
export interface RoleHolderGrant {
  userId: number;
  email: string | null;
  role: string;
  orgId: number;
  orgPath: string;
}

/** Grants of any of `roles` held by enabled users, by user id. */
export async function roleHolderGrants(db: Db, roles: readonly string[]): Promise<RoleHolderGrant[]> {
  if (!roles.length) return [];
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['u.id', 'u.email', 'g.role', 'o.path', 'o.id as org_id'])
    .where('g.role', 'in', [...roles])
    .where('u.disabled', '=', 0)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, role: r.role, orgId: r.org_id, orgPath: r.path }));
}
