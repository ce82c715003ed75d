import type { Ctx } from '../platform/context.js';
import { forbidden, invalid, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { authorizeOrgFirst, rolesAllow, getOrg } from '../orgs/index.js';
import { applyIndexPattern, checkIndexPattern, indexPrefix } from './index-number.rules.js';
import { getIndexPattern, indexPatternKey } from './index-pattern.js';
import { CATEGORY_EDITORS } from './category.rules.js';

/** Sets an agency's 索引号 pattern for new items (existing 索引号 never change). */
export async function setIndexPattern(ctx: Ctx, input: { orgId: number; pattern: string }): Promise<void> {
  await authorizeOrgFirst(ctx, input.orgId, (a, path) => rolesAllow(a, CATEGORY_EDITORS, path)); // before the fields
  const pattern = input.pattern.trim();
  const problem = checkIndexPattern(pattern);
  if (problem) throw invalid('index_pattern_invalid', problem, 'pattern');
  await tx(ctx, async (trx) => {
    const org = await getOrg(trx, input.orgId);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, CATEGORY_EDITORS, org.path)) throw forbidden();
    const before = await getIndexPattern(trx, org.id);
    const now = ctx.now().toISOString();
    await trx
      .insertInto('settings')
      .values({ key: indexPatternKey(org.id), value: pattern, updated_at: now, updated_by: ctx.actor.userId })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: pattern, updated_at: now, updated_by: ctx.actor.userId }),
      )
      .execute();
    const example = applyIndexPattern(pattern, {
      code: indexPrefix(org.code, org.id),
      date: now.slice(0, 10),
      serial: 1,
    });
    await writeAudit(trx, ctx, {
      action: 'catalog.index_pattern',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `「${org.name}」索引号格式：${before} → ${pattern}（示例 ${example}）`,
    });
  });
}
