/**
 * What a search provider's dialect supplies to the shared engine (search-engine.ts): how the text query
 * matches, ranks and finds its window of newest matches, on SQLite FTS5 or PostgreSQL tsvector.
 */
import type { RawBuilder, SelectQueryBuilder } from 'kysely';
import type { DB, Db } from '../platform/db/schema.js';
import type { ParsedQuery, PhraseQuery } from './tokenizer.rules.js';
import type { RankRow, WindowRow } from './window-rows.rules.js';
import type { FacetKey, FacetValue, SearchFilters, SearchProvider } from './search.types.js';
import type { WindowWalk } from './window-pass.js';

type Q = SelectQueryBuilder<DB, 'search_docs', object>;

/** The columns of WindowRow read from search_docs (alias `d`). */
export const WINDOW_COLUMNS =
  'd.org_id, d.org_name, d.category_id, d.category_name, d.topic, d.genre, d.validity, d.year, d.published_on';

/**
 * The newest `cap` matches of a query: from id `start` up. A dialect that had to read those rows anyway
 * (PostgreSQL) also returns their `ids`, and the window's facets and ranking then read only the narrow
 * rows of those ids instead of testing the text again. A dialect that can return the narrow columns and
 * the scores while walking the matches (SQLite) returns them as `rows`: facets and ranking are then
 * computed from those rows, with no further statement.
 */
export interface Window {
  start: number;
  ids?: number[];
  /** The ids passed the quoted phrases' exact checks already (they are not repeated). */
  exactChecked?: boolean;
  /**
   * The window's rows passing the filters that the page can show, with their relevance (SQLite: bm25 while
   * walking the doclist): the first by rank (or date), and the title candidates (`titles`) among them.
   */
  rows?: RankRow[];
  /** The title candidates, when they were looked up before the window. */
  titles?: { ids: number[]; rows?: WindowRow[] };
}

/** A results page asked of a dialect that answers it in one statement (DialectSearch.page). */
export interface PageQuery {
  /** The words. */
  parsed: ParsedQuery;
  /** The words and the filter terms (when the index holds them), else `parsed`. */
  match: ParsedQuery;
  filters: SearchFilters;
  byRank: boolean;
  perPage: number;
  page: number;
  /** WINDOW (tests use a small one). */
  window: number;
  /** How many title candidates join the window's matches when ranked. */
  titles: number;
}

/** A hit's row: the wide columns and its score. */
export interface PageRow {
  id: number;
  doc_type: string;
  doc_id: string;
  url: string;
  title: string;
  body: string;
  /** Title and body as the index normalized them (highlighting reads it: storedNormalization). */
  norm_text: string;
  published_on: string | null;
  org_name: string | null;
  category_name: string | null;
  doc_no: string | null;
  index_no: string | null;
  validity: string | null;
  score: number;
}

/** The page: its rows in order, the total and the facets (scaled estimates past the window). */
export interface PageAnswer {
  total: number;
  facets: Record<FacetKey, FacetValue[]>;
  estimated: { total: boolean; facets: boolean };
  rows: PageRow[];
}

/**
 * How a window's walk scores its rows: not at all (0), by title (the phrases found in the title, shorter
 * titles first), or by relevance (bm25) when every match fits in the window and by title otherwise.
 */
export type WalkScore = 'none' | 'title' | 'fits';

/** What differs between SQLite FTS5 and PostgreSQL tsvector. */
export interface DialectSearch {
  readonly name: SearchProvider['name'];
  /** Restricts q to documents matching every phrase (index part only). */
  match(q: Q, parsed: ParsedQuery): Q;
  /** Relevance score, higher is better; only called after match() (or on a window of ids: `total` is then Infinity). `total`: number of matches. */
  score(parsed: ParsedQuery, total: number): RawBuilder<number>;
  /** Runs the read queries of one search (PostgreSQL adjusts planner settings in a transaction). */
  read<T>(db: Db, fn: (h: Db) => Promise<T>): Promise<T>;
  /** Exact substring check on the document's normalized text (search_texts.norm_text). */
  contains(needle: string): RawBuilder<boolean>;
  /** Whether `match` alone already proves a quoted phrase is in the text (its `contains` check is skipped). */
  matchProves?(p: PhraseQuery): boolean;
  /** Called after reindex has rewritten every row's tokens. */
  afterReindex(db: Db): Promise<void>;
  /**
   * When more than `cap` documents match the index part of the query: the id of the `cap`-th newest
   * match (ids grow with indexing, so the newest matches are the ids from there up); otherwise null.
   */
  window(h: Db, parsed: ParsedQuery, cap: number): Promise<Window | null>;
  /** search_docs.id is one of `ids` (a window's 2,000 ids: PostgreSQL takes them as one array parameter). */
  idIn(ids: number[]): RawBuilder<boolean>;
  /** Restricts a matched query (after match()) to ids from `minId` up, as a range the full-text index itself uses. */
  since(q: Q, minId: number): Q;
  /** The estimated number of index matches of a query whose window of `cap` starts at id `start`. */
  count(h: Db, start: number, cap: number): Promise<number>;
  /**
   * The newest cap + 1 matches of the index part of a query as (id, score), newest first, when the
   * dialect computes the score while walking them (SQLite): the window then runs as one statement with
   * its facets and rows (window-pass.ts) instead of window(). `words`: the phrases a title score looks
   * for (the query's words, without the filter terms ANDed into `parsed`).
   */
  windowWalk?(parsed: ParsedQuery, cap: number, score: WalkScore, words?: ParsedQuery): WindowWalk;
  /**
   * A whole page of a query with words (no 文号 or 索引号) in one statement, when the dialect has one
   * (PostgreSQL: postgres-page.ts); the engine's statements otherwise.
   */
  page?(h: Db, q: PageQuery): Promise<PageAnswer>;
  /**
   * The `k` documents whose title best matches the words of `text` over the whole catalogue (a title-only
   * index), restricted to the matches of `match` (the words and the filter terms): their ids, and their
   * rows scored as the window's are when the window returns rows.
   */
  titleMatches(
    h: Db,
    text: ParsedQuery,
    match: ParsedQuery,
    k: number,
    filtered?: boolean,
  ): Promise<{ ids: number[]; rows?: WindowRow[] }>;
}
