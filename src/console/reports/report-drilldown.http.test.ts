import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { addCase, addItem } from '../../../test/helpers/report-records.js';

describeApp('annual report drill-down page (console)', (h) => {
  it('each number links to its records: paginated, masked, entered figures explained, other readers refused', async () => {
    const county = await makeOrg(h.db(), { name: '钻取页县人民政府' });
    const agency = await makeOrg(h.db(), { parent: county, name: '钻取页县林业局', kind: 'agency' });
    const stranger = await makeOrg(h.db(), { parent: county, name: '钻取页县文旅局', kind: 'agency' });
    const admin = await makeUser(h.db(), [['agency_admin', agency]]);
    const editor = await makeUser(h.db(), [['editor', agency]]);
    const sup = await makeUser(h.db(), [['supervisor', county]]);
    const outsider = await makeUser(h.db(), [['agency_admin', stranger]]);
    for (let i = 0; i < 52; i++)
      await addCase(h.db(), agency, {
        received: `2025-${String(1 + (i % 12)).padStart(2, '0')}-05`,
        closed: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`,
        outcome: '1',
      });
    await addItem(h.db(), agency, {
      title: '林地保护规范性文件',
      written: '2025-04-01',
      published: '2025-04-03',
      normative: true,
    });

    const a = h.client();
    await a.login(admin.username);
    const created = await a.post(
      '/console/reports/new',
      { orgId: String(agency.id), year: '2025' },
      { from: '/console/reports' },
    );
    assert.equal(created.statusCode, 303);
    const url = created.headers.location as string;
    // The draft is a form; a read-only view of it links every number.
    const draft = await a.get(url);
    assert.match(draft.body, /查看每个数字计入的记录（只读视图）/);
    const read = await a.get(`${url}?read=1`);
    assert.match(
      read.body,
      new RegExp(
        `href="${url}/cell/t3_new_6"[^>]*aria-label="表三 一、本年新收政府信息公开申请数量 总计：52，查看计入的记录"`,
      ),
    );
    assert.match(read.body, new RegExp(`href="${url}/cell/t2_1_0"`));

    const s = h.client();
    await s.login(sup.username);
    const p1 = await s.get(`${url}/cell/t3_new_6`);
    assert.equal(p1.statusCode, 200);
    assert.match(p1.body, /表三 一、本年新收政府信息公开申请数量 总计：52/);
    assert.match(p1.body, /计入此数的依申请公开申请（申请人个人信息已遮蔽）/);
    assert.match(p1.body, /共 52 条，第 1\/2 页/);
    assert.equal([...p1.body.matchAll(/<a href="\/console\/requests\/\d+">YSQ-T/g)].length, 50);
    assert.match(p1.body, /张\*\*/);
    assert.doesNotMatch(p1.body, /张三丰|13800138000/);
    const p2 = await s.get(`${url}/cell/t3_new_6?page=2`);
    assert.equal([...p2.body.matchAll(/<a href="\/console\/requests\/\d+">YSQ-T/g)].length, 2);
    const item = await s.get(`${url}/cell/t2_1_0`);
    assert.match(item.body, /计入此数的行政规范性文件/);
    assert.match(item.body, /林地保护规范性文件/);
    assert.match(item.body, /IDX-T-/);
    const entered = await s.get(`${url}/cell/t2_2_0`);
    assert.match(entered.body, /“行政许可”的数字由单位在“年报表二数据”中按年度手工录入/);
    assert.equal((await s.get(`${url}/cell/t9_0`)).statusCode, 404);

    // An editor reads the report but may not see the requests; another agency may not see the report.
    const e = h.client();
    await e.login(editor.username);
    assert.equal((await e.get(`${url}/cell/t2_1_0`)).statusCode, 200);
    const denied = await e.get(`${url}/cell/t3_new_6`);
    assert.equal(denied.statusCode, 403);
    assert.match(denied.body, /您没有查看依申请公开记录的权限/);
    const o = h.client();
    await o.login(outsider.username);
    assert.equal((await o.get(`${url}/cell/t3_new_6`)).statusCode, 403);

    // Saving the text alone keeps the numbers computed (and linked).
    const form = Object.fromEntries(
      [...draft.body.matchAll(/<input type="text" inputmode="decimal" name="([^"]+)" id="[^"]*" value="([^"]*)"/g)].map(
        (m) => [m[1], m[2]],
      ),
    );
    assert.equal(
      (await a.post(`${url}/edit`, { ...form, overview: '新的总体情况', problems: '', other: '' }, { from: url }))
        .statusCode,
      303,
    );
    assert.match((await a.get(url)).body, /由系统记录生成/);
    assert.equal(
      (
        await a.post(
          `${url}/edit`,
          { ...form, t4_0: '1', t4_4: '1', overview: '改了数字', problems: '', other: '' },
          { from: url },
        )
      ).statusCode,
      303,
    );
    assert.match((await a.get(url)).body, /手工录入/);
    assert.match((await s.get(`${url}/cell/t4_0`)).body, /本报告的数字为手工录入，此数不来自系统中的逐条记录/);
  });
});
