import type { Db } from '../platform/db/schema.js';
import { searchProvider } from './search.provider.js';
import type { SearchDoc } from './search.types.js';

/**
 * Keeps the index in step with a source record, inside the source's own audited transaction
 * (publish, correction, withdrawal): the index is derived data, so this writes no audit event of
 * its own. `doc` null removes the document.
 */
export async function syncSearchDocument(
  db: Db,
  docType: string,
  docId: string | number,
  doc: SearchDoc | null,
  at: string,
): Promise<void> {
  const provider = searchProvider(db);
  if (doc) await provider.index(doc, at);
  else await provider.remove(docType, docId);
}
