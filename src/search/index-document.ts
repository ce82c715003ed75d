import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields } from '../platform/errors.js';
import { tx } from '../platform/tx.js';
import { writeAudit } from '../platform/audit/audit.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { searchProvider } from './search.provider.js';
import { mayIndex, validateSearchDoc } from './search.rules.js';
import type { SearchDoc } from './search.types.js';

/**
 * Adds or replaces a document in the search index. Call it inside the publishing use-case's
 * transaction on publish and on correction (docs/search.md), so the index and the item commit together.
 */
export async function indexDocument(ctx: Ctx, doc: SearchDoc): Promise<void> {
  const errors = validateSearchDoc(doc);
  if (errors.length) throw invalidFields(errors);
  if (!mayIndex(ctx.actor)) throw forbidden();
  await tx(ctx, async (trx) => {
    await searchProvider(trx).index(doc, ctx.now().toISOString());
    await bumpPublicVersion(trx, ctx);
    await writeAudit(trx, ctx, {
      action: 'search.index',
      subjectType: doc.docType,
      subjectId: String(doc.docId),
      orgId: doc.orgId ?? null,
      summary: `检索索引收录「${doc.title.trim().slice(0, 80)}」`,
    });
  });
}
