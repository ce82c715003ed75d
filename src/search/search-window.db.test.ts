// Past the search window (search-engine.ts WINDOW), counts become estimates and facets are sampled;
// filtered results stay exact through the filter terms. Run with a window of 10 on both dialects.
import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { searchProvider } from './search.provider.js';
import type { SearchDoc, SearchResult } from './search.types.js';

/** The instant recorded with indexed documents. */
const AT = '2026-11-16T02:00:00.000Z';

const W = 10;
// 40 documents with 公开; the 3 of 县审计局 are the oldest indexed (outside the newest 10 matches).
const DOCS: SearchDoc[] = Array.from({ length: 40 }, (_, i) => ({
  docType: 'win_item',
  docId: i,
  orgId: i < 3 ? 9 : 1 + (i % 4),
  orgName: i < 3 ? '县审计局' : `第${1 + (i % 4)}局`,
  categoryId: 100 + (i % 2),
  categoryName: i % 2 ? '规划计划' : '政策文件',
  topic: '综合政务',
  genre: i % 5 ? '通知' : '报告',
  validity: i % 8 ? '有效' : '失效',
  publishedOn: `${2010 + (i % 10)}-06-0${1 + (i % 9)}`,
  title: i === 39 ? '审计结果公开' : `第${i}号政务公开通知`,
  body: i === 7 ? '推进河长制。政务公开。' : '依法做好政务公开工作。',
  url: `/gk/items/${i}`,
}));
const ids = (r: SearchResult) => r.hits.map((h) => Number(h.docId));

describeDb('search past the window: estimates, sampled facets, exact filtered results', (h) => {
  before(async () => {
    const p = searchProvider(h.db());
    for (const d of DOCS) await p.index(d, AT);
  });

  it('a word in every document: estimated total, facets scaled from the newest matches, results among them', async () => {
    const r = await searchProvider(h.db(), { window: W }).search('公开');
    assert.deepEqual(r.estimated, { total: true, facets: true });
    assert.ok(r.total >= 30 && r.total <= 50, `estimate near 40, got ${r.total}`);
    assert.equal(r.hits.length, W, 'ranked within the window');
    assert.ok(
      ids(r).every((id) => id >= 30),
      'the window is the newest matches',
    );
    const orgs = r.facets.org.reduce((n, f) => n + f.count, 0);
    assert.ok(orgs >= 30 && orgs <= 50, `org facet counts add up to about the total, got ${orgs}`);
    assert.ok(!r.facets.org.some((f) => f.value === '9'), 'the oldest agency is not in the sample');
    assert.equal(r.hits[0]!.docId, '39', 'title match first within the window');
  });

  it('past the window both databases rank by title (bm25 and ts_rank only while every match fits)', async () => {
    // 40 documents with 湿地 in the body only; 36 and 38 repeat it; 36–38 belong to agency 23.
    const p = searchProvider(h.db());
    for (let i = 0; i < 40; i++)
      await p.index(
        {
          docType: 'rank_item',
          docId: i,
          orgId: i >= 36 && i <= 38 ? 23 : 24,
          title: `第${i}号生态文件`,
          body: i === 36 || i === 38 ? '湿地湿地湿地湿地湿地。' : '保护湿地。',
          publishedOn: `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`,
          url: `/gk/r/${i}`,
        },
        AT,
      );
    // 40 matches past a window of 3: no title holds the word, so the newest come first, on both databases
    // (bm25 would put 38 first).
    const w3 = searchProvider(h.db(), { window: 3 });
    assert.deepEqual(ids(await w3.search('湿地')), [39, 38, 37]);
    // Agency 23's 3 matches fit in the window: SQLite ranks them by title too (bm25 would walk every match
    // of the words for its IDF), PostgreSQL by ts_rank (its cost grows with those rows only).
    const f = await w3.search('湿地', { orgId: 23 });
    assert.deepEqual(f.total, 3);
    assert.deepEqual(ids(f), h.dialect === 'sqlite' ? [38, 37, 36] : [38, 36, 37]);
    // Every match fits in a window of 50: ranked by relevance on both (36 and 38 repeat the word).
    const all = await searchProvider(h.db(), { window: 50 }).search('湿地');
    assert.equal(all.estimated.total, false);
    assert.deepEqual(ids(all).slice(0, 2), [38, 36]);
  });

  it('a selective filter gives the exact results even outside the window', async () => {
    const r = await searchProvider(h.db(), { window: W }).search('公开', { orgId: 9 });
    assert.equal(r.estimated.total, false);
    assert.equal(r.total, 3);
    assert.deepEqual(
      ids(r).sort((a, b) => a - b),
      [0, 1, 2],
    );
    const both = await searchProvider(h.db(), { window: W }).search('公开', { orgId: 9, genre: '报告' });
    assert.deepEqual(ids(both), [0]);
  });

  it('a broad filter stays estimated; fewer matches than the window stay exact', async () => {
    const broad = await searchProvider(h.db(), { window: W }).search('公开', { validity: '有效' });
    assert.equal(broad.estimated.total, true);
    assert.ok(
      broad.hits.every((x) => Number(x.docId) % 8 !== 0),
      'the filter still applies',
    );
    const rare = await searchProvider(h.db(), { window: W }).search('河长');
    assert.deepEqual(rare.estimated, { total: false, facets: false });
    assert.deepEqual(ids(rare), [7]);
    const exact = await searchProvider(h.db()).search('公开');
    assert.deepEqual(exact.estimated, { total: false, facets: false });
    assert.equal(exact.total, 40);
  });

  it('a word in some documents: the window is exactly its newest matches, quoted phrases exact', async () => {
    const p = searchProvider(h.db());
    // 60 more documents; every 6th has the phrase, every 6th from the 3rd only its words apart.
    for (let i = 0; i < 60; i++) {
      const body = i % 6 === 0 ? '推进城乡融合发展。' : i % 6 === 3 ? '城乡之间，融合发展。' : '其他内容。';
      await p.index(
        { docType: 'win_more', docId: i, title: `补充文件${i}`, body, publishedOn: '2020-01-01', url: `/gk/x/${i}` },
        AT,
      );
    }
    const newest = (r: SearchResult) => r.hits.map((x) => Number(x.docId)).sort((a, b) => a - b);
    const w3 = searchProvider(h.db(), { window: 3 });
    const r = await w3.search('城乡融合', {}, 'relevance', { page: 1, perPage: 20 });
    assert.equal(r.estimated.total, true);
    assert.deepEqual(newest(r), [42, 48, 54]);
    const q = await w3.search('"城乡融合"', {}, 'relevance', { page: 1, perPage: 20 });
    assert.deepEqual(newest(q), [42, 48, 54]);
    const all = await searchProvider(h.db()).search('"城乡融合"', {}, 'relevance', { page: 1, perPage: 20 });
    assert.deepEqual([all.total, newest(all)], [10, [0, 6, 12, 18, 24, 30, 36, 42, 48, 54]]);
  });
});
