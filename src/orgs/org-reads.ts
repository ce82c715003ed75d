/** Read queries of organisations for staff: those within the reader's grants, and one the reader may view. */
import type { Actor, Ctx } from '../platform/context.js';
import { forbidden, notFound, type AppError } from '../platform/errors.js';
import { ROLE_NAMES, can, scopePaths } from './roles.rules.js';
import { getOrg, listOrgs, type OrgRow } from './orgs.store.js';

/** Organisations under any of the reader's grants. */
export const orgsInScope = (ctx: Ctx): Promise<OrgRow[]> =>
  listOrgs(ctx.db, { underPaths: scopePaths(ctx.actor, ROLE_NAMES) });

/** One organisation the reader may view (`org.view`); 404 when it does not exist, 403 outside the reader's grants. */
export async function viewableOrg(ctx: Ctx, id: number): Promise<OrgRow> {
  const org = await getOrg(ctx.db, id);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  if (!can(ctx.actor, 'org.view', org.path)) throw forbidden();
  return org;
}

/**
 * Authorize before validating a form about an organisation (issue 16): when the organisation exists, `may` must
 * allow the actor on it (else 403) before any field is checked; a missing one is left to the use-case's own
 * answer (404 or a field error), as is a form that names none yet.
 */
export async function authorizeOrgFirst(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  orgId: number | null | undefined,
  may: (actor: Actor, orgPath: string) => boolean,
  refusal: () => AppError = () => forbidden(),
): Promise<void> {
  if (ctx.actor.kind === 'system' || orgId == null) return;
  const org = await getOrg(ctx.db, orgId);
  if (org && !may(ctx.actor, org.path)) throw refusal();
}
