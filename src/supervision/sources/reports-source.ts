/** Status of the annual report of the year before the period's end (条例第四十九条: published by 31 January). */
import { reportStatuses } from '../../reports/index.js';
import { bump, type Counts, type FigureSource } from '../figure-source.js';

/** The annual-report source (read query of src/reports). */
export const reportsSource: FigureSource = {
  key: 'reports',
  label: '年度报告',
  columns: [{ key: 'report_published', label: '上年度年报', format: 'text' }],
  async collect(db, q) {
    const m = new Map<number, Counts>();
    for (const r of await reportStatuses(db, { paths: q.paths, year: Number(q.to.slice(0, 4)) - 1 }))
      bump(m, r.orgId, r.published ? 'published' : 'draft', 1);
    return m;
  },
  // Legitimately absent: an agency (or a row whose agencies) has no report of the year yet: shown as —.
  figures: (c) => ({ report_published: c.published ? 1 : c.draft ? 0 : null }),
};
