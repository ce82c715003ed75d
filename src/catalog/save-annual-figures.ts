import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { rolesAllow, getOrg } from '../orgs/index.js';
import { validateFigures, type FiguresInput } from './table2.rules.js';

/** Roles that enter an agency's table 二 figures. */
export const FIGURE_EDITORS = ['agency_admin', 'editor'] as const;

/** Saves an agency's table 二 figures for a year (行政许可, 行政处罚, 行政强制, 行政事业性收费). */
export async function saveAnnualFigures(
  ctx: Ctx,
  input: FiguresInput & { orgId: number; year: number },
): Promise<void> {
  const { values, errors } = validateFigures(input);
  if (!Number.isInteger(input.year) || input.year < 2008 || input.year > 2100)
    errors.push({ code: 'figure_year_invalid', message: '年度无效。', field: 'year' });
  if (!values || errors.length) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    const org = await getOrg(trx, input.orgId);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, FIGURE_EDITORS, org.path)) throw forbidden();
    const now = ctx.now().toISOString();
    const before = await trx
      .selectFrom('annual_figures')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (before)
      await trx
        .updateTable('annual_figures')
        .set({ ...values, updated_at: now, updated_by: ctx.actor.userId })
        .where('id', '=', before.id)
        .execute();
    else
      await trx
        .insertInto('annual_figures')
        .values({ ...values, org_id: org.id, year: input.year, updated_at: now, updated_by: ctx.actor.userId })
        .execute();
    const show = (v: { licensing: number; penalties: number; enforcement: number; fees_wan: string }) =>
      `许可 ${v.licensing}、处罚 ${v.penalties}、强制 ${v.enforcement}、收费 ${v.fees_wan} 万元`;
    await writeAudit(trx, ctx, {
      action: 'catalog.annual_figures',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `「${org.name}」${input.year} 年表二数据：${before ? `${show(before)} → ` : ''}${show(values)}`,
    });
  });
}
