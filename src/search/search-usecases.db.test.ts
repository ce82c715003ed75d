import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { publicActor } from '../platform/context.js';
import { isAppError } from '../platform/errors.js';
import { indexDocument } from './index-document.js';
import { removeDocument } from './remove-document.js';
import { reindexSearch } from './reindex.js';
import { searchDocuments } from './search-documents.js';
import { registerSearchSource } from './search-sources.js';
import type { SearchDoc } from './search.types.js';

const doc = (id: string, title: string): SearchDoc => ({
  docType: 'uc_item',
  docId: id,
  title,
  body: `${title}的正文。`,
  url: `/gk/items/${id}`,
  publishedOn: '2025-01-02',
  orgId: 1,
  orgName: '县政府',
});

describeDb('search use-cases', (h) => {
  const lastAudit = () =>
    h.db().selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  it('indexDocument makes a document findable and writes one audit event', async () => {
    await indexDocument(h.ctx(), doc('a1', '关于开展防汛演练的通知'));
    const r = await searchDocuments(h.ctx(), { q: '防汛' });
    assert.equal(r.total, 1);
    assert.equal(r.hits[0].url, '/gk/items/a1');
    const a = await lastAudit();
    assert.equal(a.action, 'search.index');
    assert.equal(a.subject_id, 'a1');
    assert.match(a.summary, /防汛演练/);
  });

  it('bad input is refused with field errors and nothing is saved; the public may not index', async () => {
    await assert.rejects(indexDocument(h.ctx(), { ...doc('a2', ' '), url: 'http://evil.example/' }), (e) => {
      assert.ok(isAppError(e));
      assert.deepEqual(e.errors.map((x) => x.field).sort(), ['title', 'url']);
      return true;
    });
    await assert.rejects(
      indexDocument(h.ctx(publicActor('127.0.0.1')), doc('a3', '公众不能写入')),
      (e) => isAppError(e) && e.kind === 'forbidden',
    );
    assert.equal((await searchDocuments(h.ctx(), { q: '写入' })).total, 0);
  });

  it('removeDocument (withdrawal) makes it unfindable and is audited', async () => {
    assert.equal(await removeDocument(h.ctx(), { docType: 'uc_item', docId: 'a1' }), true);
    assert.equal((await searchDocuments(h.ctx(), { q: '防汛' })).total, 0);
    assert.equal((await lastAudit()).action, 'search.remove');
  });

  it('searchDocuments rejects bad parameters with Chinese messages', async () => {
    await assert.rejects(
      searchDocuments(h.ctx(), { q: '通知', from: '2025-02-30' }),
      (e) => isAppError(e) && e.errors[0].field === 'from' && /日期/.test(e.errors[0].message),
    );
    await assert.rejects(searchDocuments(h.ctx(), { org: 'abc' }), (e) => isAppError(e) && e.errors[0].field === 'org');
  });

  it('reindex re-reads registered sources, drops what they no longer yield, reports progress', async () => {
    await indexDocument(h.ctx(), doc('old', '已撤回的旧文件'));
    registerSearchSource({
      docType: 'uc_item',
      count: async () => 2,
      async *documents() {
        yield doc('n1', '乡村振兴规划');
        yield doc('n2', '乡村道路养护');
      },
    });
    const phases: string[] = [];
    const r = await reindexSearch(h.ctx(), (e) => phases.push(`${e.phase}:${e.done}/${e.total}`));
    assert.equal(r.removed, 1);
    assert.ok(phases.includes('source:2/2'));
    assert.equal((await searchDocuments(h.ctx(), { q: '乡村' })).total, 2);
    assert.equal((await searchDocuments(h.ctx(), { q: '旧文件' })).total, 0);
    assert.match((await lastAudit()).summary, /重建检索索引/);
    await assert.rejects(reindexSearch(h.ctx(publicActor(null))), (e) => isAppError(e) && e.kind === 'forbidden');
    registerSearchSource({ docType: 'uc_item', count: async () => 0, async *documents() {} });
  });
});
