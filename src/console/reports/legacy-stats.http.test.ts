import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeApp, multipart } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { sampleTables } from '../../reports/fixtures/sample-tables.js';
import { exportReportXlsx } from '../../reports/export-xlsx.js';

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../../reports/fixtures/${name}`, import.meta.url)));

describeApp('earlier years in the console: pre-2019 统计表 and blank 2019/2021 history reports', (h) => {
  it('import the 2016 统计表, type 2017, add 2020 and 2021 reports; the history chart joins them', async () => {
    const county = await makeOrg(h.db(), { name: '历年县人民政府' });
    const agency = await makeOrg(h.db(), { parent: county, name: '历年县人社局', kind: 'agency' });
    const admin = await makeUser(h.db(), [['agency_admin', agency]]);
    const approver = await makeUser(h.db(), [['approver', agency]]);
    const a = h.client();
    await a.login(admin.username);
    const list = await a.get('/console/reports');
    assert.match(list.body, /href="\/console\/reports\/legacy"/);

    // Import: the 睢县 2016 table (traditional characters).
    const form = await a.get('/console/reports/legacy');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）/);
    const csrf = await a.csrf('/console/reports/legacy');
    const imp = await multipart(
      a,
      '/console/reports/legacy/import',
      { _csrf: csrf, orgId: String(agency.id), year: '2016' },
      { name: '2016.html', data: fixture('legacy-2016.html') },
    );
    assert.equal(imp.statusCode, 303, imp.body.slice(0, 1500));
    const view = await a.get(imp.headers.location as string);
    assert.match(view.body, /已保存统计表。读取 58 行统计指标。/);
    assert.match(
      view.body,
      /<th scope="row" class="indent-2">2\.政府网站公开政府信息数<\/th><td>条<\/td><td class="num">988<\/td>/,
    );
    // Not a 统计表, or a year of the new formats: refused with the reason, nothing saved.
    const wrong = await multipart(
      a,
      '/console/reports/legacy/import',
      { _csrf: csrf, orgId: String(agency.id), year: '2015' },
      { name: 'r.html', data: fixture('r2021-consistent.html') },
    );
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /文件中未找到《政府信息公开情况统计表》/);
    const late = await multipart(
      a,
      '/console/reports/legacy/import',
      { _csrf: csrf, orgId: String(agency.id), year: '2019' },
      { name: '2016.html', data: fixture('legacy-2016.html') },
    );
    assert.equal(late.statusCode, 400);
    assert.match(late.body, /统计表的年度应为 2008 至 2018 之间的年份/);

    // Typed in: a bad figure re-renders the form with the message; then saved with a soft warning.
    const bad = await a.post(
      '/console/reports/legacy',
      { orgId: String(agency.id), year: '2017', l_a_received: '十二', l_a_closed: '3' },
      { from: '/console/reports/legacy' },
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /“（一）收到申请数”应为不小于 0 的整数。/);
    assert.match(bad.body, /name="l_a_closed" id="f-l_a_closed" value="3"/);
    const ok = await a.post(
      '/console/reports/legacy',
      {
        orgId: String(agency.id),
        year: '2017',
        l_a_received: '12',
        l_a_online: '10',
        l_a_closed: '11',
        l_reconsideration: '1',
        l_rc_upheld: '1',
        l_litigation: '0',
      },
      { from: '/console/reports/legacy' },
    );
    assert.equal(ok.statusCode, 303);
    assert.match(
      (await a.get(ok.headers.location as string)).body,
      /提示：“（一）收到申请数”为 12，而其分项之和为 10。/,
    );

    // 2020: a blank history report in the 2019 format, typed in later; 2021 imported from a file.
    const blank = await multipart(
      a,
      '/console/reports/import',
      { _csrf: await a.csrf('/console/reports'), orgId: String(agency.id), year: '2020' },
      null,
    );
    assert.equal(blank.statusCode, 303, blank.body.slice(0, 1500));
    const blankPage = await a.get(blank.headers.location as string);
    assert.match(blankPage.body, /已建立空白历史报告/);
    assert.match(blankPage.body, /2019年格式（国办公开办函〔2019〕60号）/);
    assert.equal(
      (
        await multipart(
          a,
          '/console/reports/import',
          { _csrf: await a.csrf('/console/reports'), orgId: String(agency.id), year: '2021' },
          { name: '2021.xlsx', data: await exportReportXlsx(sampleTables('2021', 3), '2021') },
        )
      ).statusCode,
      303,
    );

    const hist = await a.get(`/console/reports/history/${agency.id}`);
    assert.equal(hist.statusCode, 200);
    const years = [...hist.body.matchAll(/<th scope="row"><a href="([^"]+)">(\d{4})<\/a><\/th>/g)].map((m) => [
      m[2],
      m[1].replace(/\d+$/, 'N'),
    ]);
    assert.deepEqual(years, [
      ['2016', `/console/reports/legacy/${agency.id}/N`],
      ['2017', `/console/reports/legacy/${agency.id}/N`],
      ['2020', '/console/reports/N'],
      ['2021', '/console/reports/N'],
    ]);
    assert.match(
      hist.body,
      /<td class="num">12<\/td><td class="num">11<\/td><td class="num">—<\/td><td class="num">1<\/td><td class="num">0<\/td><td>政府信息公开情况统计表（手工录入）<\/td>/,
    );
    assert.match(hist.body, /统计表没有“结转下年度”，图中留空/);
    assert.match(hist.body, /<svg viewBox="0 0 640 280"/);

    // An approver may read the history and a 统计表 but not enter one.
    const p = h.client();
    await p.login(approver.username);
    assert.equal((await p.get(`/console/reports/legacy/${agency.id}/2016`)).statusCode, 200);
    assert.equal((await p.get('/console/reports/legacy')).statusCode, 403);
    assert.equal(
      (
        await p.post(
          '/console/reports/legacy',
          { orgId: String(agency.id), year: '2015', l_a_received: '1' },
          { from: `/console/reports/legacy/${agency.id}/2016` },
        )
      ).statusCode,
      403,
    );
  });
});
