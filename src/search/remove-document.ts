import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields } from '../platform/errors.js';
import { tx } from '../platform/tx.js';
import { writeAudit } from '../platform/audit/audit.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { searchProvider } from './search.provider.js';
import { mayIndex } from './search.rules.js';

/**
 * Takes a document out of the search index (withdrawal 撤回, unpublishing, deletion). Call it inside
 * the withdrawing use-case's transaction. Returns whether the document was indexed.
 */
export async function removeDocument(ctx: Ctx, input: { docType: string; docId: string | number }): Promise<boolean> {
  if (!input.docType || input.docId === undefined || String(input.docId) === '') {
    throw invalidFields([{ code: 'search_doc_missing', message: '缺少文档类型或编号。', field: 'docId' }]);
  }
  if (!mayIndex(ctx.actor)) throw forbidden();
  return tx(ctx, async (trx) => {
    const removed = await searchProvider(trx).remove(input.docType, input.docId);
    if (removed) await bumpPublicVersion(trx, ctx);
    await writeAudit(trx, ctx, {
      action: 'search.remove',
      subjectType: input.docType,
      subjectId: String(input.docId),
      summary: removed ? '从检索索引中移除文档' : '移除检索索引（文档原本未收录）',
    });
    return removed;
  });
}
