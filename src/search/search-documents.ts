import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { searchProvider } from './search.provider.js';
import { parseSearchParams } from './search.rules.js';
import type { SearchResult } from './search.types.js';

/** Public search over published documents (read only; no audit event). Bad parameters → invalidFields. */
export async function searchDocuments(ctx: Ctx, params: Record<string, string | undefined>, perPage = 20): Promise<SearchResult> {
  const { request, errors } = parseSearchParams(params, perPage);
  if (errors.length) throw invalidFields(errors);
  return searchProvider(ctx.db).search(request.q, request.filters, request.sort, request.page);
}
