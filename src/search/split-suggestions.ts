import type { Ctx } from '../platform/context.js';
import { searchDocuments } from './search-documents.js';
import { twoWordReadings } from './query-splits.rules.js';

/** How many readings are offered at most. */
const OFFERED = 3;

/**
 * For a search that found nothing: the two-word readings of its query (twoWordReadings) that do find
 * something with the same filters, most results first — 防汛 会议（9 条）. Asked only after an empty result,
 * at most ten small searches (one hit each).
 */
export async function splitSuggestions(
  ctx: Ctx,
  params: Record<string, string | undefined>,
): Promise<Array<{ q: string; total: number }>> {
  const found: Array<{ q: string; total: number }> = [];
  for (const q of twoWordReadings(params.q ?? '')) {
    const { total } = await searchDocuments(ctx, { ...params, q, page: undefined }, 1);
    if (total > 0) found.push({ q, total });
  }
  return found.sort((a, b) => b.total - a.total).slice(0, OFFERED);
}
