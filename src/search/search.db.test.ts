// The one contract suite every SearchProvider passes (SQLite FTS5 and PostgreSQL tsvector).
import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { searchProvider } from './search.provider.js';
import { partsToHtml } from './highlight.rules.js';
import type { SearchDoc, SearchResult } from './search.types.js';

/** The instant recorded with indexed documents. */
const AT = '2026-11-16T02:00:00.000Z';

const base = {
  docType: 'test_item',
  topic: '综合政务',
  genre: '通知',
  validity: '有效',
  orgId: 1,
  orgName: '县政府办公室',
  categoryId: 10,
  categoryName: '政策文件',
};

const DOCS: SearchDoc[] = [
  {
    ...base,
    docId: 'budget',
    title: '关于做好2024年预算公开工作的通知',
    body: '各乡镇、各部门：现就部门预算公开有关事项通知如下。',
    publishedOn: '2024-03-01',
    orgId: 2,
    orgName: '县财政局',
    topic: '财政、金融、审计',
    url: '/gk/items/budget',
  },
  {
    ...base,
    docId: 'report',
    title: '2023年政府信息公开工作年度报告',
    body: '本机关全年主动公开政府信息120条，其中预算类3条。',
    publishedOn: '2024-01-20',
    genre: '报告',
    url: '/gk/items/report',
  },
  {
    ...base,
    docId: 'river',
    title: '关于全面推行河长制的实施意见',
    body: '為貫徹落實全面推行河長制的要求，結合本縣實際，提出如下意見。',
    publishedOn: '2017-05-02',
    validity: '失效',
    categoryId: 11,
    categoryName: '规划计划',
    url: '/gk/items/river',
  },
  {
    ...base,
    docId: 'split',
    title: '信息与公开的关系',
    body: '本文讨论公开信息、信息、公开等概念。',
    publishedOn: '2022-06-01',
    url: '/gk/items/split',
  },
  {
    ...base,
    docId: 'docno',
    title: '关于贯彻落实69号文件精神的通知',
    body: '请各单位认真学习湛府办[2009]69号文件精神。缴纳个人所得税。',
    publishedOn: '2009-08-15',
    docNo: '湛府办[2009]69号',
    indexNo: '000014349/2018-00222',
    url: '/gk/items/docno',
  },
  {
    ...base,
    docId: 'xss',
    title: '<script>alert(1)</script>税收优惠',
    body: '<b>税收</b>优惠政策解读',
    publishedOn: '2021-01-01',
    genre: '解读',
    url: '/gk/items/xss',
  },
];
const MANY: SearchDoc[] = Array.from({ length: 25 }, (_, i) => ({
  ...base,
  docId: `many-${i}`,
  title: `第${i + 1}期工作简报`,
  body: '简报内容：近期重点工作进展情况。',
  publishedOn: `2020-${String((i % 12) + 1).padStart(2, '0')}-10`,
  genre: '简报',
  url: `/gk/items/many-${i}`,
}));

const ids = (r: SearchResult) => r.hits.map((h) => h.docId);

describeDb('search provider contract', (h) => {
  before(async () => {
    const p = searchProvider(h.db());
    for (const d of [...DOCS, ...MANY]) await p.index(d, AT);
  });

  it('answers 2-character queries from the index, title matches first', async () => {
    const p = searchProvider(h.db());
    const r = await p.search('预算');
    assert.deepEqual(ids(r), ['budget', 'report']);
    assert.equal(r.total, 2);
    assert.ok(r.hits[0].score > r.hits[1].score);
    const gk = await p.search('公开');
    assert.equal(gk.hits[0].docId === 'budget' || gk.hits[0].docId === 'report' || gk.hits[0].docId === 'split', true);
    assert.ok(ids(gk).includes('split'));
    assert.equal(gk.total, 3);
  });

  it('multi-character terms and quoted phrases match consecutive characters only', async () => {
    const p = searchProvider(h.db());
    assert.deepEqual(ids(await p.search('信息公开')), ['report']);
    assert.deepEqual(ids(await p.search('"信息公开"')), ['report']);
    assert.deepEqual(ids(await p.search('预算 报告')), ['report']);
    // Same index tokens (信息 息 公开), but the exact text differs: only the exactness check tells them apart.
    assert.deepEqual(ids(await p.search('"信息，公开"')), []);
    assert.deepEqual(ids(await p.search('"信息、公开"')), ['split']);
  });

  it('folds traditional characters at index and query time', async () => {
    const p = searchProvider(h.db());
    assert.deepEqual(ids(await p.search('預算公開')), ['budget']);
    assert.deepEqual(ids(await p.search('河长')), ['river']);
    assert.deepEqual(ids(await p.search('貫徹落實')), ['docno', 'river'], 'title match first');
  });

  it('a lone character matches wherever it occurs, also at the end of a run', async () => {
    const p = searchProvider(h.db());
    assert.deepEqual(new Set(ids(await p.search('税'))), new Set(['docno', 'xss']));
  });

  it('文号 matches across bracket variants; 索引号 is exact', async () => {
    const p = searchProvider(h.db());
    for (const q of ['湛府办〔2009〕69号', '湛府办（2009）69号', '湛府办[2009]69号', '〔2009〕69号'])
      assert.deepEqual(ids(await p.search(q)), ['docno'], q);
    assert.deepEqual(ids(await p.search('湛府办〔2010〕69号')), []);
    assert.deepEqual(ids(await p.search('000014349/2018-00222')), ['docno']);
    assert.deepEqual(ids(await p.search('000014349/2018-00223')), []);
    assert.deepEqual(ids(await p.search('69号文件精神')), ['docno']);
  });

  it('filters narrow the results and facets count them', async () => {
    const p = searchProvider(h.db());
    const all = await p.search('公开');
    assert.deepEqual(all.facets.org, [
      { value: '1', label: '县政府办公室', count: 2 },
      { value: '2', label: '县财政局', count: 1 },
    ]);
    assert.deepEqual(ids(await p.search('公开', { orgId: 2 })), ['budget']);
    const byOrg = await p.search('公开', { orgId: 2 });
    assert.equal(byOrg.facets.org.length, 2, 'a facet keeps its other values selectable');
    assert.deepEqual(ids(await p.search('公开', { genre: '报告' })), ['report']);
    assert.deepEqual(ids(await p.search('公开', { topic: '财政、金融、审计' })), ['budget']);
    assert.deepEqual(ids(await p.search('推行', { validity: '失效' })), ['river']);
    assert.deepEqual(ids(await p.search('推行', { validity: '有效' })), []);
    assert.deepEqual(ids(await p.search('推行', { categoryId: 11 })), ['river']);
    assert.deepEqual(ids(await p.search('公开', { year: 2022 })), ['split']);
    assert.deepEqual(ids(await p.search('公开', { from: '2024-01-01', to: '2024-02-01' })), ['report']);
    const years = (await p.search('')).facets.year;
    assert.deepEqual(years[0], { value: '2024', label: '2024年', count: 2 });
    assert.equal((await p.search('', { genre: '简报' })).total, 25);
    assert.deepEqual(
      (await p.search('公开')).facets.genre.find((g) => g.value === '通知'),
      { value: '通知', label: '通知', count: 2 },
    );
  });

  it('sorts by relevance or by date, and pages', async () => {
    const p = searchProvider(h.db());
    assert.deepEqual(ids(await p.search('公开', {}, 'date')), ['budget', 'report', 'split']);
    const p1 = await p.search('简报', {}, 'date', { page: 1, perPage: 10 });
    const p3 = await p.search('简报', {}, 'date', { page: 3, perPage: 10 });
    assert.equal(p1.total, 25);
    assert.equal(p1.hits.length, 10);
    assert.equal(p3.hits.length, 5);
    assert.equal(new Set([...ids(p1), ...ids(p3)]).size, 15);
    assert.ok((p1.hits[0].publishedOn ?? '') >= (p1.hits[9].publishedOn ?? ''));
  });

  it('highlights matches in titles and snippets and never passes document HTML through', async () => {
    const p = searchProvider(h.db());
    const r = await p.search('预算');
    assert.equal(partsToHtml(r.hits[0].title), '关于做好2024年<mark>预算</mark>公开工作的通知');
    assert.match(partsToHtml(r.hits[0].snippet), /部门<mark>预算<\/mark>公开/);
    const x = await p.search('税收');
    assert.equal(partsToHtml(x.hits[0].title), '&lt;script&gt;alert(1)&lt;/script&gt;<mark>税收</mark>优惠');
  });

  it('re-indexing replaces a document, remove() makes it unfindable', async () => {
    const p = searchProvider(h.db());
    await p.index({ ...DOCS[1], title: '2023年政府信息公开工作年度报告（更正）' }, AT);
    assert.equal((await p.search('更正')).total, 1);
    assert.equal((await p.search('信息公开')).total, 1);
    assert.equal(await p.remove('test_item', 'report'), true);
    assert.equal((await p.search('信息公开')).total, 0);
    assert.equal((await p.search('更正')).total, 0);
    assert.equal(await p.remove('test_item', 'report'), false);
  });

  it('reindex recomputes every document with progress', async () => {
    const p = searchProvider(h.db());
    const seen: number[] = [];
    const r = await p.reindex(AT, (done) => seen.push(done));
    assert.equal(r.count, DOCS.length - 1 + MANY.length);
    assert.equal(seen[seen.length - 1], r.count);
    assert.deepEqual(ids(await p.search('預算公開')), ['budget']);
  });
});
