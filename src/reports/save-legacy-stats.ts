import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { getOrg, rolesAllow } from '../orgs/index.js';
import {
  LEGACY_FIRST_YEAR,
  LEGACY_LAST_YEAR,
  LEGACY_TITLE,
  legacyWarnings,
  parseLegacyValues,
  type LegacyError,
} from './legacy-stats.rules.js';
import { REPORT_EDIT_ROLES, REPORT_REVIEW_ROLES, REPORT_SOURCE } from './report-workflow.rules.js';
import { upsertLegacyStats } from './legacy-stats.store.js';

/** Input: the figures of one year's 统计表, typed in or read from a file. */
export interface SaveLegacyStatsInput {
  orgId: number;
  year: number;
  values: Record<string, string | number | null | undefined>;
  source: 'entered' | 'imported';
}

/**
 * Saves (creates or replaces) an organisation's pre-2019 《政府信息公开情况统计表》 for a year 2008–2018
 * (REFERENCE §2.3), for the history of its reports. Agency report staff or the supervising office.
 * Returns the soft-check warnings (saved anyway: published tables are kept as published).
 */
export async function saveLegacyStats(
  ctx: Ctx,
  input: SaveLegacyStatsInput,
): Promise<{ id: number; replaced: boolean; warnings: LegacyError[] }> {
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.year) || input.year < LEGACY_FIRST_YEAR || input.year > LEGACY_LAST_YEAR)
    errors.push({
      code: 'year_invalid',
      field: 'year',
      message: `统计表的年度应为 ${LEGACY_FIRST_YEAR} 至 ${LEGACY_LAST_YEAR} 之间的年份（2019 年起使用年度报告格式）。`,
    });
  const parsed = parseLegacyValues(input.values);
  errors.push(...parsed.errors);
  if (input.source !== 'entered' && input.source !== 'imported')
    errors.push({ code: 'source_invalid', field: 'source', message: '数据来源应为手工录入或从文件导入。' });
  if (errors.length || !parsed.values) throw invalidFields(errors);
  const values = parsed.values;
  return tx(ctx, async (trx) => {
    const org = await getOrg(trx, input.orgId);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, [...REPORT_EDIT_ROLES, ...REPORT_REVIEW_ROLES], org.path))
      throw forbidden();
    const { id, replaced } = await upsertLegacyStats(trx, {
      org_id: org.id,
      year: input.year,
      source: input.source,
      values_json: JSON.stringify(values),
      created_by: ctx.actor.userId,
      now: ctx.now().toISOString(),
    });
    await writeAudit(trx, ctx, {
      action: 'report.legacy_save',
      subjectType: 'legacy_report_stats',
      subjectId: id,
      orgId: org.id,
      summary: `${replaced ? '修改' : '录入'}「${org.name}」${input.year}年度${LEGACY_TITLE}（${REPORT_SOURCE[input.source]}）`,
    });
    return { id, replaced, warnings: legacyWarnings(values) };
  });
}
