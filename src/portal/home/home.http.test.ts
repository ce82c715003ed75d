import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg } from '../../../test/helpers/factories.js';
import { makePublishedItem } from '../../../test/helpers/catalog.js';
import { createItem } from '../../catalog/create-item.js';
import { makeUser } from '../../../test/helpers/factories.js';

describeApp('portal home, 第二十条 pages, Atom feeds and the sitemap', (h) => {
  it('shows the latest published items, 第二十条 counts, feeds and sitemap entries — never a draft', async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    const org = await makeOrg(h.db(), { parent: county, name: '某县财政局' });
    const id = await makePublishedItem(h.db(), (a) => h.ctx(a), org, {
      title: '某县2026年财政预算公开说明',
      article20Item: 7,
    });
    const editor = await makeUser(h.db(), [['editor', org]]);
    const draft = await createItem(h.ctx(editor.actor), {
      orgId: org.id,
      title: '尚未审核的草稿文件',
      bodyHtml: '<p>草稿</p>',
      genre: '通知',
      disclosureMode: '主动公开',
      article20Item: 7,
      createdOn: '2026-06-02',
    });

    const home = await h.client().get('/');
    assert.match(home.body, /某县2026年财政预算公开说明/);
    assert.doesNotMatch(home.body, /尚未审核的草稿文件/);
    assert.match(home.body, new RegExp(`/gk/items/${id}`));

    const a20 = await h.client().get('/fdzdgk');
    assert.match(a20.body, /（七）财政预算、决算信息[^<]*<\/a> <span class="muted">（1 条）/);
    const list = await h.client().get('/fdzdgk/7');
    assert.match(list.body, /某县2026年财政预算公开说明/);
    assert.doesNotMatch(list.body, /草稿/);
    assert.equal((await h.client().get('/fdzdgk/16')).statusCode, 404);

    const feed = await h.client().get(`/feeds/org/${org.id}`);
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
    assert.match(feed.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(feed.body, /某县2026年财政预算公开说明/);
    assert.doesNotMatch(feed.body, /草稿/);
    assert.match((await h.client().get('/feeds/all.atom')).body, /<entry>/);

    const sm = await h.client().get('/sitemap.xml');
    assert.match(sm.body, new RegExp(`/gk/items/${id}<`));
    assert.doesNotMatch(sm.body, new RegExp(`/gk/items/${draft.id}<`));
    // Every public page kind, each once: sections, 第二十条 pages, every agency's pages (never a section).
    const section = await makeOrg(h.db(), { parent: org, name: '某县财政局办公室', kind: 'section' });
    const locs = [...(await h.client().get('/sitemap.xml')).body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => {
      const u = new URL((m[1] ?? '').replace(/&amp;/g, '&'));
      return u.pathname + u.search;
    });
    for (const p of [
      '/',
      '/sitemap',
      '/zn',
      '/gk',
      '/fdzdgk',
      '/fdzdgk/15',
      '/zdly',
      '/zdly/czyjs',
      '/reports',
      '/stats',
      '/ysqgk',
      '/hd',
      '/hd/qa',
      '/hd/consultations',
      `/jg/${org.id}`,
      `/gk/${org.id}`,
      `/zn/${org.id}`,
      `/stats/${org.id}`,
      `/reports?org=${org.id}`,
      `/zdly?org=${org.id}`,
    ])
      assert.ok(locs.includes(p), `sitemap.xml lists ${p}`);
    for (const p of [`/jg/${section.id}`, `/gk/${section.id}`, `/zn/${section.id}`, `/stats/${section.id}`])
      assert.ok(!locs.includes(p), `an internal section is not a public page: ${p}`);
    assert.equal(new Set(locs).size, locs.length, 'no URL twice');
    // The Content-Security-Policy refuses style attributes (the browser drops them): no public page has one.
    for (const p of locs) assert.doesNotMatch((await h.client().get(p)).body, /<[^>]+\sstyle=/, p);
    assert.equal(locs.filter((l) => l === `/gk/items/${id}`).length, 1);

    // The site's icon: /favicon.ico (asked by every browser) leads to it, and every page links it.
    const ico = await h.client().get('/favicon.ico');
    assert.equal(ico.statusCode, 302);
    const icon = await h.client().get(ico.headers.location as string);
    assert.equal(icon.statusCode, 200);
    assert.match(icon.headers['content-type'] as string, /image\/svg\+xml/);
    const map = await h.client().get('/sitemap');
    assert.match(map.body, /<link rel="icon" type="image\/svg\+xml" href="\/static\/favicon\.svg\?v=/);
    assert.equal(map.statusCode, 200);
    assert.match(map.body, /<h1>网站地图<\/h1>/);
    for (const label of ['政府信息公开指南', '法定主动公开内容', '申请办理进度查询', '公开问答', '意见征集'])
      assert.match(map.body, new RegExp(label));
    assert.match(
      map.body,
      new RegExp(
        `<span class="org-name">某县财政局</span><span class="org-links"><a href="/jg/${org.id}">机构首页</a>`,
      ),
    );
    assert.doesNotMatch(map.body, /某县财政局办公室/);
    assert.match(home.body, /<a href="\/sitemap">网站地图<\/a>/);

    // Feed auto-discovery in the head of the pages that have feeds.
    assert.match(
      home.body,
      /<link rel="alternate" type="application\/atom\+xml" title="最新公开的政府信息" href="\/feeds\/all.atom"\/>/,
    );
    assert.match(
      (await h.client().get(`/jg/${org.id}`)).body,
      new RegExp(
        `<link rel="alternate" type="application/atom\\+xml" title="某县财政局：最新公开的政府信息" href="/feeds/org/${org.id}"/>`,
      ),
    );
    assert.match(
      (await h.client().get(`/gk/${org.id}`)).body,
      new RegExp(`rel="alternate" type="application/atom\\+xml"[^>]*href="/feeds/org/${org.id}"`),
    );
  });
});
