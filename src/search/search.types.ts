import type { Part } from './highlight.rules.js';

/** What a source (the catalogue, guides, annual reports …) hands to the index. */
export interface SearchDoc {
  /** e.g. `catalog_item`; (docType, docId) identifies the document. */
  docType: string;
  docId: string | number;
  orgId?: number | null;
  orgName?: string | null;
  categoryId?: number | null;
  categoryName?: string | null;
  /** 主题分类 */
  topic?: string | null;
  /** 体裁 */
  genre?: string | null;
  /** 有效性 */
  validity?: string | null;
  /** 发布日期 YYYY-MM-DD */
  publishedOn?: string | null;
  title: string;
  /** Plain text (strip HTML first); attachment text may be appended. */
  body: string;
  /** 发文字号 as written */
  docNo?: string | null;
  /** 索引号 */
  indexNo?: string | null;
  /** Public URL of the document. */
  url: string;
}

/** Filters; every one optional. */
export interface SearchFilters {
  orgId?: number;
  categoryId?: number;
  topic?: string;
  genre?: string;
  validity?: string;
  year?: number;
  /** published_on ≥ from (YYYY-MM-DD) */
  from?: string;
  /** published_on ≤ to (YYYY-MM-DD) */
  to?: string;
}

export type SearchSort = 'relevance' | 'date';

export interface PageRequest {
  page: number;
  perPage: number;
}

export interface SearchHit {
  id: number;
  docType: string;
  docId: string;
  url: string;
  title: Part[];
  snippet: Part[];
  /** Higher is better (relevance sort); 0 when sorted by date without a query. */
  score: number;
  publishedOn: string | null;
  orgName: string | null;
  categoryName: string | null;
  docNo: string | null;
  indexNo: string | null;
  validity: string | null;
  /** The snippet's match comes from an attachment's text, not the document itself. */
  inAttachment: boolean;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export type FacetKey = 'org' | 'category' | 'topic' | 'genre' | 'validity' | 'year';

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Record<FacetKey, FacetValue[]>;
  page: number;
  perPage: number;
  /** Normalized terms that were searched (for "you searched for"). */
  terms: string[];
  /** Which counts are estimates (约): the words match more documents than the search window (search-engine.ts WINDOW). */
  estimated: { total: boolean; facets: boolean };
  /** The query held nothing searchable (only symbols, punctuation or emoji): nothing was searched. */
  unsearchable?: boolean;
}

/** One search index: SQLite FTS5 or PostgreSQL tsvector, same contract (search.db.test.ts). */
export interface SearchProvider {
  readonly name: 'sqlite-fts5' | 'postgres-tsvector';
  /** Adds or replaces a document. */
  /** Adds or replaces a document; `indexedAt` is the instant recorded with it (the caller's clock). */
  index(doc: SearchDoc, indexedAt: string): Promise<void>;
  /** Removes a document; true when it was indexed. */
  remove(docType: string, docId: string | number): Promise<boolean>;
  search(query: string, filters?: SearchFilters, sort?: SearchSort, page?: PageRequest): Promise<SearchResult>;
  /** Recomputes the tokens of every indexed document (after a tokenizer change) and rebuilds the full-text structure. */
  reindex(at: string, progress?: (done: number, total: number) => void): Promise<{ count: number }>;
}
