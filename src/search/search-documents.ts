import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { searchProvider } from './search.provider.js';
import { parseSearchParams } from './search.rules.js';
import { parseQuery } from './tokenizer.rules.js';
import type { SearchResult } from './search.types.js';

const unsearchable = (page: number, perPage: number): SearchResult => ({
  hits: [],
  total: 0,
  facets: { org: [], category: [], topic: [], genre: [], validity: [], year: [] },
  page,
  perPage,
  terms: [],
  estimated: { total: false, facets: false },
  unsearchable: true,
});

/** Public search over published documents (read only; no audit event). Bad parameters → invalidFields. */
export async function searchDocuments(
  ctx: Ctx,
  params: Record<string, string | undefined>,
  perPage = 20,
): Promise<SearchResult> {
  const { request, errors } = parseSearchParams(params, perPage);
  if (errors.length) throw invalidFields(errors);
  // A query of symbols only (`%`, `*`, an emoji) is not "no query": it finds nothing, and says why.
  if (request.q && parseQuery(request.q).empty) return unsearchable(request.page.page, request.page.perPage);
  // Defence in depth: nothing whose 发布日期 has not come is ever returned, whatever the index holds.
  const today = todayInShanghai(ctx.now());
  const filters = {
    ...request.filters,
    to: request.filters.to && request.filters.to < today ? request.filters.to : today,
  };
  return searchProvider(ctx.db).search(request.q, filters, request.sort, request.page);
}
