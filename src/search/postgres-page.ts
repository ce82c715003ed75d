/**
 * A results page on PostgreSQL in ONE statement (search-engine.ts asks for it when the query has words
 * and no 文号/索引号): the newest matches (the window, or every match when they fit), their facet
 * columns, the title candidates past the window, the ranking, the total and the page's wide rows.
 * Before, a windowed search took about 14 round trips (settings, the highest id, an EXPLAIN choosing the
 * walk, one statement per id range, facets, count, titles, ranking, wide rows), each window's 1,000 ids
 * sent back to the server twice. Results, totals and facets are those of the statements it replaces.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { KEEP_PLAN } from '../platform/db/dialect-sql.js';
import { caseless, type ParsedQuery } from './tokenizer.rules.js';
import type { PageAnswer, PageQuery, PageRow } from './search-dialect.js';
import type { FacetKey, FacetValue } from './search.types.js';
import { facetConds } from './facet-sql.js';
import { dateConds } from './window-pass.js';
import { facetsOfTuples, type FacetTuple } from './window-rows.rules.js';
import { allTokens, phraseChecks, titleMatches, tsRank } from './postgres-match.js';

/**
 * The first id range below the highest id, as a multiple of the window. A range is scanned inside the
 * GIN index (`gin (tsv, id)`, btree_gin), so only its matches' rows are read: a word in 70 % of the
 * documents is found there (2,000 ids: 1.2 ms at 100,000 documents, against 7.4 ms walking the primary
 * key backwards and detoasting each tsvector).
 */
const FIRST_SPAN = 2;
/**
 * Past it, the range expected to hold the rest (from the first range's density, +25 %), when no wider
 * than this multiple of the window; otherwise every match of the index (btree_gin lists each id of a
 * range: 32,000 ids cost about as much as reading 5,000 matches' rows).
 */
const MAX_SPAN = 32;
/** The title candidates' first range (then the whole table), as a multiple of their number. */
const TITLE_SPAN = 32;

const cte = (name: string) => sql.raw(name);

/**
 * CTEs `name_0`, `name_s`, `name_1`, `name_2` and `name` (without `maxSpan`: `name_0`, `name_1`, the
 * rest, and `name`): the newest `need` rows meeting `index` (the GIN
 * part) and `checks` (phrases, tested on a row's text only until `need` rows pass), searched in up to
 * three id ranges, newest first, each run only while those before it hold fewer than `need` matches
 * (PostgreSQL skips a plan whose one-time filter is false): the first `first` ids, then the range the
 * first one's density predicts (up to `maxSpan` ids), then the rest. `gate`: whether to walk at all.
 */
function newest(
  name: string,
  index: RawBuilder<boolean>,
  checks: RawBuilder<boolean> | null,
  need: number,
  first: number,
  maxSpan: number,
  gate: RawBuilder<boolean> = sql`true`,
): RawBuilder<unknown> {
  const n = (i: number | string) => cte(`${name}_${i}`);
  const hi = sql`(select m from hi)`;
  // Only a lower bound is an index range: btree_gin scans each bound's entries apart (`id <= x` would list
  // every id below x), so upper bounds are tested on the rows (`id + 0`).
  const chunk = (i: number, cond: RawBuilder<boolean>) => {
    const inRange = sql`select search_texts.ctid as tid, search_texts.id from search_texts where ${gate} and ${cond} and ${index}`;
    return checks
      ? sql`${n(i)} as materialized (select c.id from (${inRange} order by search_texts.id desc) c where exists (select 1 from search_texts where search_texts.ctid = c.tid and ${checks}) order by c.id desc limit ${need})`
      : sql`${n(i)} as materialized (${inRange} order by search_texts.id desc limit ${need})`;
  };
  const count0 = sql`(select count(*) from ${n(0)})`;
  const first0 = chunk(0, sql`search_texts.id > ${hi} - ${first}`);
  const all = (k: number) =>
    sql.join(
      [0, 1, 2].slice(0, k).map((i) => sql`select id from ${n(i)}`),
      sql` union all `,
    );
  const newestAll = (k: number) =>
    sql`${cte(name)} as materialized (select id from (${all(k)}) u order by id desc limit ${need})`;
  if (maxSpan <= 0)
    return sql.join(
      [first0, chunk(1, sql`${count0} < ${need} and search_texts.id + 0 <= ${hi} - ${first}`), newestAll(2)],
      sql`, `,
    );
  const est = sql`ceil(${first * need * 1.25} / greatest(${count0}, 1))::int`;
  return sql.join(
    [
      first0,
      sql`${n('s')} as materialized (select x.n0, case when x.run then x.e else ${first} end as s1, x.run from (select ${count0} as n0, ${est} as e, ${count0} < ${need} and ${est} <= ${maxSpan} as run) x)`,
      chunk(
        1,
        sql`(select run from ${n('s')}) and search_texts.id > ${hi} - (select s1 from ${n('s')}) and search_texts.id + 0 <= ${hi} - ${first}`,
      ),
      chunk(
        2,
        sql`(select n0 from ${n('s')}) + (select count(*) from ${n(1)}) < ${need} and search_texts.id + 0 <= ${hi} - (select s1 from ${n('s')})`,
      ),
      newestAll(3),
    ],
    sql`, `,
  );
}

/**
 * Past the window, a document's score: the words found in its title, shorter titles first (as bm25
 * weighs them); float8 arithmetic (numeric division cost 0.3 ms per 1,000 rows).
 */
const titleScore = (words: ParsedQuery) =>
  sql<number>`(${sql.join(
    words.phrases.map(
      (p) => sql`(strpos(${caseless(p.text) ? sql`d.title` : sql`lower(d.title)`}, ${p.text}) > 0)::int`,
    ),
    sql` + `,
  )}) * (1 + 1.0::float8 / (1 + char_length(d.title)))::float4`;

/**
 * The statement: one row (c, lo, cf, lof, total, hi, n, facets, rows). Its plan is the same whatever the
 * words (the walk is chosen at run time by one-time filters, scans are fixed by the search's settings), so
 * it is kept prepared with a generic plan (KEEP_PLAN; planning it took 2–7 ms a search, 10–15 % of it).
 */
export function pageSql(q: PageQuery, terms: boolean): RawBuilder<PageSqlRow> {
  const cap = q.window;
  const result = terms ? 'wf' : 'w';
  const windowed = sql<boolean>`(select count(*) from ${cte(result)}) > ${cap}`;
  const walk = (name: string, p: ParsedQuery) =>
    newest(name, allTokens(p), phraseChecks(p), cap + 1, FIRST_SPAN * cap, MAX_SPAN * cap);
  const walks = [walk('w', q.parsed), ...(terms ? [walk('wf', q.match)] : [])];
  if (q.byRank) walks.push(newest('t', titleMatches(q.parsed), null, q.titles, q.titles * TITLE_SPAN, 0, windowed));
  const f = q.filters;
  const passes = sql<boolean>`${facetConds(f, null)} and ${dateConds(f)}`;
  const idsOf = (name: string, limit = cap) =>
    sql`cast((select array_agg(id) from (select id from ${cte(name)} order by id desc limit ${limit}) x) as int[])`;
  // Rows are read by `id = any(array)`: one bitmap of the primary key (index scans are off: row by row,
  // 1,000 rows cost 2 ms).
  const byIds = (ids: RawBuilder<unknown>) =>
    sql`select d.id, d.title, d.published_on from search_docs d where d.id = any(${ids}) and ${passes}`;
  const rows = [terms ? byIds(idsOf('wf')) : sql`select id, title, published_on from m where ${passes}`];
  // The title candidates outside the window (when it applies).
  if (q.byRank) rows.push(sql`${byIds(idsOf('t', q.titles))} and not d.id = any(${idsOf(result)})`);
  const order = q.byRank ? sql`score desc, published_on desc, id desc` : sql`published_on desc, id desc`;
  // The highest id: the sequence's last value bounds it (max(id) would walk the table with index scans off).
  const probe = (below: number) => sql`(select max(id) from search_docs where id > l.v - ${below} and id <= l.v)`;
  const hi = sql`hi as materialized (select coalesce(${probe(64)}, ${probe(4096)}, (select max(id) from search_docs), 0) as m from (select coalesce(pg_sequence_last_value(pg_get_serial_sequence('search_docs', 'id')::regclass), 0) as v) l)`;
  const newestOf = (name: string) =>
    sql`(select min(id) from (select id from ${cte(name)} order by id desc limit ${cap}) x)`;
  return sql<PageSqlRow>`with ${hi}, ${sql.join(walks, sql`, `)},
m as materialized (select d.id, d.title, d.published_on, d.org_id, d.category_id, d.topic, d.genre, d.validity, d.year, d.org_name, d.category_name from search_docs d where d.id = any(${idsOf('w')})),
r as materialized (${sql.join(rows, sql` union all `)}),
ranked as materialized (select d.id, d.published_on, ${titleScore(q.parsed)} as score from r d where ${windowed}
  union all select d.id, d.published_on, ${tsRank(q.parsed, 'x')} from r d join search_texts x on x.id = d.id where not ${windowed} and x.id = any(cast((select array_agg(id) from r) as int[]))),
top as materialized (select id, score, row_number() over (order by ${order}) as ord from ranked order by ${order} limit ${q.perPage} offset ${(q.page - 1) * q.perPage})
select (select count(*) from w) as c, ${newestOf('w')} as lo, ${terms ? sql`(select count(*) from wf)` : sql`0`} as cf, ${terms ? newestOf('wf') : sql`0`} as lof,
(select count(*) from ranked) as total, (select m from hi) as hi,
(select coalesce(nullif(greatest(reltuples, 0), 0)::bigint, (select count(*) from search_docs)) from pg_class where oid = 'search_docs'::regclass) as n,
(select json_agg(json_build_array(org_id, category_id, topic, genre, validity, year, org_name, category_name)) from m where ${dateConds(f)}) as facets,
(select json_agg(json_build_object('id', s.id, 'doc_type', s.doc_type, 'doc_id', s.doc_id, 'url', s.url, 'title', s.title, 'body', b.body, 'norm_text', b.norm_text, 'published_on', s.published_on, 'org_name', s.org_name, 'category_name', s.category_name, 'doc_no', s.doc_no, 'index_no', s.index_no, 'validity', s.validity, 'score', top.score) order by top.ord) from top join search_docs s on s.id = top.id join search_texts b on b.id = top.id) as rows ${sql.raw(KEEP_PLAN)}`;
}

interface PageSqlRow {
  c: number;
  lo: number | null;
  cf: number;
  lof: number | null;
  total: number;
  hi: number;
  n: number;
  facets: FacetTuple[] | null;
  rows: PageRow[] | null;
}

/** A count shown as an estimate: two significant figures from 100 up (search-engine.ts approx). */
type Approx = (n: number) => number;

/** Runs the page's statement and reads its answer as the statements it replaces did. */
export async function postgresPage(h: Db, q: PageQuery, approx: Approx): Promise<PageAnswer> {
  const terms = q.match.phrases.length > q.parsed.phrases.length;
  const r = (await pageSql(q, terms).execute(h)).rows[0]!;
  const cap = q.window;
  const facets = facetsOfTuples(r.facets ?? [], q.filters);
  const rows = r.rows ?? [];
  if (Number(r.c) <= cap) return { total: Number(r.total), facets, rows, estimated: { total: false, facets: false } };
  // Past the window: the number of matches estimated from the window's density over the id range.
  const count = (start: number) => Math.round((cap / Math.max(cap, Number(r.hi) - start + 1)) * Number(r.n));
  const scale = count(Number(r.lo)) / cap;
  const scaled = Object.fromEntries(
    Object.entries(facets).map(([k, vs]) => [k, vs.map((v) => ({ ...v, count: approx(v.count * scale) }))]),
  ) as Record<FacetKey, FacetValue[]>;
  if (terms && Number(r.cf) <= cap)
    return { total: Number(r.total), facets: scaled, rows, estimated: { total: false, facets: true } };
  const total = terms ? count(Number(r.lof)) : scale * cap;
  return { total: approx(total), facets: scaled, rows, estimated: { total: true, facets: true } };
}
