/** Shared steps of the comment-period use-cases. */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { forbidden, notFound } from '../platform/errors.js';
import { rolesAllow } from '../orgs/index.js';
import { canPublish, PUBLISH_ROLES } from './interaction.policy.rules.js';
import { getPeriod, type PeriodWithOrg } from './comment-periods.store.js';

/** Who loads: the public, staff viewing (managers and supervisors), or managers. */
export type PeriodNeed = 'public' | 'view' | 'manage';

/** Loads a period and checks the policy for staff needs. */
export async function loadPeriod(
  db: Db,
  ctx: Pick<Ctx, 'actor'>,
  id: number,
  need: PeriodNeed,
): Promise<PeriodWithOrg> {
  const p = await getPeriod(db, id);
  if (!p) throw notFound('period_not_found', '意见征集不存在。');
  if (need === 'manage' && !canPublish(ctx.actor, p.org_path))
    throw forbidden('period_forbidden', '您没有管理该机关意见征集的权限。');
  if (need === 'view' && !rolesAllow(ctx.actor, [...PUBLISH_ROLES, 'supervisor'], p.org_path))
    throw forbidden('period_forbidden', '您没有查看该机关意见征集的权限。');
  return p;
}
