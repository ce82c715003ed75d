/**
 * Facets, filters and ranking of a search window computed from its rows (search-engine.ts Window.rows),
 * as the SQL of the other path computes them: the window query already returned the narrow columns and
 * the scores, so no further statement re-sends the window's ids. Pure.
 */
import type { FacetKey, FacetValue, SearchFilters } from './search.types.js';

/** The narrow columns of a matched document that facets, filters and ranking read, with its score. */
export interface WindowRow {
  id: number;
  score: number;
  org_id: number | null;
  org_name: string | null;
  category_id: number | null;
  category_name: string | null;
  topic: string | null;
  genre: string | null;
  validity: string | null;
  year: number | null;
  published_on: string | null;
}

type Col = 'org_id' | 'category_id' | 'topic' | 'genre' | 'validity' | 'year';
type LabelCol = 'org_name' | 'category_name';

/** Facet → column (and label column). */
export const FACETS: ReadonlyArray<readonly [FacetKey, Col, LabelCol | null]> = [
  ['org', 'org_id', 'org_name'],
  ['category', 'category_id', 'category_name'],
  ['topic', 'topic', null],
  ['genre', 'genre', null],
  ['validity', 'validity', null],
  ['year', 'year', null],
];

/** The value each facet is filtered on (undefined or '' when it is not). */
export function wantedFacets(f: SearchFilters): Record<FacetKey, string | number | undefined> {
  return { org: f.orgId, category: f.categoryId, topic: f.topic, genre: f.genre, validity: f.validity, year: f.year };
}

/** Binary order of texts, as SQLite compares them. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Rows inside the date range (SQL: a missing date is outside any bound). */
function inDates(rows: readonly WindowRow[], f: SearchFilters): WindowRow[] {
  if (!f.from && !f.to) return [...rows];
  return rows.filter(
    (r) => r.published_on !== null && (!f.from || r.published_on >= f.from) && (!f.to || r.published_on <= f.to),
  );
}

/** A row passes every facet filter but `except`'s. */
function passes(r: WindowRow, wanted: Record<FacetKey, string | number | undefined>, except: FacetKey | null): boolean {
  for (const [k, col] of FACETS) {
    const w = wanted[k];
    if (k === except || w === undefined || w === '') continue;
    if (r[col] === null || String(r[col]) !== String(w)) return false;
  }
  return true;
}

/**
 * Facet counts of the rows: each facet grouped applying the date range and every facet filter but its
 * own; at most 30 values, by count (then value), years newest first.
 */
export function facetsOfRows(rows: readonly WindowRow[], f: SearchFilters): Record<FacetKey, FacetValue[]> {
  const sample = inDates(rows, f);
  const wanted = wantedFacets(f);
  const out = {} as Record<FacetKey, FacetValue[]>;
  for (const [k, col, labelCol] of FACETS) {
    const groups = new Map<string, { n: number; label: string | null; year: number }>();
    for (const r of sample) {
      const v = r[col];
      if (v === null || !passes(r, wanted, k)) continue;
      const key = String(v);
      const g = groups.get(key) ?? { n: 0, label: null, year: Number(v) };
      g.n++;
      const l = labelCol ? r[labelCol] : null;
      if (l !== null && (g.label === null || l > g.label)) g.label = l;
      groups.set(key, g);
    }
    const list = [...groups.entries()];
    list.sort(k === 'year' ? (a, b) => b[1].year - a[1].year : (a, b) => b[1].n - a[1].n || cmp(a[0], b[0]));
    out[k] = list.slice(0, 30).map(([value, g]) => ({
      value,
      label: g.label ?? (k === 'year' ? `${value}年` : value),
      count: g.n,
    }));
  }
  return out;
}

/** A page of the rows passing every filter: by score (when ranked), then newest published, then newest id. */
export function rankRows(
  rows: readonly WindowRow[],
  f: SearchFilters,
  byRank: boolean,
  perPage: number,
  page: number,
): Array<{ id: number; score: number }> {
  const wanted = wantedFacets(f);
  const kept = inDates(rows, f).filter((r) => passes(r, wanted, null));
  const key = (r: WindowRow) => r.published_on ?? '';
  kept.sort((a, b) => (byRank ? b.score - a.score : 0) || cmp(key(b), key(a)) || b.id - a.id);
  return kept.slice((page - 1) * perPage, page * perPage).map((r) => ({ id: r.id, score: r.score }));
}
