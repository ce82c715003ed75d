/**
 * The part of search both providers share: document rows, filters, facets, paging and highlighting.
 * A provider supplies only how the text query matches and ranks (DialectSearch).
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB, Db } from '../platform/db/schema.js';
import './search.tables.js';
import { parseQuery, type ParsedQuery } from './tokenizer.rules.js';
import { indexDocs, removeDocs } from './index-many.js';
import { searchHits } from './search-hits.rules.js';
import { retokenizeAll } from './retokenize.js';
import { filterPhrases } from './filter-tokens.rules.js';
import { filterTermsIndexed } from './filter-terms-state.js';
import { passesFilters, rankRows } from './window-rows.rules.js';
import { facetBranches, facetConds, facetsOf } from './facet-sql.js';
import { windowPass } from './window-pass.js';

import type { DialectSearch, PageAnswer, WalkScore, Window } from './search-dialect.js';

export type { WindowRow } from './window-rows.rules.js';
export { MAX_INDEXED_BODY, docRow, textRow } from './index-many.js';
export { WINDOW_COLUMNS, type DialectSearch, type Window } from './search-dialect.js';
import type {
  FacetKey,
  FacetValue,
  PageRequest,
  SearchFilters,
  SearchProvider,
  SearchResult,
  SearchSort,
} from './search.types.js';

type Q = SelectQueryBuilder<DB, 'search_docs', object>;

/** A search asks for at least one filter (facet value or date bound). */
const hasFilterValues = (f: SearchFilters): boolean => Object.values(f).some((v) => v !== undefined && v !== '');

type Facets = Record<FacetKey, FacetValue[]>;

export const MAX_PER_PAGE = 50;
/**
 * Past this many matches of the words, facet counts, the total and the ranking are worked out over the
 * newest WINDOW matches and the counts are shown as estimates (约): the cost of a word present in most
 * documents then stays flat as the catalogue grows. Results pages never go past MAX_PAGE × 20 = WINDOW
 * (1,000 results, as web search engines show). 2,000 cost twice as much for every common word (measured
 * at 1,000,000 documents: p95 145–150 ms against ≤ 100 ms).
 */
export const WINDOW = 1000;
export const MAX_PAGE = 50;
/**
 * Past the window, the best title matches over the whole catalogue join the window's matches in the
 * ranking (one per 10 of the window: 100), so an older document titled by the words still ranks first.
 */
const titleCandidates = (window: number) => Math.ceil(window / 10);
/** A count shown as an estimate: two significant figures from 100 up. */
export function approx(n: number): number {
  if (n < 100) return Math.round(n);
  const p = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / p) * p;
}

/** A provider bound to a database handle (or transaction). */
export function makeProvider(db: Db, d: DialectSearch, window = WINDOW): SearchProvider {
  /** Documents matching the query and the date range; with `facetFilters`, also the facet filters. */
  function filtered(h: Db, parsed: ParsedQuery, f: SearchFilters, facetFilters = true, w: Window | null = null): Q {
    let q = h.selectFrom('search_docs') as Q;
    if (facetFilters) {
      if (f.orgId !== undefined) q = q.where('search_docs.org_id', '=', f.orgId);
      if (f.categoryId !== undefined) q = q.where('search_docs.category_id', '=', f.categoryId);
      if (f.topic) q = q.where('search_docs.topic', '=', f.topic);
      if (f.genre) q = q.where('search_docs.genre', '=', f.genre);
      if (f.validity) q = q.where('search_docs.validity', '=', f.validity);
      if (f.year !== undefined) q = q.where('search_docs.year', '=', f.year);
    }
    if (f.from) q = q.where('search_docs.published_on', '>=', f.from);
    if (f.to) q = q.where('search_docs.published_on', '<=', f.to);
    if (parsed.indexNo) q = q.where('search_docs.index_no', '=', parsed.indexNo);
    if (parsed.docNo) {
      q = parsed.docNo.startsWith('〔')
        ? q.where('search_docs.doc_no_norm', 'like', `%${parsed.docNo}`)
        : q.where('search_docs.doc_no_norm', '=', parsed.docNo);
    }
    if (parsed.phrases.length) {
      q = w?.ids ? q.where(d.idIn(w.ids)) : d.match(q, parsed);
      if (w && !w.ids) q = d.since(q, w.start);
      if (!w?.exactChecked)
        for (const p of parsed.phrases) if (p.exact && p.text && !d.matchProves?.(p)) q = q.where(d.contains(p.text));
    }
    return q;
  }

  /**
   * Total and facet counts in one statement: the matches (without the facet filters) are materialized
   * once, then each facet is grouped applying every filter but its own, so its other values stay
   * selectable. Only the counted values travel back (≤ 30 per facet).
   */
  async function facetsAndTotal(
    h: Db,
    parsed: ParsedQuery,
    f: SearchFilters,
    w: Window | null = null,
  ): Promise<{ total: number; facets: Record<FacetKey, FacetValue[]> }> {
    const m = filtered(h, parsed, f, false, w).select([
      'search_docs.org_id',
      'search_docs.org_name',
      'search_docs.category_id',
      'search_docs.category_name',
      'search_docs.topic',
      'search_docs.genre',
      'search_docs.validity',
      'search_docs.year',
    ]);
    const branches = facetBranches(f);
    branches.push(
      sql`select 'total' as k, cast(null as text) as v, cast(null as text) as l, count(*) as n from m where ${facetConds(f, null)}`,
    );
    const res = await sql<{
      k: string;
      v: string | null;
      l: string | null;
      n: number | string;
    }>`with m as materialized ${m} ${sql.join(branches, sql` union all `)}`.execute(h);
    const total = Number(res.rows.find((r) => r.k === 'total')?.n ?? 0);
    const facets = facetsOf(res.rows);
    return { total, facets };
  }

  /** The words and, when the index holds them, the filters' terms (an index intersection). */
  async function withTerms(h: Db, parsed: ParsedQuery, f: SearchFilters): Promise<ParsedQuery> {
    const terms = filterPhrases(f);
    return terms.length && (await filterTermsIndexed(h))
      ? { ...parsed, phrases: [...parsed.phrases, ...terms] }
      : parsed;
  }

  /**
   * How a search runs. The words' matches up to `window`: exact total and facets. Past it: facets over
   * the newest `window` matches of the words, scaled to the estimated number of matches; results and
   * total over the query with its filters (filter terms make that an index intersection), exact when
   * the filtered matches fit the window, otherwise ranked within their newest `window` and estimated.
   */
  async function planSearch(h: Db, parsed: ParsedQuery, f: SearchFilters, rank: { byRank: boolean; limit: number }) {
    const withFilters = await withTerms(h, parsed, f);
    const plain = { match: withFilters, window: null as Window | null, estimated: { total: false, facets: false } };
    const windowed = parsed.phrases.length > 0 && !parsed.docNo && !parsed.indexNo;
    // A dialect whose walk scores the matches (SQLite) runs the window as one statement with its facets
    // and the rows to rank (window-pass.ts): the first `limit` by rank and the title candidates among them
    // (found first: 0.1 ms); another (PostgreSQL) returns the window's ids.
    const titles =
      windowed && rank.byRank && d.windowWalk
        ? await d.titleMatches(h, parsed, withFilters, titleCandidates(window), hasFilterValues(f))
        : undefined;
    type Walked = Window & { facets?: Facets; exact?: boolean; total?: number };
    const hasFilters = withFilters.phrases.length > parsed.phrases.length;
    // With filter terms the words' window serves the facets only: its walk needs no scores. Past the
    // window of the words, the filtered matches are ranked by title too (bm25 would first walk every
    // match of the words: 5 ms for a word in half of 100,000 documents).
    const windowOf = async (q: ParsedQuery, withFacets: boolean, score: WalkScore): Promise<Walked | null> => {
      if (!d.windowWalk) return d.window(h, q, window);
      const p = await windowPass(h, d.windowWalk(q, window, score, parsed), window, f, withFacets, {
        ...rank,
        titles: titles?.ids ?? [],
      });
      return { ...p, exactChecked: true, titles };
    };
    const textWindow = windowed ? await windowOf(parsed, true, hasFilters ? 'none' : 'fits') : null;
    if (textWindow?.exact) {
      // Every match of the words fit in the window (SQLite): its pass answered exactly; with filter terms
      // a second pass ranks the filtered matches as the exact path does (bm25 of words and terms).
      const w = hasFilters ? (await windowOf(withFilters, false, 'fits'))! : textWindow;
      return { ...plain, window: w, facets: textWindow.facets!, total: w.total! };
    }
    if (textWindow === null) return { ...plain, ...(await facetsAndTotal(h, parsed, f)) };
    const sample = textWindow.facets ? { facets: textWindow.facets } : await facetsAndTotal(h, parsed, f, textWindow);
    const scale = (await d.count(h, textWindow.start, window)) / window;
    const facets = Object.fromEntries(
      Object.entries(sample.facets).map(([k, vs]) => [k, vs.map((v) => ({ ...v, count: approx(v.count * scale) }))]),
    ) as Record<FacetKey, FacetValue[]>;
    const w = hasFilters ? await windowOf(withFilters, false, 'title') : textWindow;
    if (w === null || w.exact) {
      // The filtered matches fit in the window: exact total (the pass counted them, or a count), ranked over all.
      const n = w
        ? w.total!
        : Number(
            (
              await filtered(h, withFilters, f)
                .select(sql<number>`count(*)`.as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
      return { ...plain, window: w, facets, total: n, estimated: { total: false, facets: true } };
    }
    const total = hasFilters ? await d.count(h, w.start, window) : scale * window;
    return { match: withFilters, window: w, facets, total: approx(total), estimated: { total: true, facets: true } };
  }

  /**
   * Past the window, ranked: the best title matches over the whole catalogue join the window's matches
   * (an older document titled by the words is not left out of the first page). With the window's rows
   * (SQLite), those in the window keep their (title) score; the others rank at the median score of the
   * title matches in the window, in the title index's order, or above every match when it holds none.
   */
  async function withTitles(
    h: Db,
    parsed: ParsedQuery,
    match: ParsedQuery,
    f: SearchFilters,
    w: Window,
  ): Promise<Window> {
    const t = w.titles ?? (await d.titleMatches(h, parsed, match, titleCandidates(window), hasFilterValues(f)));
    if (w.rows && t.rows) {
      const score = new Map(w.rows.map((r) => [r.id, r.score]));
      const outside = t.rows.filter((r) => !score.has(r.id) && passesFilters(r, f));
      if (!outside.length) return w;
      const known = t.ids.flatMap((id) => (score.has(id) ? [score.get(id)!] : [])).sort((a, b) => a - b);
      const level = known.length
        ? known[Math.floor(known.length / 2)]!
        : w.rows.reduce((m, r) => Math.max(m, r.score), 0) + 1;
      return { ...w, rows: [...w.rows, ...outside.map((r, i) => ({ ...r, score: level - i * 1e-9 }))] };
    }
    const ids = new Set(w.ids ?? []);
    const more = t.ids.filter((id) => !ids.has(id));
    return more.length ? { ...w, ids: [...(w.ids ?? []), ...more] } : w;
  }

  /** A page through the engine's statements: plan (window, facets, total), rank the ids, read the wide rows. */
  async function statements(
    h: Db,
    parsed: ParsedQuery,
    filters: SearchFilters,
    byRank: boolean,
    perPage: number,
    page: number,
  ): Promise<PageAnswer> {
    const planned = await planSearch(h, parsed, filters, { byRank, limit: page * perPage });
    const plan =
      byRank && planned.window && !(planned.window as { exact?: boolean }).exact
        ? { ...planned, window: await withTitles(h, parsed, planned.match, filters, planned.window) }
        : planned;
    // Two phases: rank only ids and scores, then read the 20 wide rows (titles and bodies).
    const top = plan.window?.rows
      ? rankRows(plan.window.rows, byRank, perPage, page)
      : await filtered(h, plan.match, filters, true, plan.window)
          .select([
            'search_docs.id',
            (parsed.phrases.length
              ? d.score(plan.match, plan.window?.ids ? Number.POSITIVE_INFINITY : plan.total)
              : sql<number>`0`
            ).as('score'),
          ])
          .$if(byRank, (q) => q.orderBy(sql`score`, 'desc'))
          .orderBy('search_docs.published_on', 'desc')
          .orderBy('search_docs.id', 'desc')
          .limit(perPage)
          .offset((page - 1) * perPage)
          .execute();
    const wide = top.length
      ? await h
          .selectFrom('search_docs as s')
          .innerJoin('search_texts as t', 't.id', 's.id')
          .select([
            's.id',
            's.doc_type',
            's.doc_id',
            's.url',
            's.title',
            't.body',
            't.norm_text',
            's.published_on',
            's.org_name',
            's.category_name',
            's.doc_no',
            's.index_no',
            's.validity',
          ])
          .where(
            's.id',
            'in',
            top.map((t) => Number(t.id)),
          )
          .execute()
      : [];
    const byId = new Map(wide.map((w) => [Number(w.id), w]));
    const rows = top.flatMap((t) => {
      const w = byId.get(Number(t.id));
      return w ? [{ ...w, score: t.score }] : [];
    });
    const { total, facets, estimated } = plan;
    return { total, facets, estimated, rows: rows.map((r) => ({ ...r, id: Number(r.id), score: Number(r.score) })) };
  }

  return {
    name: d.name,

    index: (doc, indexedAt) => indexDocs(db, [doc], indexedAt),

    remove: async (docType, docId) => (await removeDocs(db, [{ docType, docId }])) > 0,

    async search(query, filters = {}, sort: SearchSort = 'relevance', pageReq?: PageRequest): Promise<SearchResult> {
      const parsed = parseQuery(query);
      const perPage = Math.min(MAX_PER_PAGE, Math.max(1, pageReq?.perPage ?? 20));
      const page = Math.min(MAX_PAGE, Math.max(1, pageReq?.page ?? 1));
      return d.read(db, async (h) => {
        const byRank = sort === 'relevance' && parsed.phrases.length > 0;
        const one =
          d.page && parsed.phrases.length > 0 && !parsed.docNo && !parsed.indexNo
            ? await d.page(h, {
                ...{ parsed, filters, byRank, perPage, page, window },
                match: await withTerms(h, parsed, filters),
                titles: titleCandidates(window),
              })
            : null;
        const { total, facets, estimated, rows } = one ?? (await statements(h, parsed, filters, byRank, perPage, page));
        const needles = parsed.phrases.map((p) => p.text);
        const hits = searchHits(rows, needles);
        return {
          hits,
          total,
          facets,
          page,
          perPage,
          terms: needles,
          estimated,
        };
      });
    },

    reindex: (at, progress) => retokenizeAll(db, d, at, progress),
  };
}
