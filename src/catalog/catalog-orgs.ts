/** The agencies (not internal sections) a catalogue page offers to a reader: read queries over the org tree. */
import type { Actor } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { rolesAllow, scopePaths, listOrgs, type OrgRow } from '../orgs/index.js';

export type { OrgRow };

/** Agencies within the reader's scopes for `roles`, in tree order (none without such a role). */
export async function agenciesFor(db: Db, actor: Actor, roles: readonly string[]): Promise<OrgRow[]> {
  const paths = scopePaths(actor, roles);
  if (!paths.length) return [];
  return (await listOrgs(db, { underPaths: paths })).filter(
    (o) => o.kind !== 'section' && rolesAllow(actor, roles, o.path),
  );
}
