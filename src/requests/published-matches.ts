/** Published catalogue items that may already answer an application (“这些信息可能已经主动公开”), via the public search. */
import type { Ctx } from '../platform/context.js';
import { searchDocuments } from '../search/index.js';

/** One matching published item. */
export interface PublishedMatch {
  title: string;
  url: string;
  orgName: string | null;
  publishedOn: string | null;
}

/** Up to 5 published items matching the information wanted; none when the search is unavailable. */
export async function matchPublished(
  ctx: Ctx,
  v: { infoTitle?: string; infoRef?: string; infoDescription?: string },
): Promise<PublishedMatch[]> {
  const q = (v.infoTitle || v.infoRef || (v.infoDescription ?? '').slice(0, 60)).trim();
  if (!q) return [];
  try {
    const r = await searchDocuments(ctx, { q }, 5);
    return r.hits.map((h) => ({
      title: h.title.map((p) => p.t).join(''),
      url: h.url,
      orgName: h.orgName,
      publishedOn: h.publishedOn,
    }));
  } catch {
    return [];
  }
}
