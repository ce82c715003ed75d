import type { Db } from '../platform/db/schema.js';
import { indexDocs, removeDocs } from './index-many.js';
import type { SearchDoc } from './search.types.js';

/** One source record's state for the index: its document, or null when it is no longer public. */
export interface SyncEntry {
  docType: string;
  docId: string | number;
  doc: SearchDoc | null;
}

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
  await syncSearchDocuments(db, [{ docType, docId, doc }], at);
}

/**
 * `syncSearchDocument` for many records at once (an import batch): a few statements per 500 documents
 * instead of five per document (index-many.ts), the same rows. When a record appears twice, its last
 * entry counts.
 */
export async function syncSearchDocuments(db: Db, entries: readonly SyncEntry[], at: string): Promise<void> {
  const last = new Map<string, SyncEntry>();
  for (const e of entries) last.set(`${e.docType}\u0000${e.docId}`, e);
  const gone = [...last.values()].filter((e) => !e.doc);
  const docs = [...last.values()].flatMap((e) => (e.doc ? [e.doc] : []));
  if (gone.length) await removeDocs(db, gone);
  if (docs.length) await indexDocs(db, docs, at);
}
