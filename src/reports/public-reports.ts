/** Published annual reports as the public reads them (the portal reads through these, not the store). */
import type { Db } from '../platform/db/schema.js';
import { getReport, listReports, type ReportListRow } from './reports.store.js';

export { rowTables, type ReportListRow } from './reports.store.js';

/** Published reports, of one agency or all. */
export const publishedReports = (db: Db, orgId?: number): Promise<ReportListRow[]> => listReports(db, { statuses: ['published'], orgId });

/** One published report, or undefined (unknown or not published). */
export async function publishedReport(db: Db, id: number): Promise<ReportListRow | undefined> {
  const r = await getReport(db, id);
  return r?.status === 'published' ? r : undefined;
}
