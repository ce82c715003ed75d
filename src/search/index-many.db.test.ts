// A batch written by syncSearchDocuments stores exactly the rows the one-document path stores.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeDb } from '../../test/helpers/db.js';
import type { Db } from '../platform/db/schema.js';
import { searchProvider } from './search.provider.js';
import { syncSearchDocument, syncSearchDocuments } from './sync-document.js';
import type { SearchDoc } from './search.types.js';

const AT = '2026-11-16T02:00:00.000Z';
const WORDS = ['预算公开', '政府信息', '財政預算', '河⻓制', 'GB/T 9704-2012', '湛府办〔2009〕69号', 'ＡＢＣ'];

/** 1,100 documents (more than one chunk of 500), varied in every column the index derives. */
function docs(): SearchDoc[] {
  return Array.from({ length: 1100 }, (_, i) => ({
    docType: i % 5 ? 'test_item' : 'test_guide',
    docId: i % 2 ? i : `g${i}`,
    title: ` 第${i}号 ${WORDS[i % WORDS.length]}通知 `,
    body: `${WORDS[(i * 3) % WORDS.length]}。第${i}段正文，${'各部门'.repeat(i % 7)}\n${WORDS[(i + 2) % WORDS.length]}`,
    publishedOn: i % 11 ? `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}` : null,
    orgId: i % 4 ? 1 + (i % 3) : null,
    orgName: i % 4 ? `机构${i % 3}` : null,
    categoryId: i % 6 ? 10 + (i % 2) : null,
    categoryName: i % 6 ? `分类${i % 2}` : null,
    topic: i % 3 ? '综合政务' : '',
    genre: i % 2 ? '通知' : undefined,
    validity: i % 9 ? '有效' : '失效',
    docNo: i % 4 ? `湛府办[20${10 + (i % 10)}]${i}号` : null,
    indexNo: i % 5 ? ` 11440800007217xx/2019-${String(i).padStart(5, '0')} ` : null,
    url: `/gk/test/${i}`,
  }));
}

/** Every stored row of the index, without the ids (fresh ones on every write), in a fixed order. */
async function rows(db: Db) {
  const r = await db
    .selectFrom('search_docs as s')
    .innerJoin('search_texts as t', 't.id', 's.id')
    .selectAll('s')
    .select(['t.body', 't.title_tokens', 't.body_tokens', 't.norm_text'])
    .orderBy('s.doc_type')
    .orderBy('s.doc_id')
    .execute();
  return r.map(({ id: _id, ...rest }) => rest);
}

/** What a few searches find (full-text structure, filters, 文号 and 索引号 columns). */
async function finds(db: Db) {
  const p = searchProvider(db);
  const out: unknown[] = [];
  for (const q of [
    '预算',
    '"政府信息"',
    '财政预算',
    '河长制',
    '9704',
    '湛府办〔2011〕',
    '11440800007217XX/2019-00003',
  ]) {
    const r = await p.search(q, {}, 'date', { page: 1, perPage: 50 });
    out.push([q, r.total, r.hits.map((h) => `${h.docType}/${h.docId}`)]);
    const f = await p.search(q, { orgId: 2, validity: '有效' }, 'date', { page: 1, perPage: 50 });
    out.push([q, f.total, f.hits.map((h) => `${h.docType}/${h.docId}`)]);
  }
  return out;
}

describeDb('search index: batch write', (h) => {
  it('syncSearchDocuments stores the rows syncSearchDocument stores one at a time, and finds the same', async () => {
    const all = docs();
    const db = h.db();
    // Indexed before: one document the batch replaces, one it removes.
    await syncSearchDocument(db, 'test_item', 1, { ...all[1]!, title: '旧标题' }, AT);
    await syncSearchDocument(db, 'test_old', 'gone', { ...all[3]!, docType: 'test_old', docId: 'gone' }, AT);
    await syncSearchDocuments(
      db,
      [
        { docType: 'test_old', docId: 'gone', doc: null },
        { docType: 'test_item', docId: 7, doc: { ...all[7]!, title: '先写后改' } },
        ...all.map((d) => ({ docType: d.docType, docId: d.docId, doc: d })),
      ],
      AT,
    );
    const batch = await rows(db);
    const batchFinds = await finds(db);
    assert.equal(batch.length, all.length);

    await syncSearchDocuments(
      db,
      all.map((d) => ({ docType: d.docType, docId: d.docId, doc: null })),
      AT,
    );
    assert.equal((await rows(db)).length, 0);
    for (const d of all) await syncSearchDocument(db, d.docType, d.docId, d, AT);
    assert.deepEqual(batch, await rows(db));
    assert.deepEqual(batchFinds, await finds(db));
  });

  it('the full-text structures hold exactly the stored texts after batches, replacements and removals', async () => {
    const db = h.db();
    // From an empty index (the test above leaves its documents).
    await syncSearchDocuments(
      db,
      docs().map((d) => ({ docType: d.docType, docId: d.docId, doc: null })),
      AT,
    );
    const all = docs().slice(0, 600);
    await syncSearchDocuments(
      db,
      all.map((d) => ({ docType: d.docType, docId: d.docId, doc: d })),
      AT,
    );
    await syncSearchDocuments(
      db,
      all.slice(0, 300).map((d, i) => ({
        docType: d.docType,
        docId: d.docId,
        doc: i % 3 ? { ...d, title: `改过的标题${i}` } : null,
      })),
      AT,
    );
    const texts = await db.selectFrom('search_texts').select(['id', 'title_tokens']).execute();
    assert.equal(texts.length, 600 - 100);
    if (h.dialect !== 'sqlite') {
      // PostgreSQL's tsvectors are generated columns of the same rows.
      const bare = await sql<{
        n: number;
      }>`select count(*) as n from search_texts where tsv is null or title_tsv is null`.execute(db);
      assert.equal(Number(bare.rows[0]!.n), 0);
      return;
    }
    // FTS5 compares the body index with search_texts, row by row and token by token.
    const check = () => sql`insert into search_fts(search_fts, rank) values ('integrity-check', 1)`.execute(db);
    await check();
    // The title index: one row per text, keyed by title length then id.
    const keys = (await sql<{ rowid: number }>`select rowid from search_title_fts order by rowid`.execute(db)).rows.map(
      (r) => Number(r.rowid),
    );
    const expected = texts
      .map((t) => (1048576 - (t.title_tokens ? t.title_tokens.split(' ').length : 0)) * 4294967296 + Number(t.id))
      .sort((a, b) => a - b);
    assert.deepEqual(keys, expected);
    // The check can fail: a text missing from the body index is found.
    const one = texts[0]!;
    const full = await db
      .selectFrom('search_texts')
      .select(['title_tokens', 'body_tokens'])
      .where('id', '=', one.id)
      .executeTakeFirstOrThrow();
    await sql`insert into search_fts(search_fts, rowid, title_tokens, body_tokens) values ('delete', ${one.id}, ${full.title_tokens}, ${full.body_tokens})`.execute(
      db,
    );
    await assert.rejects(check());
  });
});
