import type { Ctx } from '../platform/context.js';
import { forbidden, invalid, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { authorizeOrgFirst, getOrg } from '../orgs/index.js';
import { COHANDLING_DAYS_RANGE } from './departments.rules.js';
import { canApproveExtension } from './requests.policy.rules.js';
import { putCohandlingDays } from './request-departments.store.js';

/** Sets the agency's default co-handling lead time (working days before the statutory due date); request_admin of the agency. */
export async function setCohandlingDays(ctx: Ctx, input: { orgId: number; days: string | number }): Promise<void> {
  await authorizeOrgFirst(ctx, input.orgId, canApproveExtension); // before the fields
  const s = String(input.days ?? '').trim();
  const days = /^\d{1,2}$/.test(s) ? Number(s) : NaN;
  const { min, max } = COHANDLING_DAYS_RANGE;
  if (!(days >= min && days <= max))
    throw invalid('cohandling_days_invalid', `协办内部期限应为答复期限前 ${min} 至 ${max} 个工作日。`, 'days');
  const org = await getOrg(ctx.db, input.orgId);
  if (!org) throw notFound('org_not_found', '机关不存在。');
  if (!canApproveExtension(ctx.actor, org.path))
    throw forbidden('request_forbidden', '只有本机关依申请公开负责人可以修改此设置。');
  await tx(ctx, async (trx) => {
    await putCohandlingDays(trx, org.id, days, ctx.now().toISOString(), ctx.actor.userId);
    await writeAudit(trx, ctx, {
      action: 'request.cohandling_days',
      subjectType: 'setting',
      subjectId: `requests.cohandling_days.${org.id}`,
      orgId: org.id,
      summary: `${org.name}协办科室内部办理期限设为答复期限前 ${days} 个工作日`,
    });
  });
}
