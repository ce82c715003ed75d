/** Read queries of published annual reports (anyone may read them). */
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import type { ReportTables } from './report-format.rules.js';
import { getReport, listReports, rowTables, type ReportListRow } from './reports.store.js';

/** Published reports, of one year when given. */
export const publishedReports = (ctx: Ctx, year?: number): Promise<ReportListRow[]> => listReports(ctx.db, { statuses: ['published'], year });

/** One published report with its tables; 404 when it does not exist or is not published. */
export async function publishedReport(ctx: Ctx, id: number): Promise<{ report: ReportListRow; tables: ReportTables }> {
  const report = await getReport(ctx.db, id);
  if (!report || report.status !== 'published') throw notFound('report_not_found', '年度报告不存在或尚未发布。');
  return { report, tables: rowTables(report) };
}
