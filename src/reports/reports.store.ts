import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { AnnualReportsTable } from './reports.tables.js';
import type { ReportTables } from './report-format.rules.js';
import './reports.tables.js';

export type ReportRow = Selectable<AnnualReportsTable>;

/** A report row with its organisation's name, kind and path. */
export type ReportListRow = ReportRow & { org_name: string; org_kind: string; org_path: string };

/** The tables of a report row. */
export const rowTables = (r: Pick<ReportRow, 'tables_json'>): ReportTables => JSON.parse(r.tables_json) as ReportTables;

/** One report by id, with its organisation. */
export const getReport = (db: Db, id: number): Promise<ReportListRow | undefined> =>
  db
    .selectFrom('annual_reports as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select(['o.name as org_name', 'o.kind as org_kind', 'o.path as org_path'])
    .where('r.id', '=', id)
    .executeTakeFirst();

/** The report of an organisation for a year. */
export const findReport = (db: Db, orgId: number, year: number): Promise<ReportRow | undefined> =>
  db.selectFrom('annual_reports').selectAll().where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();

/** Reports in subtrees (all when paths is undefined), optionally of one year or status, newest year first. */
export async function listReports(
  db: Db,
  opts: { underPaths?: string[]; year?: number; statuses?: string[]; orgId?: number } = {},
): Promise<ReportListRow[]> {
  let q = db
    .selectFrom('annual_reports as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select(['o.name as org_name', 'o.kind as org_kind', 'o.path as org_path']);
  if (opts.underPaths) {
    const paths = opts.underPaths;
    if (!paths.length) return [];
    q = q.where((eb) => eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`))));
  }
  if (opts.year) q = q.where('r.year', '=', opts.year);
  if (opts.orgId) q = q.where('r.org_id', '=', opts.orgId);
  if (opts.statuses?.length) q = q.where('r.status', 'in', opts.statuses);
  return q.orderBy('r.year', 'desc').orderBy('o.path').execute();
}

/** Inserts a report. */
export async function insertReport(db: Db, row: Insertable<AnnualReportsTable>): Promise<number> {
  const r = await db.insertInto('annual_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a report. */
export async function updateReportRow(db: Db, id: number, patch: Updateable<AnnualReportsTable>): Promise<void> {
  await db.updateTable('annual_reports').set(patch).where('id', '=', id).execute();
}
