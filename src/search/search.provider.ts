/**
 * The one search interface (SearchProvider, in search.types.ts) and the choice of implementation by
 * dialect. Dialect differences live only in src/search/.
 */
import type { Db } from '../platform/db/schema.js';
import { dialectOf } from '../platform/db/dialect-sql.js';
import { sqliteSearchProvider } from './sqlite-search.js';
import { postgresSearchProvider } from './postgres-search.js';
import type { SearchProvider } from './search.types.js';

export type {
  SearchProvider,
  SearchDoc,
  SearchFilters,
  SearchSort,
  SearchResult,
  SearchHit,
  PageRequest,
  FacetKey,
  FacetValue,
} from './search.types.js';

/** The provider for the database (or transaction) `db`: SQLite FTS5 or PostgreSQL tsvector. `window`: see WINDOW (tests use a small one). */
export function searchProvider(db: Db, opts: { window?: number } = {}): SearchProvider {
  return dialectOf(db) === 'postgres' ? postgresSearchProvider(db, opts.window) : sqliteSearchProvider(db, opts.window);
}
