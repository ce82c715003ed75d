import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { getOrg, rolesAllow } from '../orgs/index.js';
import { kindsKey, writeSetting } from './site-check-settings.js';
import type { ColumnKind } from './site-check.rules.js';

const KINDS: readonly ColumnKind[] = ['news', 'notice', 'other'];

/** Sets which of an agency's categories count as 动态/要闻 (news) or 通知公告/政策文件 (notice) for the website check. */
export async function setColumnKinds(ctx: Ctx, orgId: number, kinds: Record<string, string>): Promise<void> {
  const bad = Object.entries(kinds).filter(([k, v]) => !/^\d{1,9}$/.test(k) || !KINDS.includes(v as ColumnKind));
  if (bad.length) throw invalidFields([{ code: 'column_kind_invalid', message: '栏目类型无效。', field: 'kinds' }]);
  const org = await getOrg(ctx.db, orgId);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  if (!rolesAllow(ctx.actor, ['supervisor'], org.path)) throw forbidden();
  await tx(ctx, async (trx) => {
    await writeSetting(trx, kindsKey(org.id), kinds, ctx.now().toISOString(), ctx.actor.userId);
    const n = (k: string) => Object.values(kinds).filter((v) => v === k).length;
    await writeAudit(trx, ctx, {
      action: 'supervision.check.kinds',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `设置网站检查栏目类型（${org.name}）：动态要闻类 ${n('news')} 个，通知公告政策文件类 ${n('notice')} 个`,
    });
  });
}
