/**
 * The write side of the index, for one document or many at once (a catalogue import batch): the rows
 * a document is stored as, and their removal. A batch costs a few statements whatever its size (one
 * read and two deletes of the rows it replaces, one insert of the narrow rows, one of the texts, per
 * CHUNK documents) instead of five per document; the rows are the same as one document at a time
 * (index-many.db.test.ts).
 */
import type { Db } from '../platform/db/schema.js';
import './search.tables.js';
import { normalizeDocNo, normalizeText, tokensOfNormalized } from './tokenizer.rules.js';
import { filterTokens, type FilterValues } from './filter-tokens.rules.js';
import type { SearchDoc } from './search.types.js';

/** Characters of a body that are tokenized (PostgreSQL caps a tsvector at 1 MB); exact checks use the whole text. */
export const MAX_INDEXED_BODY = 100_000;
/**
 * Documents per statement: 17 bound values a row, under SQLite's 32,766 and PostgreSQL's 65,535
 * parameters, and a few MB of text per insert.
 */
const CHUNK = 500;
/** Ideographic description characters: OpenCC reads one and the characters it describes as one unit. */
const IDC = /[\u2ff0-\u2fff]/;

/** Normalized text of a title and a body joined by a line break, the way `normalizeText(title + '\n' + body)` makes it. */
function normalizedParts(title: string, body: string): { title: string; body: string } | null {
  // Each step of normalizeText keeps a line break and never reads across it (NFKC, lower case and the
  // radical folding work within it; no OpenCC dictionary entry holds one), except an IDC sequence.
  if (IDC.test(title)) return null;
  return { title: normalizeText(title), body: normalizeText(body) };
}

/** Tokens and normalized text of a document's title and body; its filter values end the body tokens. */
export function textRow(title: string, body: string, filters?: FilterValues) {
  const ft = filters ? filterTokens(filters) : '';
  const parts = normalizedParts(title, body);
  const normTitle = parts?.title ?? normalizeText(title);
  const bodyTokens = tokensOfNormalized(
    parts && body.length <= MAX_INDEXED_BODY ? parts.body : normalizeText(body.slice(0, MAX_INDEXED_BODY)),
  );
  return {
    body,
    title_tokens: tokensOfNormalized(normTitle),
    body_tokens: ft ? (bodyTokens ? `${bodyTokens} ${ft}` : ft) : bodyTokens,
    norm_text: parts ? `${parts.title}\n${parts.body}` : normalizeText(`${title}\n${body}`),
  };
}

/** The narrow row stored for a document. */
export function docRow(doc: SearchDoc, now: string) {
  const publishedOn = doc.publishedOn ?? null;
  return {
    doc_type: doc.docType,
    doc_id: String(doc.docId),
    org_id: doc.orgId ?? null,
    org_name: doc.orgName ?? null,
    category_id: doc.categoryId ?? null,
    category_name: doc.categoryName ?? null,
    topic: doc.topic || null,
    genre: doc.genre || null,
    validity: doc.validity || null,
    year: publishedOn ? Number(publishedOn.slice(0, 4)) : null,
    published_on: publishedOn,
    title: doc.title.trim(),
    doc_no: doc.docNo || null,
    doc_no_norm: doc.docNo ? normalizeDocNo(doc.docNo) : null,
    // Upper case: a 索引号 is found whatever the letter case typed (parseQuery upper-cases the query too).
    index_no: doc.indexNo?.trim().toUpperCase() || null,
    url: doc.url,
    indexed_at: now,
  };
}

/** A document of the index by its source: type and id. */
export interface DocKey {
  docType: string;
  docId: string | number;
}

const keyOf = (docType: string, docId: string | number) => `${docType}\u0000${docId}`;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** Removes the documents from the index; returns how many of them were indexed. */
export async function removeDocs(db: Db, keys: readonly DocKey[]): Promise<number> {
  const byType = new Map<string, Set<string>>();
  for (const k of keys) {
    const ids = byType.get(k.docType) ?? new Set<string>();
    ids.add(String(k.docId));
    byType.set(k.docType, ids);
  }
  const found = new Set<string>();
  for (const [docType, docIds] of byType) {
    for (const part of chunks([...docIds])) {
      const rows = await db
        .selectFrom('search_docs')
        .select(['id', 'doc_id'])
        .where('doc_type', '=', docType)
        .where('doc_id', 'in', part)
        .execute();
      if (!rows.length) continue;
      const ids = rows.map((r) => Number(r.id));
      await db.deleteFrom('search_texts').where('id', 'in', ids).execute();
      await db.deleteFrom('search_docs').where('id', 'in', ids).execute();
      for (const r of rows) found.add(keyOf(docType, r.doc_id));
    }
  }
  return found.size;
}

/**
 * Adds or replaces documents (the last one wins when a batch names a document twice); `indexedAt` is
 * the instant recorded with them (the caller's clock).
 */
export async function indexDocs(db: Db, docs: readonly SearchDoc[], indexedAt: string): Promise<void> {
  const last = new Map<string, SearchDoc>();
  for (const d of docs) {
    const k = keyOf(d.docType, d.docId);
    last.delete(k);
    last.set(k, d);
  }
  const todo = [...last.values()];
  if (!todo.length) return;
  await removeDocs(db, todo);
  for (const part of chunks(todo)) {
    const rows = part.map((d) => docRow(d, indexedAt));
    // Ids by (type, id): the order of RETURNING rows is not promised.
    const idOf = new Map(
      (await db.insertInto('search_docs').values(rows).returning(['id', 'doc_type', 'doc_id']).execute()).map((r) => [
        keyOf(r.doc_type, r.doc_id),
        Number(r.id),
      ]),
    );
    await db
      .insertInto('search_texts')
      .values(
        rows.map((row, k) => ({
          id: idOf.get(keyOf(row.doc_type, row.doc_id))!,
          ...textRow(row.title, part[k]!.body ?? '', row),
        })),
      )
      .execute();
  }
}
