import type { Ctx } from '../platform/context.js';
import { forbidden, invalid, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { rolesAllow, getOrg } from '../orgs/index.js';
import { separationKey } from './separation-of-duties.js';

/**
 * An agency administrator turns the strict separation of duties on or off for the agency. Off returns to the
 * standard rule (one person, one review stage per item), which cannot be relaxed; a strict level set above
 * the agency still applies.
 */
export async function setSeparationOfDuties(ctx: Ctx, input: { orgId: number; strict: boolean }): Promise<void> {
  await tx(ctx, async (trx) => {
    const org = await getOrg(trx, input.orgId);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, ['agency_admin'], org.path)) throw forbidden();
    if (typeof input.strict !== 'boolean') throw invalid('separation_invalid', '请选择职责分离要求。', 'strict');
    const now = ctx.now().toISOString();
    const value = input.strict ? 'strict' : 'standard';
    await trx
      .insertInto('settings')
      .values({ key: separationKey(org.id), value, updated_at: now, updated_by: ctx.actor.userId })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: ctx.actor.userId }))
      .execute();
    await writeAudit(trx, ctx, {
      action: 'catalog.separation',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `「${org.name}」职责分离要求：${input.strict ? '从严（起草、修改、提交者不得审核签发）' : '标准（同一人不得承担两个审核环节）'}`,
    });
  });
}
