/**
 * Status of the annual report (条例第四十九条: published by 31 January). The annual-report capability
 * has no tables yet: the query is guarded and the column shows “暂无数据” until an `annual_reports`
 * table with (org_id, year, status) exists.
 */
import { sql } from 'kysely';
import { bump, guarded, type Counts, type FigureSource } from '../figure-source.js';
import { pathScope } from './sql-scope.js';

/** The annual-report source (guarded). */
export const reportsSource: FigureSource = {
  key: 'reports',
  label: '年度报告',
  columns: [{ key: 'report_published', label: '上年度年报', format: 'text' }],
  async collect(db, q) {
    return guarded(async () => {
      const m = new Map<number, Counts>();
      const year = Number(q.to.slice(0, 4)) - 1;
      const rows = await sql<{ org_id: number; status: string }>`
        select a.org_id, a.status from annual_reports a join orgs o on o.id = a.org_id where ${pathScope(q.paths)} and a.year = ${year}`.execute(db);
      for (const r of rows.rows) bump(m, r.org_id, r.status === 'published' ? 'published' : 'draft', 1);
      return m;
    });
  },
  figures: (c) => ({ report_published: c.published ? 1 : c.draft ? 0 : null }),
};
