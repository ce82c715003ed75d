import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg } from '../../../test/helpers/factories.js';
import { makePublishedItem } from '../../../test/helpers/catalog.js';
import { addCategory } from '../../catalog/add-category.js';
import { listCategories } from '../../catalog/catalog.store.js';
import { createItem } from '../../catalog/create-item.js';
import { makeUser } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

describeApp('portal: agency home, agency catalogue with category tree, sorting and paging, print view', (h) => {
  let county: OrgRow;
  let org: OrgRow;
  let policy = 0;
  let normative = 0;
  const ids: number[] = [];
  let draftId = 0;

  before(async () => {
    county = await makeOrg(h.db(), { name: '某县人民政府' });
    org = await makeOrg(h.db(), { parent: county, name: '某县交通运输局' });
    await makeOrg(h.db(), { parent: org, name: '某县公路事业发展中心' });
    // the first item seeds the usual categories
    ids.push(await makePublishedItem(h.db(), h.ctx, org, { title: '交通局机构职能', writtenOn: '2026-01-05' }));
    const cats = await listCategories(h.db(), org.id);
    policy = cats.find((c) => c.name === '政策文件')!.id;
    normative = await addCategory(h.ctx(), { orgId: org.id, name: '规范性文件', parentId: policy });
    ids.push(
      await makePublishedItem(h.db(), h.ctx, org, {
        title: '甲 农村公路养护办法',
        categoryId: normative,
        writtenOn: '2026-03-01',
      }),
    );
    ids.push(
      await makePublishedItem(h.db(), h.ctx, org, {
        title: '乙 关于公路建设的通知',
        categoryId: policy,
        writtenOn: '2026-02-01',
      }),
    );
    for (let i = 0; i < 21; i++)
      ids.push(
        await makePublishedItem(h.db(), h.ctx, org, {
          title: `第${i + 1}期交通动态`,
          categoryId: policy,
          writtenOn: '2026-04-01',
        }),
      );
    const editor = await makeUser(h.db(), [['editor', org]]);
    draftId = (
      await createItem(h.ctx(editor.actor), {
        orgId: org.id,
        title: '未公开的草稿',
        bodyHtml: '<p>草稿</p>',
        genre: '通知',
        disclosureMode: '主动公开',
        categoryId: policy,
        writtenOn: '2026-06-01',
        createdOn: '2026-06-01',
      })
    ).id;
  });

  it('shows the category tree with counts that include sub-categories, and a sub-category lists only its items', async () => {
    const res = await h.client().get(`/gk/${org.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /全部（24）/);
    assert.match(res.body, /政策文件（23）/, 'a parent counts its children');
    assert.match(res.body, /规范性文件（1）/);
    assert.doesNotMatch(res.body, /未公开的草稿/);
    assert.match(res.body, /某县公路事业发展中心/, 'sub-agencies are listed');
    const sub = await h.client().get(`/gk/${org.id}?categoryId=${normative}`);
    assert.match(sub.body, /甲 农村公路养护办法/);
    assert.doesNotMatch(sub.body, /交通动态/);
    assert.match(sub.body, /政策文件<\/a> › <a[^>]*>规范性文件/, 'breadcrumbs');
    assert.match(sub.body, /name="category" value="\d+"/, 'the scoped search carries the category');
  });

  it('pages 20 at a time and sorts by 发布日期, 成文日期 or 名称, keeping the category and the order in the links', async () => {
    const p1 = await h.client().get(`/gk/${org.id}?categoryId=${policy}&sort=written`);
    assert.match(p1.body, /共 23 条，第 1\/2 页/);
    assert.match(p1.body, new RegExp(`href="/gk/${org.id}\\?categoryId=${policy}&amp;sort=written&amp;page=2"`));
    const rowsOf = (html: string) =>
      [...html.matchAll(/<td data-label="名称"><a href="\/gk\/items\/(\d+)">/g)].map((m) => Number(m[1]));
    const p2 = await h.client().get(`/gk/${org.id}?categoryId=${policy}&sort=written&page=2`);
    const order = [...rowsOf(p1.body), ...rowsOf(p2.body)];
    assert.equal(order.length, 23);
    assert.equal(order[order.length - 1], ids[2], 'the oldest 成文日期 comes last');
    assert.equal(order[order.length - 2], ids[1]);
    const asc = rowsOf((await h.client().get(`/gk/${org.id}?sort=date-asc`)).body);
    assert.equal(asc[0], ids[0], 'oldest publication first');
    const bogus = await h.client().get(`/gk/${org.id}?sort=drop%20table`);
    assert.equal(bogus.statusCode, 200, 'an unknown order falls back to the default');
    // A hand-edited page number shows the first page; one past the end says so, not that there is nothing.
    const first = rowsOf((await h.client().get(`/gk/${org.id}?categoryId=${policy}`)).body);
    assert.equal(first.length, 20);
    for (const page of ['0', '-1', 'abc', '1e3']) {
      const res = await h.client().get(`/gk/${org.id}?categoryId=${policy}&page=${page}`);
      assert.equal(res.statusCode, 200, page);
      assert.deepEqual(rowsOf(res.body), first, page);
      assert.match(res.body, /共 23 条，第 1\/2 页/, page);
    }
    const past = await h.client().get(`/gk/${org.id}?categoryId=${policy}&page=99999`);
    assert.match(past.body, /共 23 条 2 页，没有第 99999 页。/);
    assert.doesNotMatch(past.body, /没有公开的信息/);
  });

  it('answers 404 for an unknown agency or category, and a category of another agency', async () => {
    assert.equal((await h.client().get('/gk/999999')).statusCode, 404);
    assert.equal((await h.client().get('/gk/abc')).statusCode, 404);
    assert.equal((await h.client().get(`/gk/${org.id}?categoryId=999999`)).statusCode, 404);
    const otherCats = await listCategories(h.db(), org.id);
    assert.equal((await h.client().get(`/gk/${county.id}?categoryId=${otherCats[0]!.id}`)).statusCode, 404);
  });

  it('the agency home has its doors, latest items and 重点领域 scoped to it', async () => {
    const res = await h.client().get(`/jg/${org.id}`);
    assert.equal(res.statusCode, 200);
    for (const door of [
      `/gk/${org.id}`,
      `/zn/${org.id}`,
      `/fdzdgk?org=${org.id}`,
      `/ysqgk?org=${org.id}`,
      `/hd/messages/new?org=${org.id}`,
      `/reports?org=${org.id}`,
      `/feeds/org/${org.id}`,
    ])
      assert.ok(res.body.includes(`href="${door}"`), door);
    assert.match(res.body, /第21期交通动态/);
    assert.ok(res.body.includes(`href="/zdly/czyjs?org=${org.id}"`), '重点领域 link to the area pages of the agency');
    assert.equal((await h.client().get('/jg/999999')).statusCode, 404);
    const home = await h.client().get('/');
    assert.ok(home.body.includes(`href="/jg/${org.id}"`), 'the directory links to agency homes');
    const apply = await h.client().get(`/ysqgk?org=${org.id}`);
    assert.match(
      apply.body,
      new RegExp(`<option value="${org.id}" selected`),
      'the application form has the agency chosen',
    );
    assert.equal((await h.client().get(`/fdzdgk?org=${org.id}`)).statusCode, 200);
    assert.equal((await h.client().get('/fdzdgk?org=999999')).statusCode, 404);
  });

  it('has a print view of a public item only', async () => {
    const res = await h.client().get(`/gk/items/${ids[1]}/print`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<th scope="row">索引号<\/th>/);
    assert.match(res.body, /甲 农村公路养护办法/);
    assert.doesNotMatch(res.body, /class="site-header"/);
    assert.equal((await h.client().get(`/gk/items/${draftId}/print`)).statusCode, 404);
    assert.ok((await h.client().get(`/gk/items/${ids[1]}`)).body.includes(`href="/gk/items/${ids[1]}/print"`));
  });
});
