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
    const id = await makePublishedItem(h.db(), (a) => h.ctx(a), org, { title: '某县2026年财政预算公开说明', article20Item: 7 });
    const editor = await makeUser(h.db(), [['editor', org]]);
    const draft = await createItem(h.ctx(editor.actor), { orgId: org.id, title: '尚未审核的草稿文件', bodyHtml: '<p>草稿</p>', genre: '通知', disclosureMode: '主动公开', article20Item: 7, createdOn: '2026-06-02' });

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
  });
});
