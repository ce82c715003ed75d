/** Read queries on the organisation tree for pages (console and portal): no page reaches the store itself. */
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { getOrg, listOrgs, type OrgRow } from './orgs.store.js';

export type { OrgRow };

/** Organisations under the subtrees (every organisation when `underPaths` is undefined; none for []), in tree order; enabled ones unless asked. */
export const orgsWithin = (
  ctx: Pick<Ctx, 'db'>,
  opts: { underPaths?: string[]; includeDisabled?: boolean } = {},
): Promise<OrgRow[]> => listOrgs(ctx.db, opts);

/** One organisation, or undefined. */
export const findOrg = (ctx: Pick<Ctx, 'db'>, id: number): Promise<OrgRow | undefined> => getOrg(ctx.db, id);

/** One organisation; 404 “机构不存在。” when there is none. */
export async function orgOrNotFound(ctx: Pick<Ctx, 'db'>, id: number): Promise<OrgRow> {
  const org = await getOrg(ctx.db, id);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  return org;
}
