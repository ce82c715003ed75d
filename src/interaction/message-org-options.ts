/** The orgs a message can be addressed to, as options of a select (portal form and console registration). */
import type { Db } from '../platform/db/schema.js';
import { listOrgs } from '../orgs/orgs.store.js';

/** Every enabled org: agencies, departments and the jurisdiction's government, indented by depth. */
export async function messageOrgOptions(db: Db): Promise<Array<[string, string]>> {
  return (await listOrgs(db)).filter((o) => o.kind !== 'section').map((o) => [String(o.id), `${'　'.repeat(o.depth)}${o.name}`]);
}
