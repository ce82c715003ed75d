/**
 * The SQL of facet counts over a materialized set of matches `m` (its narrow search_docs columns): one
 * grouped branch per facet, applying every facet filter but its own so its other values stay selectable;
 * at most 30 values each (by count, years newest first). Shared by the exact path and the window pass.
 */
import { sql, type RawBuilder } from 'kysely';
import type { FacetKey, FacetValue, SearchFilters } from './search.types.js';
import { FACETS, wantedFacets } from './window-rows.rules.js';

/** The facet filters but `except`'s, as SQL on m's columns (`1 = 1` when none). */
export function facetConds(f: SearchFilters, except: FacetKey | null): RawBuilder<boolean> {
  const wanted = wantedFacets(f);
  const list = FACETS.filter(([k]) => k !== except && wanted[k] !== undefined && wanted[k] !== '').map(
    ([k, col]) => sql`${sql.ref(col)} = ${wanted[k]}`,
  );
  return list.length ? sql<boolean>`${sql.join(list, sql` and `)}` : sql<boolean>`1 = 1`;
}

/** One branch per facet over `m`, each row (k, v, l, n); `also`: a further condition on every branch. */
export function facetBranches(f: SearchFilters, also: RawBuilder<boolean> = sql`1 = 1`): RawBuilder<unknown>[] {
  return FACETS.map(
    ([k, col, label]) =>
      sql`select * from (select ${k} as k, cast(${sql.ref(col)} as text) as v, ${label ? sql`max(${sql.ref(label)})` : sql`cast(null as text)`} as l, count(*) as n from m where ${sql.ref(col)} is not null and ${facetConds(f, k)} and ${also} group by ${sql.ref(col)} order by ${k === 'year' ? sql`${sql.ref(col)} desc` : sql`count(*) desc, 2`} limit 30) as ${sql.ref(`f_${k}`)}`,
  );
}

/** The facet values of the branches' rows (other rows are ignored). */
export function facetsOf(
  rows: ReadonlyArray<{ k: string; v: string | null; l: string | null; n: number | string | null }>,
): Record<FacetKey, FacetValue[]> {
  const facets = Object.fromEntries(FACETS.map(([k]) => [k, [] as FacetValue[]])) as Record<FacetKey, FacetValue[]>;
  for (const r of rows) {
    const list = facets[r.k as FacetKey];
    if (!list || r.v === null) continue;
    list.push({ value: r.v, label: r.l ?? (r.k === 'year' ? `${r.v}年` : r.v), count: Number(r.n) });
  }
  return facets;
}
