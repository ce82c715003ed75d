import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { indexDocument } from '../../search/index-document.js';
import type { SearchDoc } from '../../search/search.types.js';
import { WINDOW, syncSearchDocuments } from '../../search/index.js';

const base = {
  docType: 'http_item',
  orgId: 7,
  orgName: '县财政局',
  topic: '财政、金融、审计',
  genre: '通知',
  validity: '有效',
  url: '/gk/items/x',
};
const DOCS: SearchDoc[] = [
  {
    ...base,
    docId: 1,
    title: '关于2024年部门预算公开的通知',
    body: '各部门：请按要求公开部门预算。<img src=x onerror=alert(1)>',
    publishedOn: '2024-03-01',
    docNo: '县财发〔2024〕3号',
    url: '/gk/items/1',
  },
  {
    ...base,
    docId: 2,
    title: '2023年政府信息公开工作年度报告',
    body: '全年公开预算信息。',
    publishedOn: '2024-01-15',
    orgId: 8,
    orgName: '县政府办公室',
    genre: '报告',
    url: '/gk/items/2',
  },
  {
    ...base,
    docId: 3,
    title: '关于河道管护的批复',
    body: '同意。',
    publishedOn: '2024-02-01',
    docNo: '湛府办〔2009〕69号',
    indexNo: '11440800MB2C12345X/2024-00012',
    url: '/gk/items/3',
  },
  ...Array.from({ length: 23 }, (_, i) => ({
    ...base,
    docId: 100 + i,
    title: `第${i + 1}期财政简报`,
    body: '财政收支情况。',
    publishedOn: '2023-06-01',
    genre: '简报',
    url: `/gk/items/${100 + i}`,
  })),
];

describeApp('public search page and API', (h) => {
  before(async () => {
    for (const d of DOCS) await indexDocument(h.ctx(), d);
  });

  it('GET /search shows highlighted results, facets with counts as links, and sort links', async () => {
    const res = await h.client().get(`/search?q=${encodeURIComponent('预算')}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /共找到 2 条/);
    assert.match(res.body, /<a href="\/gk\/items\/1">关于2024年部门<mark>预算<\/mark>公开的通知<\/a>/);
    assert.doesNotMatch(res.body, /<img src=x/);
    assert.match(res.body, /&lt;img src=x onerror=alert\(1\)/);
    assert.match(res.body, /<a href="\/search\?q=%E9%A2%84%E7%AE%97&amp;org=7">县财政局（1）<\/a>/);
    assert.match(res.body, /按发布日期/);
    assert.match(res.body, /县财发〔2024〕3号/);
  });

  it('filters narrow results, traditional queries and 文号 variants work', async () => {
    const c = h.client();
    const byOrg = await c.get(`/search?q=${encodeURIComponent('预算')}&org=8`);
    assert.match(byOrg.body, /共找到 1 条/);
    assert.match(byOrg.body, /全部发布机构/);
    assert.match((await c.get(`/search?q=${encodeURIComponent('預算公開')}`)).body, /共找到 1 条/);
    assert.match((await c.get(`/search?q=${encodeURIComponent('县财发[2024]3号')}`)).body, /共找到 1 条/);
    assert.match((await c.get(`/search?q=${encodeURIComponent('预算')}&from=2024-02-01`)).body, /共找到 1 条/);
  });

  it('a 索引号 in any letter case or full-width, a 文号 typed with spaces; a query of symbols finds nothing and says why', async () => {
    const c = h.client();
    for (const q of [
      '11440800MB2C12345X/2024-00012',
      '11440800mb2c12345x/2024-00012',
      '１１４４０８００ＭＢ２Ｃ１２３４５Ｘ／２０２４－０００１２',
      '11440800MB2C12345X / 2024-00012',
    ]) {
      const r = await c.get(`/search?q=${encodeURIComponent(q)}`);
      assert.match(r.body, /共找到 1 条/, q);
      assert.match(r.body, /索引号 11440800MB2C12345X\/2024-00012/, q);
    }
    for (const q of ['湛府办 〔2009〕 69 号', '湛府办（ 2009 ）第 69 号', '湛府办 [2009] 69号'])
      assert.match((await c.get(`/search?q=${encodeURIComponent(q)}`)).body, /共找到 1 条/, q);
    for (const q of ['%', '*', '😀', '％＊', '……']) {
      const r = await c.get(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /没有找到与/, q);
      assert.match(r.body, /data-testid="unsearchable">/, q);
      assert.doesNotMatch(r.body, /共找到/, q);
    }
    const api = (
      await h.app().inject({ method: 'GET', url: `/api/v1/public/search?q=${encodeURIComponent('%')}` })
    ).json() as { total: number; unsearchable: boolean };
    assert.deepEqual([api.total, api.unsearchable], [0, true]);
  });

  it('pages through many results without JavaScript', async () => {
    const res = await h.client().get(`/search?q=${encodeURIComponent('简报')}&sort=date`);
    assert.match(res.body, /共找到 23 条，第 1 页/);
    assert.match(res.body, /rel="next"/);
    const p2 = await h.client().get(`/search?q=${encodeURIComponent('简报')}&sort=date&page=2`);
    assert.match(p2.body, /第 2\/2 页/);
    assert.match(p2.body, /<ol class="results" start="21">/);
  });

  it('a search with no results gives helpful suggestions', async () => {
    const res = await h.client().get(`/search?q=${encodeURIComponent('量子纠缠')}&genre=${encodeURIComponent('通知')}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /没有找到与“量子纠缠”相关的信息/);
    assert.match(res.body, /检查文号格式/);
    assert.match(res.body, /去掉所有筛选条件/);
    assert.match(res.body, /href="\/gk"/);
  });

  it('Chinese typed without a space that finds nothing as a phrase: the two-word readings that find something are offered', async () => {
    const res = await h.client().get(`/search?q=${encodeURIComponent('河道批复')}`);
    assert.match(res.body, /没有找到与“河道批复”相关的信息/);
    const offer = /<li data-testid="split-suggestions">(.*?)<\/li>/s.exec(res.body)?.[1] ?? '';
    assert.match(offer, /把词分开搜索/);
    assert.match(offer, /<a href="\/search\?q=([^"]+)">河道 批复<\/a>（1 条）/);
    const link = /<a href="([^"]+)">河道 批复/.exec(offer)![1]!.replace(/&amp;/g, '&');
    assert.match((await h.client().get(link)).body, /关于<mark>河道<\/mark>管护的<mark>批复<\/mark>/);
    // No reading finds anything: nothing is offered.
    assert.doesNotMatch((await h.client().get(`/search?q=${encodeURIComponent('量子纠缠')}`)).body, /把词分开搜索/);
    // The JSON API offers the same readings.
    const api = async (q: string) =>
      (await h.app().inject({ method: 'GET', url: `/api/v1/public/search?q=${encodeURIComponent(q)}` })).json() as {
        total: number;
        splits: Array<{ q: string; total: number }>;
      };
    assert.deepEqual((await api('河道批复')).splits, [{ q: '河道 批复', total: 1 }]);
    assert.deepEqual((await api('量子纠缠')).splits, []);
    assert.deepEqual((await api('河道 批复')).splits, [], 'a search with results offers none');
  });

  it('past the search window the page says the count is estimated and where results come from', async () => {
    // WINDOW + 1 documents with 湖长 (only in bodies), one of them titled by it.
    const many = Array.from({ length: WINDOW + 1 }, (_, i) => ({
      docType: 'window_item',
      docId: i,
      doc: {
        ...base,
        docType: 'window_item',
        docId: i,
        title: i === 0 ? '湖长制工作方案' : `第${i}号工作动态`,
        body: '落实湖长制。',
        publishedOn: '2022-01-01',
        url: `/gk/items/w${i}`,
      },
    }));
    await syncSearchDocuments(h.db(), many, '2026-11-16T02:00:00.000Z');
    const res = await h.client().get(`/search?q=${encodeURIComponent('湖长')}`);
    assert.match(res.body, /共找到 约 /);
    assert.match(res.body, /结果取自最近收录的 1000 条和标题含关键词的信息；可用筛选/);
    assert.match(res.body, /<a href="\/gk\/items\/w0"><mark>湖长<\/mark>制工作方案<\/a>/, 'the titled one is listed');
    assert.ok(res.body.indexOf('/gk/items/w0"') < res.body.indexOf('/gk/items/w1000"'), 'and first');
    const byDate = await h.client().get(`/search?q=${encodeURIComponent('湖长')}&sort=date`);
    assert.match(byDate.body, /结果取自最近收录的 1000 条；可用筛选/);
  });

  it('bad parameters re-render the page with a Chinese error, the empty page explains what to type', async () => {
    const bad = await h.client().get('/search?q=x&from=2024-13-01');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /日期“2024-13-01”无效/);
    const empty = await h.client().get('/search');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /输入关键词/);
  });

  it('traditional-script readers get the page converted, highlights intact', async () => {
    const c = h.client();
    c.cookies.set('gk_script', 'hant');
    const res = await c.get(`/search?q=${encodeURIComponent('预算')}`);
    assert.match(res.body, /<mark>預算<\/mark>/);
  });

  it('GET /api/v1/public/search answers JSON with escaped highlights and facets', async () => {
    const res = await h
      .app()
      .inject({ method: 'GET', url: `/api/v1/public/search?q=${encodeURIComponent('预算')}&perPage=1` });
    assert.equal(res.statusCode, 200);
    const body = res.json() as {
      total: number;
      perPage: number;
      hits: Array<{ titleHtml: string; snippetHtml: string; url: string }>;
      facets: { org: Array<{ label: string; count: number }> };
    };
    assert.equal(body.total, 2);
    assert.equal(body.hits.length, 1);
    assert.equal(body.hits[0].titleHtml, '关于2024年部门<mark>预算</mark>公开的通知');
    assert.match(body.hits[0].snippetHtml, /&lt;img/);
    assert.equal(body.facets.org.length, 2);
    const bad = await h.app().inject({ method: 'GET', url: '/api/v1/public/search?q=x&to=yesterday' });
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { errors: Array<{ code: string; field: string }> }).errors[0].field, 'to');
  });
});
