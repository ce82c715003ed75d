import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { rolesAllow } from '../orgs/index.js';
import { validateFigures } from './table2.rules.js';
import { FIGURE_EDITORS } from './save-annual-figures.js';

/** CSV columns of a table 二 import. */
export const FIGURE_COLUMNS = ['机构', '年度', '行政许可', '行政处罚', '行政强制', '行政事业性收费（万元）'] as const;

/**
 * Imports table 二 figures (one row per agency and year, agencies by name). All or nothing: any bad row
 * (reported with its row number) saves nothing. One audit event for the import.
 */
export async function importAnnualFigures(ctx: Ctx, table: string[][]): Promise<number> {
  const header = (table[0] ?? []).map((h) => h.trim());
  const col = FIGURE_COLUMNS.map((c) => header.indexOf(c));
  const missing = FIGURE_COLUMNS.filter((_, i) => col[i] === -1);
  if (missing.length)
    throw new AppError(
      'invalid',
      missing.map((m) => ({ code: 'figures_column_missing', message: `第 1 行：缺少“${m}”列。`, field: 'file' })),
    );
  return tx(ctx, async (trx) => {
    const orgs = await trx.selectFrom('orgs').select(['id', 'name', 'path']).where('disabled', '=', 0).execute();
    const errors: Array<{ code: string; message: string; field: string }> = [];
    const ok: Array<{
      orgId: number;
      year: number;
      values: NonNullable<ReturnType<typeof validateFigures>['values']>;
    }> = [];
    for (let r = 1; r < table.length; r++) {
      const cells = table[r] as string[];
      const get = (i: number) => (cells[col[i] as number] ?? '').trim();
      const at = `第 ${r + 1} 行：`;
      const org = orgs.find((o) => o.name === get(0));
      if (!org) errors.push({ code: 'figures_org_unknown', message: `${at}机构“${get(0)}”不存在。`, field: 'file' });
      else if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, FIGURE_EDITORS, org.path))
        errors.push({ code: 'figures_org_forbidden', message: `${at}您不能填报“${org.name}”的数据。`, field: 'file' });
      const year = Number(get(1));
      if (!/^\d{4}$/.test(get(1)) || year < 2008 || year > 2100)
        errors.push({ code: 'figure_year_invalid', message: `${at}年度“${get(1)}”无效。`, field: 'file' });
      const v = validateFigures({ licensing: get(2), penalties: get(3), enforcement: get(4), feesWan: get(5) });
      errors.push(...v.errors.map((e) => ({ code: e.code, message: at + e.message, field: 'file' })));
      if (org && v.values && !errors.length) ok.push({ orgId: org.id, year, values: v.values });
    }
    if (errors.length) throw new AppError('invalid', errors);
    const now = ctx.now().toISOString();
    for (const { orgId, year, values } of ok) {
      await trx
        .insertInto('annual_figures')
        .values({ ...values, org_id: orgId, year, updated_at: now, updated_by: ctx.actor.userId })
        .onConflict((oc) =>
          oc.columns(['org_id', 'year']).doUpdateSet({ ...values, updated_at: now, updated_by: ctx.actor.userId }),
        )
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: 'catalog.annual_figures_import',
      subjectType: 'annual_figures',
      summary: `导入表二数据 ${ok.length} 行（${[...new Set(ok.map((o) => o.year))].join('、')} 年）`,
    });
    return ok.length;
  });
}
