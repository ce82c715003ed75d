/** Read queries of the website check for the console pages (reading: no audit). */
import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { getOrg, listOrgs, type OrgRow, rolesAllow, scopePaths } from '../orgs/index.js';
import { categoryNames } from '../catalog/index.js';
import { latestChecks, readHistory, readKinds, type StoredCheck } from './site-check-settings.js';
import type { ColumnKind } from './site-check.rules.js';

/** The agencies a supervisor checks (no internal sections), each with its latest check when it has one. */
export async function checkOverview(
  ctx: Pick<Ctx, 'db' | 'actor'>,
): Promise<Array<{ org: OrgRow; last?: StoredCheck }>> {
  const paths = scopePaths(ctx.actor, ['supervisor']);
  if (!paths.length) throw forbidden();
  const orgs = (await listOrgs(ctx.db, { underPaths: paths })).filter((o) => o.kind !== 'section');
  const last = await latestChecks(ctx.db, paths);
  return orgs.map((org) => ({ org, last: last.get(org.id) }));
}

/** One agency's checks (newest first), its 公开目录 categories and the kinds chosen for them, for a supervisor above it. */
export async function agencyChecks(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  orgId: number,
): Promise<{
  org: OrgRow;
  history: StoredCheck[];
  categories: Array<{ id: number; name: string }>;
  kinds: Record<string, ColumnKind>;
}> {
  const org = await getOrg(ctx.db, orgId);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  if (!rolesAllow(ctx.actor, ['supervisor'], org.path)) throw forbidden();
  return {
    org,
    history: await readHistory(ctx.db, org.id),
    categories: await categoryNames(ctx.db, org.id),
    kinds: await readKinds(ctx.db, org.id),
  };
}
