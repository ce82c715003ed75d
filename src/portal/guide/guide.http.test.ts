import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { GUIDE_SECTIONS } from '../../guide/guide.rules.js';

describeApp('公开指南, sitemap, robots and public caching', (h) => {
  it('shows a default guide with the 第十二条 elements, then the edited one; audited', async () => {
    const root = await makeOrg(h.db(), { name: '某县人民政府' });
    const agency = await makeOrg(h.db(), { parent: root, name: '某县统计局' });
    await h
      .db()
      .updateTable('orgs')
      .set({ office_name: '县统计局办公室', address: '人民路 3 号', phone: '0371-7654321' })
      .where('id', '=', agency.id)
      .execute();
    const page = await h.client().get(`/zn/${agency.id}`);
    assert.equal(page.statusCode, 200);
    for (const label of [
      '政府信息的分类',
      '编排体系',
      '获取方式',
      '工作机构名称',
      '办公地址',
      '办公时间',
      '联系电话',
      '传真号码',
      '互联网联系方式',
    ])
      assert.match(page.body, new RegExp(label));
    assert.match(page.body, /人民路 3 号/);
    assert.match(page.body, /尚未修订/);

    const admin = await makeUser(h.db(), [['agency_admin', agency]]);
    const c = h.client();
    await c.login(admin.username);
    const form = await c.get(`/console/guide/${agency.id}`);
    assert.match(form.body, /尚未填写：办公时间、传真号码、电子邮箱、互联网联系方式/);
    const fields = Object.fromEntries(Object.keys(GUIDE_SECTIONS).map((k) => [k, `本局${k}说明`]));
    const bad = await c.post(
      `/console/guide/${agency.id}`,
      { ...fields, supervision: '' },
      { from: `/console/guide/${agency.id}` },
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请填写“监督和救济”/);
    const ok = await c.post(`/console/guide/${agency.id}`, fields, { from: `/console/guide/${agency.id}` });
    assert.equal(ok.statusCode, 303);
    const after = await h.client().get(`/zn/${agency.id}`);
    assert.match(after.body, /本局requestProcedure说明/);
    const ev = await h
      .db()
      .selectFrom('audit_events')
      .select('action')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.equal(ev.action, 'guide.update');
    const other = await makeOrg(h.db(), { parent: root });
    assert.equal((await c.get(`/console/guide/${other.id}`)).statusCode, 403);
    assert.equal((await h.client().get('/zn/999999')).statusCode, 404);
  });

  it('public pages carry an ETag, answer 304 when unchanged, and set no cookie; console pages are never cached', async () => {
    const c = h.client();
    const first = await c.get('/zn');
    assert.equal(first.statusCode, 200);
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\//);
    assert.equal(first.headers['set-cookie'], undefined);
    assert.match(String(first.headers['cache-control']), /public/);
    const again = await c.get('/zn', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    await makeOrg(h.db(), { name: '新设机构' });
    const changed = await c.get('/zn', { 'if-none-match': etag });
    assert.equal(changed.statusCode, 200, 'content changed, so the page is sent again');
    assert.equal((await c.get('/console/login')).headers['cache-control'], 'no-store');
  });

  it('robots.txt keeps the console out; sitemap.xml lists public pages only', async () => {
    const robots = await h.client().get('/robots.txt');
    assert.match(robots.body, /Disallow: \/console/);
    const sm = await h.client().get('/sitemap.xml');
    assert.match(sm.body, /<urlset/);
    assert.match(sm.body, /\/zn\/\d+/);
    assert.doesNotMatch(sm.body, /console/);
  });
});
