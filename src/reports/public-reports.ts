/** Read queries of published annual reports (anyone may read them; portal and API read through these). */
import type { Db } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import type { ReportTables } from './report-format.rules.js';
import { getReport, listReports, rowTables, type ReportListRow } from './reports.store.js';

export { rowTables, type ReportListRow };

/** Published reports, of one agency and/or one year when given. */
export const publishedReports = (db: Db, f: { orgId?: number; year?: number } = {}): Promise<ReportListRow[]> =>
  listReports(db, { statuses: ['published'], orgId: f.orgId, year: f.year });

/** One published report, or undefined (unknown or not published). */
export async function publishedReport(db: Db, id: number): Promise<ReportListRow | undefined> {
  const r = await getReport(db, id);
  return r?.status === 'published' ? r : undefined;
}

/** One published report with its tables; 404 when it does not exist or is not published. */
export async function publishedReportTables(
  db: Db,
  id: number,
): Promise<{ report: ReportListRow; tables: ReportTables }> {
  const report = await publishedReport(db, id);
  if (!report) throw notFound('report_not_found', '年度报告不存在或尚未发布。');
  return { report, tables: rowTables(report) };
}
