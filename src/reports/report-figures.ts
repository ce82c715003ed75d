/**
 * Named read query of 年度报告 figures for other capabilities (the supervision dashboard): the status of
 * each agency's report of a year. Reading only: no audit.
 */
import type { Db } from '../platform/db/schema.js';
import { listReports } from './reports.store.js';

/** The status of the annual report of `year` per agency of the subtrees (agencies without a report are not listed). */
export async function reportStatuses(
  db: Db,
  q: { paths: readonly string[]; year: number },
): Promise<Array<{ orgId: number; published: boolean }>> {
  const rows = await listReports(db, { underPaths: [...q.paths], year: q.year });
  return rows.map((r) => ({ orgId: r.org_id, published: r.status === 'published' }));
}
