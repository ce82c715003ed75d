import { it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeApp, multipart } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { sampleTables } from '../../reports/fixtures/sample-tables.js';
import { exportReportXlsx } from '../../reports/export-xlsx.js';
import { TABLE3_COLUMNS, table3Rows } from '../../reports/report-format.rules.js';
import { t3Field, t4Field, t2Field, table2RowsOf } from '../../reports/tables-input.rules.js';

/** All numeric fields of the edit form, from a page. */
function formFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/<input type="text" inputmode="decimal" name="([^"]+)" id="[^"]*" value="([^"]*)"/g))
    out[m[1]] = m[2];
  return out;
}

describeApp(
  'annual report workflow (console, portal, API)',
  (h) => {
    it('import last year, draft this year, fix a broken cell, submit, return, accept, publish; portal page and downloads', async () => {
      const county = await makeOrg(h.db(), { name: '某县人民政府' });
      const agency = await makeOrg(h.db(), { parent: county, name: '某县交通运输局', kind: 'agency' });
      const editor = await makeUser(h.db(), [['agency_admin', agency]]);
      const sup = await makeUser(h.db(), [['supervisor', county]]);
      const e = h.client();
      await e.login(editor.username);
      const s = h.client();
      await s.login(sup.username);

      // Earlier year imported from an XLSX file.
      const last = sampleTables('2021', 8);
      const imp = await multipart(
        e,
        '/console/reports/import',
        { _csrf: await e.csrf('/console/reports'), orgId: String(agency.id), year: '2024' },
        { name: '2024.xlsx', data: await exportReportXlsx(last, '2024') },
      );
      assert.equal(imp.statusCode, 303, imp.body.slice(0, 2000));
      const histPage = await e.get(imp.headers.location as string);
      assert.match(histPage.body, /历史报告（录入）/);
      assert.match(histPage.body, /已从文件读取并保存为历史报告。勾稽关系一致。/);

      // A 年度 typed as −5: the list page with the message and the year as typed, no report made.
      const minus = await e.post(
        '/console/reports/new',
        { orgId: String(agency.id), year: '-5' },
        { from: '/console/reports' },
      );
      assert.equal(minus.statusCode, 400);
      assert.match(minus.body, /年度.{0,12}只能填写数字 0–9/);
      assert.match(minus.body, /name="year"[^>]*value="-5"/);
      // This year's draft.
      const created0 = await e.post(
        '/console/reports/new',
        { orgId: String(agency.id), year: '2025' },
        { from: '/console/reports' },
      );
      assert.equal(created0.statusCode, 303);
      const url = created0.headers.location as string;
      const draft = await e.get(url);
      assert.match(draft.body, /草稿/);
      assert.match(draft.body, /2026-01-31/);
      // Computed from the (empty) request records: 二 = 0 breaks 本年二 = 上年四 against the imported 2024 report.
      assert.match(
        draft.body,
        /表三“二、上年结转政府信息公开申请数量”行“自然人”列应等于上年报告“四、结转下年度继续办理”的/,
      );
      const fields = formFields(draft.body);
      assert.equal(
        Object.keys(fields).length,
        table3Rows('2021').length * 7 + 15 + table2RowsOf('2021').reduce((a, r) => a + r.columns.length, 0),
      );
      assert.equal(fields[t3Field('carried', 0)], '0');
      // Staff enter the carried-over cases (before Gongkai) and the matching 一 / 四.
      for (let c = 0; c < 7; c++) {
        fields[t3Field('carried', c)] = String(last.table3.next[c]);
        fields[t3Field('next', c)] = String(last.table3.next[c]);
      }

      // A bad cell value is refused with the cell named; a broken identity blocks submission.
      const bad = await e.post(
        `${url}/edit`,
        { ...fields, [t3Field('3.1', 0)]: 'abc', overview: '总体情况', problems: '', other: '' },
        { from: url },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /表三“1\.属于国家秘密”行“自然人”列应为非负整数。/);
      // What was typed stays in the form: the refused cell and the others changed with it.
      const cellValue = (name: string) =>
        new RegExp(`name="${name}" id="f-${name}" value="([^"]*)"`).exec(bad.body)?.[1];
      assert.equal(cellValue(t3Field('3.1', 0)), 'abc');
      assert.equal(cellValue(t3Field('carried', 1)), String(last.table3.next[1]));
      assert.match(bad.body, /<textarea[^>]*name="overview"[^>]*>总体情况<\/textarea>/);
      const saved = await e.post(
        `${url}/edit`,
        { ...fields, [t4Field(0)]: '10', [t4Field(4)]: '0', overview: '总体情况', problems: '问题', other: '无' },
        { from: url },
      );
      assert.equal(saved.statusCode, 303);
      const refused = await e.post(`${url}/submit`, {}, { from: url });
      assert.equal(refused.statusCode, 400);
      assert.match(
        refused.body,
        /表四“行政复议”的“总计”应为 1\d（结果维持、结果纠正、其他结果、尚未审结之和），实为 0。/,
      );
      assert.match(refused.body, /class="num cell-error"/);
      const fixed = {
        ...fields,
        [t4Field(0)]: '10',
        [t4Field(4)]: String(10 + Number(fields[t4Field(1)]) + Number(fields[t4Field(2)]) + Number(fields[t4Field(3)])),
        [t2Field(0, 0)]: '3',
        overview: '总体情况',
        problems: '问题',
        other: '无',
      };
      assert.equal((await e.post(`${url}/edit`, fixed, { from: url })).statusCode, 303);
      assert.equal((await e.post(`${url}/submit`, {}, { from: url })).statusCode, 303);
      assert.match((await e.get(url)).body, /已报送，待审核/);

      // Supervisor: summary, return with comment, then accept and publish.
      const sum = await s.get('/console/reports/summary?year=2025');
      assert.match(sum.body, /某县交通运输局/);
      assert.match(sum.body, /已报送，待审核/);
      assert.match(sum.body, /汇总表（1 份报告相加）/);
      assert.equal((await s.post(`${url}/review`, { decision: 'return', comment: '' }, { from: url })).statusCode, 400);
      assert.equal(
        (await s.post(`${url}/review`, { decision: 'return', comment: '请补充问题部分' }, { from: url })).statusCode,
        303,
      );
      assert.match((await e.get(url)).body, /请补充问题部分/);
      assert.equal((await e.post(`${url}/submit`, {}, { from: url })).statusCode, 303);
      assert.equal((await e.post(`${url}/review`, { decision: 'accept' }, { from: url })).statusCode, 403);
      assert.equal((await s.post(`${url}/review`, { decision: 'accept', comment: '' }, { from: url })).statusCode, 303);
      assert.equal((await s.post(`${url}/publish`, {}, { from: url })).statusCode, 303);

      // History with the chart of main indicators; drill-down page of a cell.
      const hist = await e.get(`/console/reports/history/${agency.id}`);
      assert.equal(hist.statusCode, 200);
      assert.match(hist.body, /<svg viewBox="0 0 640 280"[^>]*role="img"/);
      assert.match(hist.body, /历年主要指标/);
      assert.match(hist.body, />2024</);
      assert.match(hist.body, />2025</);
      const cell = await e.get(`${url}/cell/t3_new_6`);
      assert.equal(cell.statusCode, 200);
      assert.match(cell.body, /表三 一、本年新收政府信息公开申请数量 总计/);
      assert.equal((await e.get(`${url}/cell/nonsense`)).statusCode, 404);

      // Portal page, downloads and API.
      const id = url.split('/').pop();
      const pub = await h.client().get(`/reports/${id}`);
      assert.equal(pub.statusCode, 200);
      assert.match(pub.body, /某县交通运输局2025年政府信息公开工作年度报告/);
      assert.match(pub.body, /rowspan="22"/);
      assert.match(pub.body, /三、收到和处理政府信息公开申请情况/);
      const xlsx = await h.client().get(`/reports/${id}/report.xlsx`);
      assert.equal(xlsx.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      assert.equal(wb.getWorksheet('表四 复议诉讼')!.getRow(5).getCell(1).value, 10);
      const docx = await h.client().get(`/reports/${id}/report.docx`);
      assert.equal(docx.statusCode, 200);
      assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
      const api = (await h.client().get(`/api/v1/reports/${id}`)).json() as {
        consistent: boolean;
        table4: number[];
        table3: Record<string, number[]>;
      };
      assert.equal(api.consistent, true);
      assert.equal(api.table4[0], 10);
      assert.equal(api.table3.total.length, TABLE3_COLUMNS.length);
      assert.ok(
        ((await h.client().get('/api/v1/reports?year=2025')).json() as { data: Array<{ id: number }> }).data.some(
          (r) => String(r.id) === id,
        ),
      );
      // Drafts are not public.
      const hid = (histPage.body.match(/\/console\/reports\/(\d+)\/report\.docx/) ?? [])[1];
      assert.equal((await h.client().get(`/reports/${hid}`)).statusCode, 404);
      const events = await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('subject_type', '=', 'annual_report')
        .where('subject_id', '=', String(id))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        events.map((x) => x.action),
        [
          'report.create',
          'report.update',
          'report.update',
          'report.submit',
          'report.return',
          'report.submit',
          'report.accept',
          'report.publish',
        ],
      );
    });
  },
  { now: () => new Date('2026-01-20T02:00:00Z') },
);
