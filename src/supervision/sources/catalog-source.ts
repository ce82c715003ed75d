/** Figures of 主动公开 (the catalogue): items published in the period and the share within 20 working days (条例第二十六条). */
import { sql } from 'kysely';
import { disclosureDue } from '../../catalog/timeliness.rules.js';
import { bump, guarded, share, type Counts, type FigureSource } from '../figure-source.js';
import { monthEnd, pathScope } from './sql-scope.js';

/** The catalogue source (items of src/catalog, read-only aggregates). */
export const catalogSource: FigureSource = {
  key: 'catalog',
  label: '主动公开',
  columns: [
    { key: 'items_published', label: '发布信息', format: 'int', public: true, link: (orgId) => `/console/items?status=published&orgId=${orgId}` },
    { key: 'items_on_time_rate', label: '20个工作日内公开率', format: 'pct', public: true },
  ],
  async collect(db, q) {
    return guarded(async () => {
      const m = new Map<number, Counts>();
      const rows = await sql<{ org_id: number; created_on: string; published_on: string; n: number | string }>`
        select i.org_id, i.created_on, i.published_on, count(*) as n from items i join orgs o on o.id = i.org_id
        where ${pathScope(q.paths)} and i.status = 'published' and i.published_on between ${q.from} and ${q.to}
        group by i.org_id, i.created_on, i.published_on`.execute(db);
      const dueCache = new Map<string, string | null>();
      for (const r of rows.rows) {
        const n = Number(r.n);
        bump(m, r.org_id, 'published', n);
        let due = dueCache.get(r.created_on);
        if (due === undefined) {
          try {
            due = disclosureDue(q.cal, r.created_on);
          } catch {
            due = null;
          }
          dueCache.set(r.created_on, due);
        }
        if (due !== null) {
          bump(m, r.org_id, 'timed', n);
          if (r.published_on <= due) bump(m, r.org_id, 'on_time', n);
        }
      }
      return m;
    });
  },
  figures: (c) => ({ items_published: c.published ?? 0, items_on_time_rate: share(c.on_time, c.timed) }),
  monthlyLabel: '发布信息',
  async monthly(db, q) {
    return guarded(async () => {
      const r = await sql<{ m: string; n: number | string }>`
        select substr(i.published_on, 1, 7) as m, count(*) as n from items i join orgs o on o.id = i.org_id
        where ${pathScope(q.paths)} and i.status = 'published' and i.published_on between ${`${q.fromMonth}-01`} and ${monthEnd(q.toMonth)}
        group by substr(i.published_on, 1, 7)`.execute(db);
      return new Map(r.rows.map((x) => [x.m, Number(x.n)]));
    });
  },
};
