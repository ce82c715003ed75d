import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { searchProvider } from './search.provider.js';
import { parseSearchParams } from './search.rules.js';
import type { SearchResult } from './search.types.js';

/** Public search over published documents (read only; no audit event). Bad parameters → invalidFields. */
export async function searchDocuments(ctx: Ctx, params: Record<string, string | undefined>, perPage = 20): Promise<SearchResult> {
  const { request, errors } = parseSearchParams(params, perPage);
  if (errors.length) throw invalidFields(errors);
  // Defence in depth: nothing whose 发布日期 has not come is ever returned, whatever the index holds.
  const today = todayInShanghai(ctx.now());
  const filters = { ...request.filters, to: request.filters.to && request.filters.to < today ? request.filters.to : today };
  return searchProvider(ctx.db).search(request.q, filters, request.sort, request.page);
}
