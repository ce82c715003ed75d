/**
 * Past the window in one statement (dialects whose walk of the newest matches computes the scores:
 * SQLite): the walk, its narrow rows read once, the facets of those rows and the rows passing every
 * filter (id, score, date) come back together, so the window's ids are never sent back to the database.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { FacetKey, FacetValue, SearchFilters } from './search.types.js';
import { facetConds } from './facet-sql.js';
import { facetsOfTuples, type FacetTuple, type RankRow } from './window-rows.rules.js';

/** The date range on m's published_on (a missing date is outside any bound). */
export function dateConds(f: SearchFilters): RawBuilder<boolean> {
  const parts = [...(f.from ? [sql`published_on >= ${f.from}`] : []), ...(f.to ? [sql`published_on <= ${f.to}`] : [])];
  return parts.length ? sql<boolean>`${sql.join(parts, sql` and `)}` : sql<boolean>`1 = 1`;
}

/** What one pass answers. */
export interface PassResult {
  /** The oldest id of the window. */
  start: number;
  /** Every match fit in the window: `total` and the facets are exact, `rows` rank every match. */
  exact: boolean;
  /** The window's rows passing every filter. */
  total: number;
  /** The first rows the page can show (by rank or date) and the title candidates among the window's. */
  rows: RankRow[];
  facets?: Record<FacetKey, FacetValue[]>;
}

/**
 * Runs `walk` and returns its newest `cap`
 * (all of them when they fit: `exact`): the id where they start, how many pass the filters, the rows the
 * page can show, and (with `withFacets`) their facet counts within the date range.
 */
export async function windowPass(
  h: Db,
  walk: WindowWalk,
  cap: number,
  f: SearchFilters,
  withFacets: boolean,
  rank: PassRank,
): Promise<PassResult> {
  const res = await passSql(walk, cap, f, withFacets, rank).execute(h);
  const meta = res.rows.find((r) => r.k === 'meta')!;
  const seen = new Set<number>();
  const rows = res.rows
    .filter((r) => (r.k === 'r' || r.k === 't') && !seen.has(Number(r.n)) && seen.add(Number(r.n)))
    .map((r) => ({ id: Number(r.n), score: Number(r.s), published_on: r.v }));
  const j = res.rows.find((r) => r.k === 'j');
  return {
    start: Number(meta.s),
    exact: Number(meta.n) <= cap,
    total: Number(meta.l),
    rows,
    ...(j ? { facets: facetsOfTuples(JSON.parse(j.v ?? '[]') as FacetTuple[], f) } : {}),
  };
}

/**
 * A walk: the newest cap + 1 matches as (id, score), newest first; a row whose score is null is scored by
 * `titleScore`, an expression over its search_docs row `d` (read once for the facets anyway).
 */
export interface WindowWalk {
  sql: RawBuilder<unknown>;
  titleScore: RawBuilder<number>;
}

/** Which rows of the window the page needs: the first `limit` (by score when `byRank`, else by date) and `titles`. */
export interface PassRank {
  byRank: boolean;
  limit: number;
  titles: readonly number[];
}

/**
 * The statement of windowPass: rows (k, v, l, n, s) of kinds meta, facet keys, r (one of the first rows)
 * and t (a title candidate in the window); r and t rows pass the filters.
 */
export function passSql(
  walk: WindowWalk,
  cap: number,
  f: SearchFilters,
  withFacets: boolean,
  rank: PassRank = { byRank: true, limit: cap, titles: [] },
) {
  const filters = sql<boolean>`${facetConds(f, null)} and ${dateConds(f)}`;
  const order = rank.byRank ? sql`score desc, published_on desc, id desc` : sql`published_on desc, id desc`;
  const titled = rank.titles.length
    ? sql` union all select 't' as k, published_on as v, null as l, id as n, score as s from m where id in (${sql.join([...rank.titles])}) and ${filters}`
    : sql``;
  const past = sql<boolean>`(select c from n) > ${cap}`;
  // The facet columns of the window's rows as one JSON array, counted in JavaScript (grouping them six
  // times in SQL cost three times as much).
  const facetRow = withFacets
    ? sql`union all select 'j' as k, json_group_array(json_array(org_id, category_id, topic, genre, validity, year, org_name, category_name)) as v, null as l, null as n, null as s from m where ${dateConds(f)}`
    : sql``;
  // `cross join`: the window's rows outside, search_docs read by primary key for each (SQLite would
  // otherwise scan search_docs over the id range the window implies).
  return sql<{
    k: string;
    v: string | null;
    l: string | null;
    n: number | null;
    s: number | null;
  }>`with w as materialized (${walk.sql}), n as materialized (select count(*) as c, min(id) as lo from w), m as materialized (select w.id, coalesce(w.score, ${walk.titleScore}) as score, d.org_id, d.org_name, d.category_id, d.category_name, d.topic, d.genre, d.validity, d.year, d.published_on from w cross join search_docs d on d.id = w.id where not ${past} or w.id > (select lo from n)) select 'meta' as k, null as v, cast((select count(*) from m where ${filters}) as text) as l, (select c from n) as n, (select min(id) from m) as s ${facetRow} union all select * from (select 'r' as k, published_on as v, null as l, id as n, score as s from m where ${filters} order by ${order} limit ${rank.limit})${titled}`;
}
