import type { Db } from '../platform/db/schema.js';
import { findOrg, type OrgRow } from '../orgs/index.js';

/** The `org` of a page's query string: a typed schema gives a number; an untyped query a string (any other value counts as none). */
const orgIdOf = (query: unknown): number => {
  if (typeof query !== 'object' || query === null || !('org' in query)) return 0;
  const v = query.org;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : 0;
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/**
 * `?org=ID` narrows a console list to one agency's subtree when it lies within the reader's scopes
 * (the supervision dashboard links its figures this way). `qs` keeps the filter on further links.
 * `query` is the page's query string (typed routes declare `org: OptInt('单位')`).
 */
export async function orgFilter(
  db: Db,
  scopes: string[],
  query: unknown,
): Promise<{ paths: string[]; org: OrgRow | null; qs: string }> {
  const id = orgIdOf(query);
  const org = id ? await findOrg({ db }, id) : undefined;
  if (org && scopes.some((p) => org.path.startsWith(p))) return { paths: [org.path], org, qs: `&org=${org.id}` };
  return { paths: scopes, org: null, qs: '' };
}
