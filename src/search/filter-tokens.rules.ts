/**
 * Filters as index terms (the way search engines make filtered queries cheap): every document's body
 * tokens end with one token per filter value — agency, category, year, 主题分类, 体裁, 有效性 — so a
 * filtered query is one intersection of posting lists in FTS5 or GIN instead of a join over all the
 * text matches. The tokens are lower-case ASCII the tokenizer never produces from real words
 * (`zzqo12`, `zzqy2024`, `zzqg1kq3x9`); the SQL filters still apply, so a stale token cannot leak a
 * wrong result. Pure.
 */
import type { PhraseQuery } from './tokenizer.rules.js';
import type { SearchFilters } from './search.types.js';

/** The filter values of a document, as stored in search_docs. */
export interface FilterValues {
  org_id: number | null;
  category_id: number | null;
  year: number | null;
  topic: string | null;
  genre: string | null;
  validity: string | null;
}

/** FNV-1a of a label, base 36 (labels such as 通知 become ASCII tokens). */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const token = {
  org: (v: number) => `zzqo${v}`,
  category: (v: number) => `zzqc${v}`,
  year: (v: number) => `zzqy${v}`,
  topic: (v: string) => `zzqt${hash(v)}`,
  genre: (v: string) => `zzqg${hash(v)}`,
  validity: (v: string) => `zzqv${hash(v)}`,
};

/** The tokens of a document's filter values, space-separated (appended to its body tokens). */
export function filterTokens(v: FilterValues): string {
  const out: string[] = [];
  if (v.org_id !== null) out.push(token.org(v.org_id));
  if (v.category_id !== null) out.push(token.category(v.category_id));
  if (v.year !== null) out.push(token.year(v.year));
  if (v.topic) out.push(token.topic(v.topic));
  if (v.genre) out.push(token.genre(v.genre));
  if (v.validity) out.push(token.validity(v.validity));
  return out.join(' ');
}

/** The index terms of a query's facet filters, as one-token phrases to AND with the text. */
export function filterPhrases(f: SearchFilters): PhraseQuery[] {
  const toks: string[] = [];
  if (f.orgId !== undefined) toks.push(token.org(f.orgId));
  if (f.categoryId !== undefined) toks.push(token.category(f.categoryId));
  if (f.year !== undefined) toks.push(token.year(f.year));
  if (f.topic) toks.push(token.topic(f.topic));
  if (f.genre) toks.push(token.genre(f.genre));
  if (f.validity) toks.push(token.validity(f.validity));
  return toks.map((t) => ({ text: '', tokens: [t], lastIsPrefix: false, exact: false }));
}
