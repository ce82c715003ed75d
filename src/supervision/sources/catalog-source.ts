/**
 * Figures of 主动公开 (the catalogue): items published in the period and the share published within
 * 20 working days of their 生成日期 (条例第二十六条; only 主动公开 items count). The due date of each
 * creation day comes from the calendar (catalogue rules) and is joined in SQL, so the database does the
 * counting (through a keyed temporary table); an item created more than a year before its publication is late whatever the calendar says.
 */
import { sql } from 'kysely';
import { tx } from '../../platform/tx.js';
import { dialectOf } from '../../platform/db/dialect-sql.js';
import { addDays } from '../../platform/dates.js';
import { disclosureDue } from '../../catalog/timeliness.rules.js';
import { PROACTIVE } from '../../catalog/catalog-labels.rules.js';
import { uninterpretedPublishedBy } from '../../catalog/interpretation-due.rules.js';
import type { WorkCalendar } from '../../calendar/calendar.rules.js';
import { bump, guarded, share, type Counts, type FigureSource } from '../figure-source.js';
import { monthEnd, pathScope } from './sql-scope.js';

/** (生成日期, due date) pairs for creation days from a year before `from` to `to`; days the calendar cannot count are left out. */
export function dueTable(cal: WorkCalendar, from: string, to: string): { cutoff: string; pairs: Array<[string, string]> } {
  const cutoff = addDays(from, -366);
  const pairs: Array<[string, string]> = [];
  for (let d = cutoff; d <= to; d = addDays(d, 1)) {
    try {
      pairs.push([d, disclosureDue(cal, d)]);
    } catch {
      // year missing from the calendar: not counted either way
    }
  }
  return { cutoff, pairs };
}

/** The catalogue source (items of src/catalog, read-only aggregates). */
export const catalogSource: FigureSource = {
  key: 'catalog',
  label: '主动公开',
  columns: [
    { key: 'items_published', label: '发布信息', format: 'int', public: true, link: (orgId) => `/console/items?status=published&orgId=${orgId}` },
    { key: 'items_on_time_rate', label: '20个工作日内公开率', format: 'pct', public: true },
    { key: 'items_uninterpreted', label: '政策文件未解读', format: 'int', link: (orgId) => `/console/items/uninterpreted?org=${orgId}` },
  ],
  async collect(db, q) {
    return guarded(() =>
      tx({ db }, async (trx) => {
        const m = new Map<number, Counts>();
        const { cutoff, pairs } = dueTable(q.cal, q.from, q.to);
        // A keyed temporary table: joining a VALUES list is not indexed and would scan it per item.
        const pg = dialectOf(trx) === 'postgres';
        await sql`create temp table if not exists supervision_due (c text primary key, d text not null) ${pg ? sql`on commit drop` : sql``}`.execute(trx);
        await sql`delete from supervision_due`.execute(trx);
        for (let i = 0; i < pairs.length; i += 400) {
          await sql`insert into supervision_due (c, d) values ${sql.join(pairs.slice(i, i + 400).map(([c, d]) => sql`(${c}, ${d})`))}`.execute(trx);
        }
        const rows = await sql<{ org_id: number; n: number | string; timed: number | string; on_time: number | string }>`
          select i.org_id, count(*) as n,
            sum(case when due.d is not null or i.created_on < ${cutoff} then 1 else 0 end) as timed,
            sum(case when due.d is not null and i.published_on <= due.d then 1 else 0 end) as on_time
          from items i join orgs o on o.id = i.org_id left join supervision_due due on due.c = i.created_on
          where ${pathScope(q.paths)} and i.status = 'published' and i.disclosure_mode = ${PROACTIVE} and i.published_on between ${q.from} and ${q.to}
          group by i.org_id`.execute(trx);
        for (const r of rows.rows) {
          bump(m, r.org_id, 'published', Number(r.n));
          bump(m, r.org_id, 'timed', Number(r.timed));
          bump(m, r.org_id, 'on_time', Number(r.on_time));
        }
        return m;
      }),
    ).then(async (m) => {
      if (!m) return m;
      // 政策文件未解读 as of today, the one definition of catalog/interpretation-due.rules.ts (the console list uses it too).
      // Two queries so that each uses an index: 规章/规范性文件 through the partial index
      // supervision_items_policy, and the other items filed under a 政策文件 category through items_category
      // (`status || ''` keeps the planners off the status indexes). No org join: orgs outside the scope
      // are dropped when the counts are rolled up into rows.
      const notLinked = sql`not exists (select 1 from item_links l where l.document_id = i.id) and i.published_on <= ${uninterpretedPublishedBy(q.cal, q.today)}`;
      const u = await guarded(async () => [
        ...(
          await sql<{ org_id: number; n: number | string }>`
            select i.org_id, count(*) as n from items i
            where (i.is_normative = 1 or i.is_rule = 1) and i.status || '' = 'published' and ${notLinked}
            group by i.org_id`.execute(db)
        ).rows,
        ...(
          await sql<{ org_id: number; n: number | string }>`
            select i.org_id, count(*) as n from catalog_categories c cross join items i
            where i.category_id = c.id and c.name = ${'政策文件'} and i.status || '' = 'published' and i.is_normative = 0 and i.is_rule = 0 and ${notLinked}
            group by i.org_id`.execute(db)
        ).rows,
      ]);
      for (const r of u ?? []) bump(m, r.org_id, 'uninterpreted', Number(r.n));
      if (!u) for (const c of m.values()) c.uninterpreted_unknown = 1;
      return m;
    });
  },
  figures: (c) => ({ items_published: c.published ?? 0, items_on_time_rate: share(c.on_time, c.timed), items_uninterpreted: c.uninterpreted_unknown ? null : (c.uninterpreted ?? 0) }),
  monthlyLabel: '发布信息',
  async monthly(db, q) {
    return guarded(async () => {
      const r = await sql<{ m: string; n: number | string }>`
        select substr(i.published_on, 1, 7) as m, count(*) as n from items i join orgs o on o.id = i.org_id
        where ${pathScope(q.paths)} and i.status = 'published' and i.disclosure_mode = ${PROACTIVE} and i.published_on between ${`${q.fromMonth}-01`} and ${monthEnd(q.toMonth)}
        group by substr(i.published_on, 1, 7)`.execute(db);
      return new Map(r.rows.map((x) => [x.m, Number(x.n)]));
    });
  },
};
