import type { Db } from '../platform/db/schema.js';
import type { SearchDoc } from './search.types.js';

/**
 * A capability whose documents are searchable registers a source so that `gongkai search reindex`
 * can rebuild its part of the index from the source of truth (e.g. the catalogue's published items).
 */
export interface SearchSource {
  docType: string;
  /** Number of documents the source will yield (for progress). */
  count(db: Db, today: string): Promise<number>;
  /** Every document that must be searchable now (published, not withdrawn). */
  documents(db: Db, today: string): AsyncIterable<SearchDoc>;
}

const sources = new Map<string, SearchSource>();

/** Registers (or replaces) the source of a document type. */
export function registerSearchSource(source: SearchSource): void {
  sources.set(source.docType, source);
}

/** The registered sources. */
export const searchSources = (): SearchSource[] => [...sources.values()];
