import type { Db } from '../platform/db/schema.js';
import { listOrgs, type OrgRow } from '../orgs/index.js';
import { checkIdentities } from './identities.rules.js';
import { formatForYear } from './create-report.js';
import { sumTables } from './summary.rules.js';
import { listReports, rowTables, type ReportListRow } from './reports.store.js';
import type { ReportTables } from './report-format.rules.js';

const REPORTING_KINDS = new Set(['province', 'city', 'county', 'agency', 'township']);

/** One line of the supervising office's status table. */
export interface SummaryLine {
  org: OrgRow;
  report: ReportListRow | null;
  consistent: boolean | null;
}

/** Every reporting organisation under the paths with its report of the year, and the summed tables. */
export async function jurisdictionSummary(
  db: Db,
  paths: string[],
  year: number,
): Promise<{ lines: SummaryLine[]; tables: ReportTables; counted: number; published: number }> {
  const orgs = (await listOrgs(db, { underPaths: paths })).filter((o) => REPORTING_KINDS.has(o.kind));
  const reports = await listReports(db, { underPaths: paths, year });
  const byOrg = new Map(reports.map((r) => [r.org_id, r]));
  const parsed = new Map(reports.map((r) => [r.id, rowTables(r)]));
  const { tables, counted } = sumTables(formatForYear(year), [...parsed.values()]);
  const lines = orgs.map((org) => {
    const report = byOrg.get(org.id) ?? null;
    return { org, report, consistent: report ? checkIdentities(parsed.get(report.id)!).length === 0 : null };
  });
  return { lines, tables, counted, published: reports.filter((r) => r.status === 'published').length };
}
