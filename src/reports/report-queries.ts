/** Read queries of annual reports and pre-2019 统计表 for the console pages (no page reaches the stores itself). */
import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { rolesAllow } from '../orgs/index.js';
import { REPORT_VIEW_ROLES } from './report-workflow.rules.js';
import { findReport, getReport, listReports, rowTables, type ReportListRow, type ReportRow } from './reports.store.js';
import { findLegacyStats, listLegacyStats, rowLegacyValues, type LegacyStatsRow } from './legacy-stats.store.js';

export { rowTables, rowLegacyValues, type LegacyStatsRow, type ReportListRow, type ReportRow };

/** A report the reader may see (drafts included): 404 when there is none, 403 outside the reader's view. */
export async function reportForStaff(ctx: Pick<Ctx, 'db' | 'actor'>, id: number): Promise<ReportListRow> {
  const r = await getReport(ctx.db, id);
  if (!r) throw notFound('report_not_found', '年度报告不存在。');
  if (!rolesAllow(ctx.actor, REPORT_VIEW_ROLES, r.org_path)) throw forbidden();
  return r;
}

/** A report as stored now (after a failed action, to show it again), or undefined. */
export const reportById = (ctx: Pick<Ctx, 'db'>, id: number): Promise<ReportListRow | undefined> =>
  getReport(ctx.db, id);

/** The organisation's report of the year before (for the carry-over check), or undefined. */
export const previousYearReport = (
  ctx: Pick<Ctx, 'db'>,
  r: Pick<ReportRow, 'org_id' | 'year'>,
): Promise<ReportRow | undefined> => findReport(ctx.db, r.org_id, r.year - 1);

/** Reports under the subtrees, of one organisation, year or statuses (all when no filter is given). */
export const reportsWithin = (
  ctx: Pick<Ctx, 'db'>,
  f: { underPaths?: string[]; year?: number; statuses?: string[]; orgId?: number } = {},
): Promise<ReportListRow[]> => listReports(ctx.db, f);

/** An organisation's pre-2019 统计表 of a year, or undefined. */
export const legacyStatsOf = (ctx: Pick<Ctx, 'db'>, orgId: number, year: number): Promise<LegacyStatsRow | undefined> =>
  findLegacyStats(ctx.db, orgId, year);

/** Every pre-2019 统计表 of an organisation. */
export const legacyStatsYears = (ctx: Pick<Ctx, 'db'>, orgId: number): Promise<LegacyStatsRow[]> =>
  listLegacyStats(ctx.db, orgId);
