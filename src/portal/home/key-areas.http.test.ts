import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { makePublishedItem } from '../../../test/helpers/catalog.js';
import { addCategory } from '../../catalog/add-category.js';
import { createItem } from '../../catalog/create-item.js';
import { listCategories } from '../../catalog/catalog.store.js';
import { KEY_AREAS } from '../../catalog/key-areas.rules.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

/** Issue 18: 重点领域 are curated category pages per agency and across the county, not keyword searches. */
describeApp('portal: 重点领域 pages (/zdly) from the mapping of 公开目录 categories', (h) => {
  let county: OrgRow;
  let edu: OrgRow;
  let fin: OrgRow;
  let sys: { username: string };
  const catId = async (org: OrgRow, name: string) =>
    (await listCategories(h.db(), org.id)).find((c) => c.name === name)!.id;

  before(async () => {
    county = await makeOrg(h.db(), { name: '某县人民政府' });
    edu = await makeOrg(h.db(), { parent: county, name: '某县教育局' });
    fin = await makeOrg(h.db(), { parent: county, name: '某县财政局' });
    sys = await makeUser(h.db(), [['sysadmin', county]]);
    // The first item of each agency seeds its usual categories.
    await makePublishedItem(h.db(), h.ctx, edu, { title: '教育局机构职能' });
    await makePublishedItem(h.db(), h.ctx, fin, { title: '财政局机构职能' });
    const eduMoney = await catId(edu, '财政资金');
    // The item the issue could not find: a 预算 filed under 财政资金, with no 预决算 in its title.
    await makePublishedItem(h.db(), h.ctx, edu, { title: '某县教育局2026年部门预算', categoryId: eduMoney });
    const special = await addCategory(h.ctx(), { orgId: edu.id, name: '专项经费', parentId: eduMoney });
    await makePublishedItem(h.db(), h.ctx, edu, { title: '学生资助专项经费安排', categoryId: special });
    const enrol = await addCategory(h.ctx(), {
      orgId: edu.id,
      name: '招生入学',
      parentId: await catId(edu, '重点领域'),
    });
    await makePublishedItem(h.db(), h.ctx, edu, { title: '2026年秋季小学招生方案', categoryId: enrol });
    await makePublishedItem(h.db(), h.ctx, edu, {
      title: '教育局人事任免通知',
      categoryId: await catId(edu, '人事信息'),
    });
    await makePublishedItem(h.db(), h.ctx, fin, {
      title: '某县2026年县级预算草案报告',
      categoryId: await catId(fin, '财政资金'),
    });
    const editor = await makeUser(h.db(), [['editor', edu]]);
    await createItem(h.ctx(editor.actor), {
      orgId: edu.id,
      title: '教育局尚未审核的预算草稿',
      bodyHtml: '<p>草稿</p>',
      genre: '通知',
      disclosureMode: '主动公开',
      categoryId: eduMoney,
      createdOn: '2026-06-02',
    });
  });

  it('lists a 预算 item filed under 财政资金 under 财政预决算, for its agency and the county; never a draft', async () => {
    const c = h.client();
    const county = await c.get('/zdly/czyjs');
    assert.equal(county.statusCode, 200);
    assert.match(county.body, /<h1>财政预决算<\/h1>/);
    for (const t of ['某县教育局2026年部门预算', '学生资助专项经费安排', '某县2026年县级预算草案报告'])
      assert.match(county.body, new RegExp(t), `${t} (a sub-category counts with its parent)`);
    assert.doesNotMatch(county.body, /尚未审核的预算草稿|人事任免|招生方案|机构职能/);
    assert.ok(
      county.body.indexOf('某县2026年县级预算草案报告') < county.body.indexOf('某县教育局2026年部门预算'),
      'newest first',
    );

    const own = await c.get(`/zdly/czyjs?org=${edu.id}`);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /某县教育局2026年部门预算/);
    assert.match(own.body, /发布机构：某县教育局/);
    assert.doesNotMatch(own.body, /县级预算草案报告|尚未审核的预算草稿/);
    assert.match((await c.get(`/zdly/jy?org=${edu.id}`)).body, /2026年秋季小学招生方案/);

    const index = await c.get('/zdly');
    assert.equal(index.statusCode, 200);
    for (const a of KEY_AREAS) assert.ok(index.body.includes(`href="/zdly/${a.slug}"`), a.name);
    assert.match(index.body, /财政预决算<\/a> <span class="muted">（3 条）/);
    assert.match(index.body, /教育<\/a> <span class="muted">（1 条）/);
    const ownIndex = await c.get(`/zdly?org=${edu.id}`);
    assert.match(
      ownIndex.body,
      new RegExp(`href="/zdly/czyjs\\?org=${edu.id}">财政预决算</a> <span class="muted">（2 条）`),
    );
    assert.match((await c.get(`/zdly?org=${fin.id}`)).body, /财政预决算<\/a> <span class="muted">（1 条）/);
  });

  it('answers 404 in Chinese for an unknown area or agency; the traditional and 长者模式 views work', async () => {
    const c = h.client();
    const unknown = await c.get('/zdly/nosuch');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /您访问的重点领域不存在/);
    assert.equal((await c.get('/zdly/czyjs?org=999999')).statusCode, 404);
    assert.equal((await c.get('/zdly?org=999999')).statusCode, 404);
    // A hand-edited page number shows the first page, as the search page does.
    for (const page of ['0', '-1', 'abc']) assert.equal((await c.get(`/zdly/czyjs?page=${page}`)).statusCode, 200);
    const trad = await c.get('/zdly/czyjs', { cookie: 'gk_script=hant' });
    assert.equal(trad.statusCode, 200);
    assert.match(trad.body, /<h1>財政預決算<\/h1>/);
    assert.match(trad.body, /lang="zh-Hant"/);
    const elder = await c.get(`/zdly?org=${edu.id}`, { cookie: 'gk_elder=1' });
    assert.match(elder.body, /<body class="portal elder">/);
  });

  it('links the home page, the agency pages and the sitemaps to the area pages', async () => {
    const c = h.client();
    const home = (await c.get('/')).body;
    assert.ok(home.includes('href="/zdly/czyjs"'));
    assert.ok(home.includes('href="/zdly"'));
    assert.doesNotMatch(home, /\/search\?q=%E8%B4%A2/);
    const agency = (await c.get(`/jg/${edu.id}`)).body;
    assert.ok(agency.includes(`href="/zdly/czyjs?org=${edu.id}"`));
    assert.ok(agency.includes(`href="/zdly?org=${edu.id}"`));
    const map = (await c.get('/sitemap')).body;
    assert.ok(map.includes('href="/zdly"'));
    assert.ok(map.includes(`href="/zdly?org=${edu.id}"`));
    const xml = (await c.get('/sitemap.xml')).body;
    for (const loc of ['/zdly<', '/zdly/czyjs<', '/zdly/xczx<', `/zdly?org=${edu.id}<`])
      assert.ok(xml.includes(loc), loc);
  });

  it('the mapping is a console setting (system administrators, audited); changing it changes the page', async () => {
    const admin = await makeUser(h.db(), [['agency_admin', edu]]);
    const other = h.client();
    await other.login(admin.username);
    assert.equal((await other.get('/console/catalog/key-areas')).statusCode, 403);
    const tooLong = await other.post('/console/catalog/key-areas', { czyjs: '财'.repeat(2001) }, { from: '/console' });
    assert.equal(tooLong.statusCode, 403, 'authorized before the input is validated');

    const c = h.client();
    await c.login(sys.username);
    const page = await c.get('/console/catalog/key-areas');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<textarea[^>]*name="czyjs"[^>]*>财政\n预算\n决算<\/textarea>/);
    const form = Object.fromEntries(KEY_AREAS.map((a) => [a.slug, a.defaults.join('、')]));
    const bad = await c.post('/console/catalog/key-areas', { ...form, czyjs: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /“财政预决算”至少需要一个分类名称关键词。/);

    const ok = await c.post('/console/catalog/key-areas', { ...form, czyjs: '人事、 人事' });
    assert.equal(ok.statusCode, 303);
    const after = (await h.client().get('/zdly/czyjs')).body;
    assert.match(after, /教育局人事任免通知/);
    assert.doesNotMatch(after, /某县教育局2026年部门预算/);
    const audit = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'catalog.key_areas')
      .executeTakeFirstOrThrow();
    assert.equal(audit.summary, '重点领域分类设置：财政预决算（人事）');
    assert.match((await c.get('/console/catalog/key-areas')).body, /name="czyjs"[^>]*>人事<\/textarea>/);
  });

  it('pages an area 20 items at a time, newest first', async () => {
    const enrol = await catId(edu, '招生入学');
    for (let i = 1; i <= 20; i++)
      await makePublishedItem(h.db(), h.ctx, edu, { title: `招生信息第${i}号`, categoryId: enrol });
    const first = (await h.client().get('/zdly/jy')).body;
    assert.equal([...first.matchAll(/<a href="\/gk\/items\/\d+">/g)].length, 20);
    assert.ok(first.indexOf('招生信息第20号') < first.indexOf('招生信息第19号'), 'newest first');
    assert.doesNotMatch(first, /2026年秋季小学招生方案/);
    assert.ok(first.includes('href="/zdly/jy?page=2"'), 'a link to the next page');
    const second = await h.client().get(`/zdly/jy?org=${edu.id}&page=2`);
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /2026年秋季小学招生方案/);
    assert.equal([...second.body.matchAll(/<a href="\/gk\/items\/\d+">/g)].length, 1);
  });
});
