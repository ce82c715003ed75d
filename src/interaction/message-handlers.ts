/** Staff who may handle the messages of an org (message_handler granted on it or an ancestor). */
import type { Db } from '../platform/db/schema.js';
import { inScope } from '../orgs/index.js';

/** Enabled users holding message_handler on a subtree containing `orgPath`. */
export async function listMessageHandlers(db: Db, orgPath: string): Promise<Array<{ id: number; name: string }>> {
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['users.id', 'users.display_name', 'orgs.path'])
    .where('role_grants.role', '=', 'message_handler')
    .where('users.disabled', '=', 0)
    .execute();
  const seen = new Map<number, string>();
  for (const r of rows) if (inScope(r.path, orgPath)) seen.set(r.id, r.display_name);
  return [...seen].map(([id, name]) => ({ id, name }));
}
