/** The agency's 依申请公开负责人 sets how many days the applicant may download an approved package. */
import type { Ctx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { writeSetting } from '../../platform/settings.store.js';
import { tx } from '../../platform/tx.js';
import { authorizeOrgFirst, getOrg } from '../../orgs/index.js';
import { canApproveExtension } from '../requests.policy.rules.js';
import { releaseDaysKey } from './release.rules.js';

export async function setReleaseDays(ctx: Ctx, input: { orgId: number; days: string | number }): Promise<number> {
  await authorizeOrgFirst(ctx, input.orgId, canApproveExtension); // before the fields
  const days = Number(String(input.days).trim());
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw invalid('release_days', '下载期限应为1至365之间的整数天数。', 'days');
  const org = await getOrg(ctx.db, input.orgId);
  if (!org) throw notFound('org_not_found', '机关不存在。');
  if (!canApproveExtension(ctx.actor, org.path))
    throw forbidden('release_days_forbidden', '只有本单位依申请公开负责人可以设置下载期限。');
  return tx(ctx, async (trx) => {
    await writeSetting(trx, releaseDaysKey(org.id), String(days), ctx.now().toISOString(), ctx.actor.userId);
    await writeAudit(trx, ctx, {
      action: 'request.release.days',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `${org.name} 提供材料下载期限设为 ${days} 天`,
    });
    return days;
  });
}
