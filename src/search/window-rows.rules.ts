/**
 * Filters and ranking of a search window's rows in memory (search-engine.ts Window.rows), as the SQL of
 * the other path applies them: the window pass already returned the rows' scores, so no further
 * statement re-sends the window's ids. Pure.
 */
import type { FacetKey, FacetValue, SearchFilters } from './search.types.js';
import type { SearchDocsTable } from './search.tables.js';

/** A matched document as the ranking reads it. */
export interface RankRow {
  id: number;
  score: number;
  published_on: string | null;
}

/** The narrow columns of a matched document that the filters read, with its score. */
export type WindowRow = RankRow &
  Pick<
    SearchDocsTable,
    'org_id' | 'org_name' | 'category_id' | 'category_name' | 'topic' | 'genre' | 'validity' | 'year'
  >;

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

/** A row passes every filter: the facets' and the date range (SQL: a missing date is outside any bound). */
export function passesFilters(r: WindowRow, f: SearchFilters): boolean {
  if ((f.from || f.to) && r.published_on === null) return false;
  if (f.from && r.published_on! < f.from) return false;
  if (f.to && r.published_on! > f.to) return false;
  const wanted = wantedFacets(f);
  for (const [k, col] of FACETS) {
    const w = wanted[k];
    if (w === undefined || w === '') continue;
    if (r[col] === null || String(r[col]) !== String(w)) return false;
  }
  return true;
}

/** A window row's facet columns as the window pass returns them (JSON arrays, in FACETS order, labels after). */
export type FacetTuple = [
  number | null,
  number | null,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
];

/**
 * Facet counts of rows (already within the date range), as the SQL of the exact path counts them: each
 * facet applying every facet filter but its own; at most 30 values, by count then value, years newest
 * first; a label is the greatest of its value's labels.
 */
export function facetsOfTuples(rows: readonly FacetTuple[], f: SearchFilters): Record<FacetKey, FacetValue[]> {
  const wanted = FACETS.map(([k]) => wantedFacets(f)[k]);
  const on = wanted.map((w) => (w === undefined || w === '' ? null : String(w)));
  const out = {} as Record<FacetKey, FacetValue[]>;
  FACETS.forEach(([k, , labelCol], i) => {
    // Grouped by the value as it came (a column's values are all numbers or all texts), named once per group.
    const groups = new Map<unknown, { n: number; label: string | null; num: number }>();
    const filtered = on.some((w, j) => j !== i && w !== null);
    for (const r of rows) {
      const v = r[i];
      if (v === null) continue;
      if (filtered) {
        let ok = true;
        for (let j = 0; j < on.length && ok; j++)
          if (j !== i && on[j] !== null && (r[j] === null || String(r[j]) !== on[j])) ok = false;
        if (!ok) continue;
      }
      let g = groups.get(v);
      if (!g) groups.set(v, (g = { n: 0, label: null, num: Number(v) }));
      g.n++;
      const l = labelCol === 'org_name' ? r[6] : labelCol === 'category_name' ? r[7] : null;
      if (l !== null && (g.label === null || l > g.label)) g.label = l;
    }
    const list = [...groups.entries()].map(([v, g]) => [String(v), g] as const);
    list.sort(k === 'year' ? (a, b) => b[1].num - a[1].num : (a, b) => b[1].n - a[1].n || cmp(a[0], b[0]));
    out[k] = list.slice(0, 30).map(([value, g]) => ({
      value,
      label: g.label ?? (k === 'year' ? `${value}年` : value),
      count: g.n,
    }));
  });
  return out;
}

/** Binary order of texts, as SQLite compares them. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A page of the rows: by score (when ranked), then newest published, then newest id. */
export function rankRows(
  rows: readonly RankRow[],
  byRank: boolean,
  perPage: number,
  page: number,
): Array<{ id: number; score: number }> {
  const key = (r: RankRow) => r.published_on ?? '';
  const sorted = [...rows].sort((a, b) => (byRank ? b.score - a.score : 0) || cmp(key(b), key(a)) || b.id - a.id);
  return sorted.slice((page - 1) * perPage, page * perPage).map((r) => ({ id: r.id, score: r.score }));
}
