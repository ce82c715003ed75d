import type { Generated } from 'kysely';

/** One searchable document (a catalogue item, a guide, an annual report …), whatever its source. */
export interface SearchDocsTable {
  id: Generated<number>;
  doc_type: string;
  doc_id: string;
  org_id: number | null;
  org_name: string | null;
  category_id: number | null;
  category_name: string | null;
  /** 主题分类 */
  topic: string | null;
  /** 体裁 */
  genre: string | null;
  /** 有效性 */
  validity: string | null;
  year: number | null;
  /** YYYY-MM-DD */
  published_on: string | null;
  title: string;
  doc_no: string | null;
  doc_no_norm: string | null;
  index_no: string | null;
  url: string;
  indexed_at: string;
}

/** The wide part of a document: body and index tokens (id = search_docs.id). PostgreSQL adds `tsv`. */
export interface SearchTextsTable {
  id: number;
  body: string;
  /** Space-separated index tokens of the title (tokenizer.rules.ts). */
  title_tokens: string;
  /** Space-separated index tokens of the body. */
  body_tokens: string;
  /** Normalized title + newline + body, for exact phrase checks. */
  norm_text: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    search_docs: SearchDocsTable;
    search_texts: SearchTextsTable;
  }
}

/** SQLite only: the external-content FTS5 table over search_texts (rowid = search_docs.id). */
export interface SearchFtsTable {
  rowid: number;
  title_tokens: string;
  body_tokens: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    search_fts: SearchFtsTable;
  }
}
