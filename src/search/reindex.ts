import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { tx } from '../platform/tx.js';
import { todayInShanghai } from '../platform/dates.js';
import { writeAudit } from '../platform/audit/audit.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { searchProvider } from './search.provider.js';
import { mayReindex } from './search.rules.js';
import { searchSources } from './search-sources.js';

export type ReindexProgress = (e: {
  phase: 'source' | 'tokens';
  docType?: string;
  done: number;
  total: number;
}) => void;

/**
 * Rebuilds the search index: every registered source is re-read (documents no longer yielded are
 * removed), then every row's tokens are recomputed and the full-text structure rebuilt.
 */
export async function reindexSearch(ctx: Ctx, progress?: ReindexProgress): Promise<{ count: number; removed: number }> {
  if (!mayReindex(ctx.actor)) throw forbidden();
  return tx(ctx, async (trx) => {
    const provider = searchProvider(trx);
    const at = ctx.now().toISOString();
    const today = todayInShanghai(ctx.now());
    let removed = 0;
    for (const source of searchSources()) {
      const total = await source.count(trx, today);
      const seen = new Set<string>();
      let done = 0;
      for await (const doc of source.documents(trx, today)) {
        await provider.index(doc, at);
        seen.add(String(doc.docId));
        if (++done % 500 === 0) progress?.({ phase: 'source', docType: source.docType, done, total });
      }
      progress?.({ phase: 'source', docType: source.docType, done, total });
      const existing = await trx
        .selectFrom('search_docs')
        .select('doc_id')
        .where('doc_type', '=', source.docType)
        .execute();
      for (const r of existing) if (!seen.has(r.doc_id) && (await provider.remove(source.docType, r.doc_id))) removed++;
    }
    const { count } = await provider.reindex(at, (done, total) => progress?.({ phase: 'tokens', done, total }));
    await bumpPublicVersion(trx, ctx);
    await writeAudit(trx, ctx, {
      action: 'search.reindex',
      subjectType: 'search_index',
      summary: `重建检索索引：${count} 篇文档${removed ? `，移除 ${removed} 篇已不公开的文档` : ''}`,
    });
    return { count, removed };
  });
}
