import type { Db } from '../platform/db/schema.js';
import { str } from '../platform/http/form.js';
import { getOrg, type OrgRow } from '../orgs/orgs.store.js';

/**
 * `?org=ID` narrows a console list to one agency's subtree when it lies within the reader's scopes
 * (the supervision dashboard links its figures this way). `qs` keeps the filter on further links.
 */
export async function orgFilter(db: Db, scopes: string[], query: unknown): Promise<{ paths: string[]; org: OrgRow | null; qs: string }> {
  const id = Number(str(query, 'org')) || 0;
  const org = id ? await getOrg(db, id) : undefined;
  if (org && scopes.some((p) => org.path.startsWith(p))) return { paths: [org.path], org, qs: `&org=${org.id}` };
  return { paths: scopes, org: null, qs: '' };
}
