/**
 * The part of search both providers share: document rows, filters, facets, paging and highlighting.
 * A provider supplies only how the text query matches and ranks (DialectSearch).
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB, Db } from '../platform/db/schema.js';
import './search.tables.js';
import { indexTokens, normalizeDocNo, normalizeText, parseQuery, type ParsedQuery } from './tokenizer.rules.js';
import { highlight, snippet } from './highlight.rules.js';
import type { FacetKey, FacetValue, PageRequest, SearchDoc, SearchFilters, SearchHit, SearchProvider, SearchResult, SearchSort } from './search.types.js';

type Q = SelectQueryBuilder<DB, 'search_docs', object>;

/** What differs between SQLite FTS5 and PostgreSQL tsvector. */
export interface DialectSearch {
  readonly name: SearchProvider['name'];
  /** Restricts q to documents matching every phrase (index part only). */
  match(q: Q, parsed: ParsedQuery): Q;
  /** Relevance score, higher is better; only called after match(). */
  score(parsed: ParsedQuery): RawBuilder<number>;
  /** Exact substring check on search_docs.norm_text. */
  contains(needle: string): RawBuilder<boolean>;
  /** Called after reindex has rewritten every row's tokens. */
  afterReindex(db: Db): Promise<void>;
}

export const MAX_PER_PAGE = 50;
export const MAX_PAGE = 100;
const REINDEX_BATCH = 500;
/** Characters of a body that are tokenized (PostgreSQL caps a tsvector at 1 MB); exact checks use the whole text. */
export const MAX_INDEXED_BODY = 100_000;

/** The row stored for a document. */
export function docRow(doc: SearchDoc, now: string) {
  const title = doc.title.trim();
  const body = doc.body ?? '';
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
    title,
    body,
    doc_no: doc.docNo || null,
    doc_no_norm: doc.docNo ? normalizeDocNo(doc.docNo) : null,
    index_no: doc.indexNo?.trim() || null,
    url: doc.url,
    title_tokens: indexTokens(title),
    body_tokens: indexTokens(body.slice(0, MAX_INDEXED_BODY)),
    norm_text: normalizeText(`${title}\n${body}`),
    indexed_at: now,
  };
}

const FACET_COLUMNS: Record<FacetKey, { col: 'org_id' | 'category_id' | 'topic' | 'genre' | 'validity' | 'year'; label: 'org_name' | 'category_name' | null; filter: keyof SearchFilters }> = {
  org: { col: 'org_id', label: 'org_name', filter: 'orgId' },
  category: { col: 'category_id', label: 'category_name', filter: 'categoryId' },
  topic: { col: 'topic', label: null, filter: 'topic' },
  genre: { col: 'genre', label: null, filter: 'genre' },
  validity: { col: 'validity', label: null, filter: 'validity' },
  year: { col: 'year', label: null, filter: 'year' },
};

/** A provider bound to a database handle (or transaction). */
export function makeProvider(db: Db, d: DialectSearch): SearchProvider {
  function filtered(parsed: ParsedQuery, f: SearchFilters, except?: keyof SearchFilters): Q {
    let q = db.selectFrom('search_docs') as Q;
    if (f.orgId !== undefined && except !== 'orgId') q = q.where('search_docs.org_id', '=', f.orgId);
    if (f.categoryId !== undefined && except !== 'categoryId') q = q.where('search_docs.category_id', '=', f.categoryId);
    if (f.topic && except !== 'topic') q = q.where('search_docs.topic', '=', f.topic);
    if (f.genre && except !== 'genre') q = q.where('search_docs.genre', '=', f.genre);
    if (f.validity && except !== 'validity') q = q.where('search_docs.validity', '=', f.validity);
    if (f.year !== undefined && except !== 'year') q = q.where('search_docs.year', '=', f.year);
    if (f.from) q = q.where('search_docs.published_on', '>=', f.from);
    if (f.to) q = q.where('search_docs.published_on', '<=', f.to);
    if (parsed.indexNo) q = q.where('search_docs.index_no', '=', parsed.indexNo);
    if (parsed.docNo) {
      q = parsed.docNo.startsWith('〔') ? q.where('search_docs.doc_no_norm', 'like', `%${parsed.docNo}`) : q.where('search_docs.doc_no_norm', '=', parsed.docNo);
    }
    if (parsed.phrases.length) {
      q = d.match(q, parsed);
      for (const p of parsed.phrases) if (p.exact && p.text) q = q.where(d.contains(p.text));
    }
    return q;
  }

  async function facet(parsed: ParsedQuery, f: SearchFilters, key: FacetKey): Promise<FacetValue[]> {
    const { col, label, filter } = FACET_COLUMNS[key];
    const rows = await filtered(parsed, f, filter)
      .select([sql<string | number | null>`search_docs.${sql.ref(col)}`.as('v'), sql<string | null>`max(${label ? sql.ref(`search_docs.${label}`) : sql.lit(null)})`.as('l'), sql<number>`count(*)`.as('n')])
      .where(sql.ref(`search_docs.${col}`), 'is not', null)
      .groupBy(`search_docs.${col}`)
      .orderBy(key === 'year' ? sql`1` : sql`3`, 'desc')
      .orderBy(sql`1`)
      .limit(30)
      .execute();
    return rows.map((r) => ({ value: String(r.v), label: r.l ?? (key === 'year' ? `${r.v}年` : String(r.v)), count: Number(r.n) }));
  }

  return {
    name: d.name,

    async index(doc) {
      const row = docRow(doc, new Date().toISOString());
      await db.deleteFrom('search_docs').where('doc_type', '=', row.doc_type).where('doc_id', '=', row.doc_id).execute();
      await db.insertInto('search_docs').values(row).execute();
    },

    async remove(docType, docId) {
      const r = await db.deleteFrom('search_docs').where('doc_type', '=', docType).where('doc_id', '=', String(docId)).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async search(query, filters = {}, sort: SearchSort = 'relevance', pageReq?: PageRequest): Promise<SearchResult> {
      const parsed = parseQuery(query);
      const perPage = Math.min(MAX_PER_PAGE, Math.max(1, pageReq?.perPage ?? 20));
      const page = Math.min(MAX_PAGE, Math.max(1, pageReq?.page ?? 1));
      const base = filtered(parsed, filters);
      const byRank = sort === 'relevance' && parsed.phrases.length > 0;
      const rows = await base
        .select([
          'search_docs.id',
          'search_docs.doc_type',
          'search_docs.doc_id',
          'search_docs.url',
          'search_docs.title',
          'search_docs.body',
          'search_docs.published_on',
          'search_docs.org_name',
          'search_docs.category_name',
          'search_docs.doc_no',
          'search_docs.index_no',
          'search_docs.validity',
          (parsed.phrases.length ? d.score(parsed) : sql<number>`0`).as('score'),
        ])
        .$if(byRank, (q) => q.orderBy(sql`score`, 'desc'))
        .orderBy('search_docs.published_on', 'desc')
        .orderBy('search_docs.id', 'desc')
        .limit(perPage)
        .offset((page - 1) * perPage)
        .execute();
      const totalRow = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const keys = Object.keys(FACET_COLUMNS) as FacetKey[];
      const facetLists = await Promise.all(keys.map((k) => facet(parsed, filters, k)));
      const needles = parsed.phrases.map((p) => p.text);
      const hits: SearchHit[] = rows.map((r) => ({
        id: Number(r.id),
        docType: r.doc_type,
        docId: r.doc_id,
        url: r.url,
        title: highlight(r.title, needles),
        snippet: snippet(r.body, needles),
        score: Math.round(Number(r.score) * 1e6) / 1e6,
        publishedOn: r.published_on,
        orgName: r.org_name,
        categoryName: r.category_name,
        docNo: r.doc_no,
        indexNo: r.index_no,
        validity: r.validity,
      }));
      return {
        hits,
        total: Number(totalRow.n),
        facets: Object.fromEntries(keys.map((k, i) => [k, facetLists[i]])) as Record<FacetKey, FacetValue[]>,
        page,
        perPage,
        terms: needles,
      };
    },

    async reindex(progress) {
      const total = Number((await db.selectFrom('search_docs').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
      let done = 0;
      let after = 0;
      for (;;) {
        const batch = await db.selectFrom('search_docs').select(['id', 'title', 'body']).where('id', '>', after).orderBy('id').limit(REINDEX_BATCH).execute();
        if (!batch.length) break;
        for (const r of batch) {
          await db
            .updateTable('search_docs')
            .set({ title_tokens: indexTokens(r.title), body_tokens: indexTokens(r.body.slice(0, MAX_INDEXED_BODY)), norm_text: normalizeText(`${r.title}\n${r.body}`) })
            .where('id', '=', r.id)
            .execute();
        }
        done += batch.length;
        after = batch[batch.length - 1].id;
        progress?.(done, total);
      }
      await d.afterReindex(db);
      return { count: done };
    },
  };
}
