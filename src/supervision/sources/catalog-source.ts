/**
 * Figures of 主动公开 (the catalogue): items published in the period and the share published within
 * 20 working days of their 生成日期 (条例第二十六条; only 主动公开 items count), and 政策文件未解读 as of
 * today. Read through catalog/catalog-figures.ts.
 */
import { proactiveCounts, proactivePublishedByMonth, uninterpretedCounts } from '../../catalog/index.js';
import { bump, share, type Counts, type FigureSource } from '../figure-source.js';

/** The catalogue source (read queries of src/catalog, aggregates only). */
export const catalogSource: FigureSource = {
  key: 'catalog',
  label: '主动公开',
  columns: [
    {
      key: 'items_published',
      label: '发布信息',
      format: 'int',
      public: true,
      link: (orgId) => `/console/items?status=published&orgId=${orgId}`,
    },
    { key: 'items_on_time_rate', label: '20个工作日内公开率', format: 'pct', public: true },
    {
      key: 'items_uninterpreted',
      label: '政策文件未解读',
      format: 'int',
      link: (orgId) => `/console/items/uninterpreted?org=${orgId}`,
    },
  ],
  async collect(db, q) {
    const m = new Map<number, Counts>();
    for (const r of await proactiveCounts(db, q)) {
      bump(m, r.orgId, 'published', r.published);
      bump(m, r.orgId, 'timed', r.timed);
      bump(m, r.orgId, 'on_time', r.onTime);
    }
    // Every agency's count: orgs outside the scope are dropped when the counts are rolled up into rows.
    for (const r of await uninterpretedCounts(db, q)) bump(m, r.orgId, 'uninterpreted', r.n);
    return m;
  },
  // 20个工作日内公开率 without a base (nothing published, or creation days the calendar cannot count): shown as —.
  figures: (c) => ({
    items_published: c.published ?? 0,
    items_on_time_rate: share(c.on_time, c.timed),
    items_uninterpreted: c.uninterpreted ?? 0,
  }),
  monthlyLabel: '发布信息',
  monthly: (db, q) => proactivePublishedByMonth(db, q),
};
