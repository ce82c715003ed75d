/**
 * Named read queries of 主动公开 figures and site facts for other capabilities (the supervision
 * dashboard, the daily digest, the website check): counts per agency over subtrees. Reading only: no audit.
 *
 * Timeliness (条例第二十六条): an item is on time when published within 20 working days of its 生成日期.
 * The due date of each creation day comes from the calendar (timeliness.rules.ts) and is joined in SQL
 * through a keyed temporary table, so the database does the counting; an item created more than a year
 * before its publication is late whatever the calendar says.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { tx } from '../platform/tx.js';
import { dialectOf } from '../platform/db/dialect-sql.js';
import { addDays } from '../platform/dates.js';
import type { WorkCalendar } from '../calendar/index.js';
import { disclosureDue } from './timeliness.rules.js';
import { PROACTIVE } from './catalog-labels.rules.js';
import { uninterpretedPublishedBy } from './interpretation-due.rules.js';
import { ITEM_STATUSES, type ItemStatus } from './item-workflow.rules.js';
import './catalog.tables.js';

/** Subtrees (materialised paths of orgs) to count in. */
export interface CatalogScope {
  paths: readonly string[];
}

/** `(o.path like 'p1%' or …)` for the orgs alias `o`. */
function pathScope(paths: readonly string[]): RawBuilder<unknown> {
  if (!paths.length) return sql`1 = 0`;
  return sql`(${sql.join(
    paths.map((p) => sql`o.path like ${`${p}%`}`),
    sql` or `,
  )})`;
}
const n = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);

/** States of an item not yet published (and not withdrawn): its 20 working days are still running. */
export const UNPUBLISHED_STATUSES: readonly ItemStatus[] = ITEM_STATUSES.filter(
  (s) => s !== 'published' && s !== 'withdrawn',
);

/** (生成日期, due date) pairs for creation days from a year before `from` to `to`; days the calendar cannot count are left out. */
export function dueTable(
  cal: WorkCalendar,
  from: string,
  to: string,
): { cutoff: string; pairs: Array<[string, string]> } {
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

/** 主动公开 items published in a period per agency: how many, how many could be timed, how many on time. */
export interface ProactiveCounts {
  orgId: number;
  published: number;
  /** Items whose due date is known (or created more than a year before): the base of the on-time share. */
  timed: number;
  onTime: number;
}

/** 主动公开 items published in [from, to] per agency, with the 20-working-day timeliness. */
export async function proactiveCounts(
  db: Db,
  q: CatalogScope & { from: string; to: string; cal: WorkCalendar },
): Promise<ProactiveCounts[]> {
  if (!q.paths.length) return [];
  return tx({ db }, async (trx) => {
    const { cutoff, pairs } = dueTable(q.cal, q.from, q.to);
    // A keyed temporary table: joining a VALUES list is not indexed and would scan it per item.
    const pg = dialectOf(trx) === 'postgres';
    await sql`create temp table if not exists supervision_due (c text primary key, d text not null) ${pg ? sql`on commit drop` : sql``}`.execute(
      trx,
    );
    await sql`delete from supervision_due`.execute(trx);
    for (let i = 0; i < pairs.length; i += 400) {
      await sql`insert into supervision_due (c, d) values ${sql.join(pairs.slice(i, i + 400).map(([c, d]) => sql`(${c}, ${d})`))}`.execute(
        trx,
      );
    }
    const rows = await sql<{ org_id: number; n: number | string; timed: number | string; on_time: number | string }>`
      select i.org_id, count(*) as n,
        sum(case when due.d is not null or i.created_on < ${cutoff} then 1 else 0 end) as timed,
        sum(case when due.d is not null and i.published_on <= due.d then 1 else 0 end) as on_time
      from items i join orgs o on o.id = i.org_id left join supervision_due due on due.c = i.created_on
      where ${pathScope(q.paths)} and i.status = 'published' and i.disclosure_mode = ${PROACTIVE} and i.published_on between ${q.from} and ${q.to}
      group by i.org_id`.execute(trx);
    return rows.rows.map((r) => ({ orgId: r.org_id, published: n(r.n), timed: n(r.timed), onTime: n(r.on_time) }));
  });
}

/**
 * 政策文件未解读 per agency as of `today`, the one definition of interpretation-due.rules.ts (the console
 * list uses it too). Every agency: callers drop those outside their scope. Two queries so that each uses
 * an index: 规章/规范性文件 through the partial index supervision_items_policy, and the other items filed
 * under a 政策文件 category through items_category (`status || ''` keeps the planners off the status indexes).
 */
export async function uninterpretedCounts(
  db: Db,
  q: { today: string; cal: WorkCalendar },
): Promise<Array<{ orgId: number; n: number }>> {
  const notLinked = sql`not exists (select 1 from item_links l where l.document_id = i.id) and i.published_on <= ${uninterpretedPublishedBy(q.cal, q.today)}`;
  const rules = await sql<{ org_id: number; n: number | string }>`
    select i.org_id, count(*) as n from items i
    where (i.is_normative = 1 or i.is_rule = 1) and i.status || '' = 'published' and ${notLinked}
    group by i.org_id`.execute(db);
  const filed = await sql<{ org_id: number; n: number | string }>`
    select i.org_id, count(*) as n from catalog_categories c cross join items i
    where i.category_id = c.id and c.name = ${'政策文件'} and i.status || '' = 'published' and i.is_normative = 0 and i.is_rule = 0 and ${notLinked}
    group by i.org_id`.execute(db);
  return [...rules.rows, ...filed.rows].map((r) => ({ orgId: r.org_id, n: n(r.n) }));
}

/** 主动公开 items published per month (YYYY-MM → n) from the first day of `fromMonth` to the end of `toMonth`. */
export async function proactivePublishedByMonth(
  db: Db,
  q: CatalogScope & { fromMonth: string; toMonth: string },
): Promise<Map<string, number>> {
  if (!q.paths.length) return new Map();
  const r = await sql<{ m: string; n: number | string }>`
    select substr(i.published_on, 1, 7) as m, count(*) as n from items i join orgs o on o.id = i.org_id
    where ${pathScope(q.paths)} and i.status = 'published' and i.disclosure_mode = ${PROACTIVE} and i.published_on between ${`${q.fromMonth}-01`} and ${`${q.toMonth}-31`}
    group by substr(i.published_on, 1, 7)`.execute(db);
  return new Map(r.rows.map((x) => [x.m, n(x.n)]));
}

/** Unpublished 主动公开 items of the subtrees created on or before `createdBy` (their 20 working days end by then). */
export async function unpublishedCreatedBy(db: Db, q: CatalogScope & { createdBy: string }): Promise<number> {
  if (!q.paths.length) return 0;
  const r = await sql<{ n: number | string }>`
    select count(*) as n from items i join orgs o on o.id = i.org_id
    where ${pathScope(q.paths)} and i.disclosure_mode = ${PROACTIVE} and i.status in (${sql.join(UNPUBLISHED_STATUSES.map((s) => sql`${s}`))}) and i.created_on <= ${q.createdBy}`.execute(
    db,
  );
  return n(r.rows[0]?.n);
}

// --- facts of one agency's pages (the website check) -------------------------------------------

/** The agency and every org below it, for the alias `o` of the item's org (`a` is the agency). */
const inAgency = (orgId: number) => sql`join orgs a on o.path like a.path || '%' where a.id = ${orgId}`;

/** Each 公开目录 category of the agency with its latest 主动公开 publication, its published items and those without a 发布日期. */
export async function categoryFacts(
  db: Db,
  orgId: number,
): Promise<Array<{ id: number; name: string; lastPublished: string | null; items: number; undated: number }>> {
  const r = await sql<{
    id: number;
    name: string;
    last: string | null;
    n: number | string;
    undated: number | string | null;
  }>`
    select c.id, c.name, max(i.published_on) as last, count(i.id) as n,
      sum(case when i.id is not null and i.published_on is null then 1 else 0 end) as undated
    from catalog_categories c left join items i on i.category_id = c.id and i.status = 'published' and i.disclosure_mode = ${PROACTIVE}
    where c.org_id = ${orgId} group by c.id, c.name order by c.id`.execute(db);
  return r.rows.map((c) => ({ id: c.id, name: c.name, lastPublished: c.last, items: n(c.n), undated: n(c.undated) }));
}

/** The latest 发布日期 of a 主动公开 item of the agency's subtree (its home page), null when none is published. */
export async function lastProactivePublished(db: Db, orgId: number): Promise<string | null> {
  const r = await sql<{ last: string | null }>`
    select max(i.published_on) as last from items i join orgs o on o.id = i.org_id ${inAgency(orgId)}
    and i.status = 'published' and i.disclosure_mode = ${PROACTIVE}`.execute(db);
  return r.rows[0]?.last ?? null;
}

/** Bodies of the published items of the agency's subtree that contain any of `fragments` (to find links in them). */
export async function publishedBodiesContaining(
  db: Db,
  orgId: number,
  fragments: readonly string[],
): Promise<string[]> {
  if (!fragments.length) return [];
  const any = sql.join(
    fragments.map((f) => sql`i.body_html like ${`%${f}%`}`),
    sql` or `,
  );
  const r = await sql<{ body_html: string }>`
    select i.body_html from items i join orgs o on o.id = i.org_id ${inAgency(orgId)} and i.status = 'published' and (${any})`.execute(
    db,
  );
  return r.rows.map((b) => b.body_html);
}

/** Which of the item ids are published (the others are broken link targets). */
export async function publishedItemIds(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const r = await db
    .selectFrom('items')
    .select('id')
    .where('status', '=', 'published')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(r.map((x) => Number(x.id)));
}

/** SHA-256 of the files behind the published attachments of the agency's subtree. */
export async function publishedAttachmentHashes(db: Db, orgId: number): Promise<string[]> {
  const r = await sql<{ sha256: string }>`
    select f.sha256 from item_attachments t join catalog_files f on f.id = t.file_id join items i on i.id = t.item_id
    join orgs o on o.id = i.org_id ${inAgency(orgId)} and i.status = 'published'`.execute(db);
  return r.rows.map((x) => x.sha256);
}

/** Agencies that have a 公开目录 (at least one category), by id. */
export async function agenciesWithCategories(db: Db): Promise<number[]> {
  const r = await db.selectFrom('catalog_categories').select('org_id').distinct().orderBy('org_id').execute();
  return r.map((x) => x.org_id);
}

/** The categories of an agency's 公开目录 in their order (id and name). */
export async function categoryNames(db: Db, orgId: number): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('catalog_categories')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}
