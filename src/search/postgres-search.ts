/**
 * PostgreSQL implementation: the bigram tokens in a generated `tsvector` column (title weight A, body
 * weight D) with a GIN index; phrases use `<->`, ranking is ts_rank normalized by length (tsRank).
 *
 * tsvector positions stop at 16383, so in very long documents `<->` can miss a phrase that is there:
 * the index answers the AND of the tokens, and the phrase is accepted either by `<->` or by an exact
 * substring check on the normalized text.
 */
import { sql, type RawBuilder } from 'kysely';
import { matches, titleMatches, tsRank } from './postgres-match.js';
import type { Db } from '../platform/db/schema.js';
import { approx, makeProvider, WINDOW, type DialectSearch } from './search-engine.js';
import { postgresPage } from './postgres-page.js';
import type { SearchProvider } from './search.types.js';

/** An index estimate above 1/DENSE of the documents: the window walks ids backwards. */
const DENSE = 8;
/** Id ranges up to cap × this are scanned inside the GIN index (btree_gin), wider ones by the rows. */
const IN_INDEX_SPAN = 32;

/**
 * The newest `cap` ids of search_texts meeting `cond` (newest first), or null when fewer match (with
 * `partial`: those there are). A narrow id range is scanned inside the GIN index (it holds the id),
 * widened ×8 while it holds fewer than `cap` matches; past IN_INDEX_SPAN the range would cost the index
 * more than testing every match's row, so the last step is the whole table.
 */
async function newestIds(
  h: Db,
  cond: RawBuilder<boolean>,
  cap: number,
  max: number,
  partial = false,
  firstSpan = cap * 4,
): Promise<number[] | null> {
  for (let span = firstSpan; ; span *= 8) {
    const whole = span > cap * IN_INDEX_SPAN || span >= max;
    const r = await sql<{
      id: number;
    }>`select id from search_texts where ${cond} and ${whole ? sql`true` : sql`id > ${max - span}`} order by id desc limit ${cap}`.execute(
      h,
    );
    if (r.rows.length >= cap || (whole && partial)) return r.rows.map((x) => Number(x.id));
    if (whole) return null;
  }
}

/** The highest id during one search (read up to three times per search; forgotten when a search starts). */
const MAX_IDS = new WeakMap<Db, number>();

/** The highest id, read from the primary key (search transactions turn plain index scans off). */
async function maxId(h: Db): Promise<number> {
  const known = MAX_IDS.get(h);
  if (known !== undefined) return known;
  // (set_config() inside the statement would come too late: the planner reads the settings first.)
  await sql`set local enable_indexscan = on`.execute(h);
  const r = await sql<{ m: number }>`select coalesce(max(id), 0) as m from search_texts`.execute(h);
  await sql`set local enable_indexscan = off`.execute(h);
  const m = Number(r.rows[0]!.m);
  MAX_IDS.set(h, m);
  return m;
}

const postgresSearch: DialectSearch = {
  name: 'postgres-tsvector',
  match(q, parsed) {
    return q
      .innerJoin('search_texts', 'search_texts.id', 'search_docs.id')
      .where(matches(parsed)) as unknown as typeof q;
  },
  score: (parsed, total) =>
    // ts_rank reads every matching tsvector: within the window only; past it (total = Infinity) the rank
    // is the number of terms found in the title (then newest first).
    total <= WINDOW
      ? tsRank(parsed)
      : // …shorter titles first among equal counts (as bm25 weighs them), newest first among the rest.
        sql<number>`(${sql.join(
          parsed.phrases.map((p) => sql`(strpos(lower(search_docs.title), ${p.text}) > 0)::int`),
          sql` + `,
        )}) * (1 + 1.0 / (1 + char_length(search_docs.title)))::float4`,
  async read(db, fn) {
    // For a word in most documents the planner prefers a sequential or primary-key scan that unpacks
    // every tsvector to test @@; the GIN bitmap answers @@ without reading them (measured 2–4× faster).
    // (work_mem: a bitmap of 700,000 matches must stay exact: a lossy one rechecks (detoasts) every tsvector.)
    // jit: the page's plan (postgres-page.ts) is costed past jit_above_cost: JIT took 105 ms of 115 ms.
    // plan_cache_mode: the results page is kept prepared (KEEP_PLAN), planned once per connection.
    // No parameters: the simple protocol takes several statements in one round trip, `begin` included.
    const settings = sql`set local enable_seqscan = off; set local enable_indexscan = off; set local work_mem = '64MB'; set local jit = off; set local plan_cache_mode = force_generic_plan`;
    if (db.isTransaction) {
      await settings.execute(db);
      MAX_IDS.delete(db); // the caller's transaction may have indexed documents since its last search
      return fn(db);
    }
    return db.connection().execute(async (h) => {
      await sql`begin; ${settings}`.execute(h);
      try {
        const r = await fn(h);
        await sql`commit`.execute(h);
        return r;
      } catch (e) {
        await sql`rollback`.execute(h);
        throw e;
      }
    });
  },
  page: (h, q) => postgresPage(h, q, approx),
  contains: (needle) =>
    sql<boolean>`exists (select 1 from search_texts t where t.id = search_docs.id and strpos(t.norm_text, ${needle}) > 0)`,
  // Behind a sub-select the planner takes the ids as few and reads them by primary key; seeing 2,000 it
  // ANDs them with a filter's index (a whole agency: 80,000 entries, 35 ms).
  idIn: (ids) => sql<boolean>`search_docs.id = any(cast((select ${ids}::int[]) as int[]))`,
  since: (q, minId) => q.where(sql<boolean>`search_texts.id >= ${minId}`),
  async afterReindex(db: Db) {
    await sql`analyze search_texts`.execute(db);
    await sql`analyze search_docs`.execute(db);
  },
  async window(h, parsed, cap) {
    // The ids passed the exact phrase checks already (matches() tests quoted phrases by substring).
    const newest = (rows: Array<{ id: number }>) => ({
      start: Number(rows[cap - 1]!.id),
      ids: rows.slice(0, cap).map((r) => Number(r.id)),
      exactChecked: true,
    });
    const max = await maxId(h);
    // The planner's estimate (tsvector statistics, no execution) picks the walk: a word in most documents
    // is found fastest by walking ids backwards and testing each row; anything rarer through the index.
    const plan = await sql<{
      'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }>;
    }>`explain (format json) select 1 from search_texts where ${matches(parsed)}`.execute(h);
    if ((plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0) > max / DENSE) {
      await sql`set local enable_indexscan = on; set local enable_bitmapscan = off`.execute(h);
      try {
        const r = await sql<{
          id: number;
        }>`select id from search_texts where ${matches(parsed)} order by id desc limit ${cap + 1}`.execute(h);
        return r.rows.length > cap ? newest(r.rows) : null;
      } finally {
        await sql`set local enable_indexscan = off; set local enable_bitmapscan = on`.execute(h);
      }
    }
    const ids = await newestIds(h, matches(parsed), cap, max);
    return ids && { start: ids[cap - 1]!, ids, exactChecked: true };
  },
  // The newest k title matches through the title-only index, found as the window's are (a word in 5 % of
  // 100,000 titles: one id range inside the index); score() then puts the shortest titles first.
  // Ordering every title match instead reads each matching row (12 ms for 5,000 matches).
  async titleMatches(h, text, _match, k) {
    const cond = titleMatches(text);
    // Titles holding a word are rarer than texts: the first range is the widest scanned inside the index.
    return { ids: (await newestIds(h, cond, k, await maxId(h), true, k * IN_INDEX_SPAN)) ?? [] };
  },
  // An exact count would fetch every matching row: estimate from the window's density (ids are dense).
  async count(h, start, cap) {
    const r = await sql<{
      n: number;
    }>`select coalesce((select nullif(greatest(reltuples, 0), 0)::bigint from pg_class where oid = 'search_docs'::regclass), (select count(*) from search_docs)) as n`.execute(
      h,
    );
    const span = Math.max(cap, (await maxId(h)) - start + 1);
    return Math.round((cap / span) * Number(r.rows[0]!.n));
  },
};

/** The PostgreSQL tsvector search provider bound to a handle. */
export const postgresSearchProvider = (db: Db, window?: number): SearchProvider =>
  makeProvider(db, postgresSearch, window);
