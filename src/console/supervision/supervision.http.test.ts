import { it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { randomBytes } from 'node:crypto';
import mammoth from 'mammoth';
import { registerRequest } from '../../requests/register-request.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';

const NOW = new Date('2026-11-30T02:00:00Z');

/** Posts a multipart form (fields + one file) through the client's cookie jar. */
async function upload(
  c: Client,
  url: string,
  fields: Record<string, string>,
  file: Buffer,
): Promise<LightMyRequestResponse> {
  const b = `----gk${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="tasks.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from('\r\n'),
  );
  parts.push(Buffer.from(`--${b}--\r\n`));
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return c.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie },
  });
}

const taskId = (res: LightMyRequestResponse): number =>
  Number(/\/console\/supervision\/tasks\/(\d+)/.exec(String(res.headers.location))?.[1]);

describeApp(
  'supervision console, portal and API',
  (h) => {
    let county: OrgRow;
    let edu: OrgRow;
    let sup: Awaited<ReturnType<typeof makeUser>>;
    let admin: Awaited<ReturnType<typeof makeUser>>;

    it('setup', async () => {
      county = await makeOrg(h.db(), { name: '示范县人民政府' });
      edu = await makeOrg(h.db(), { parent: county, name: '示范县教育局' });
      await makeOrg(h.db(), { parent: county, name: '示范县民政局' });
      sup = await makeUser(h.db(), [['supervisor', county]]);
      admin = await makeUser(h.db(), [['agency_admin', edu]]);
    });

    it('责任科室 options name the agency with the section; sections are no 报送单位 of annual reports', async () => {
      const civil = (await h
        .db()
        .selectFrom('orgs')
        .selectAll()
        .where('name', '=', '示范县民政局')
        .executeTakeFirstOrThrow()) as OrgRow;
      for (const parent of [edu, civil]) await makeOrg(h.db(), { parent, kind: 'section', name: '办公室' });
      const s = h.client();
      await s.login(sup.username);
      const list = (await s.get('/console/supervision/tasks')).body;
      assert.match(list, />示范县教育局 · 办公室</);
      assert.match(list, />示范县民政局 · 办公室</);
      const a = h.client();
      await a.login(admin.username);
      const reports = (await a.get('/console/reports')).body;
      assert.match(reports, /<option value="\d+">示范县教育局<\/option>/);
      assert.doesNotMatch(reports, /<option value="\d+">办公室<\/option>/);
      const section = await h
        .db()
        .selectFrom('orgs')
        .select('id')
        .where('parent_id', '=', edu.id)
        .executeTakeFirstOrThrow();
      const refused = await a.post(
        '/console/reports/new',
        { orgId: String(section.id), year: '2025' },
        { from: '/console/reports' },
      );
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /办公室是内设机构，不单独编制年度报告/);
    });

    it('a task round trip: supervisor creates → agency reports → supervisor returns → agency reports → supervisor accepts', async () => {
      const s = h.client();
      assert.equal((await s.login(sup.username)).statusCode, 303);
      const list = await s.get('/console/supervision/tasks');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /监督检查/);
      assert.match(list.body, /新建任务/);

      const bad = await s.post('/console/supervision/tasks', {
        jurisdictionOrgId: String(county.id),
        year: '2026',
        category: '',
        content: '',
        responsibleOrgId: '',
        deadline: 'x',
        evidenceRequired: '',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /请填写任务类别。/);
      assert.match(bad.body, /请填写正确的完成时限/);

      const created = await s.post('/console/supervision/tasks', {
        jurisdictionOrgId: String(county.id),
        year: '2026',
        category: '政策解读',
        content: '重要政策文件同步解读',
        responsibleOrgId: String(edu.id),
        deadline: '2026-11-20',
        evidenceRequired: '解读链接',
      });
      assert.equal(created.statusCode, 303);
      const id = taskId(created);
      const page = await s.get(`/console/supervision/tasks/${id}`);
      assert.match(page.body, /任务 2026-1/);
      assert.match(page.body, /已逾期/);
      assert.match((await s.get('/console/supervision/tasks?overdue=1')).body, /重要政策文件同步解读/);

      const a = h.client();
      assert.equal((await a.login(admin.username)).statusCode, 303);
      assert.match((await a.get('/console')).body, /年度任务逾期/);
      let r = await a.post(
        `/console/supervision/tasks/${id}/report`,
        { progress: '已解读', links: 'https://example.test/jd/1' },
        { from: `/console/supervision/tasks/${id}` },
      );
      assert.equal(r.statusCode, 303);
      assert.match((await a.get(`/console/supervision/tasks/${id}`)).body, /待审核/);

      r = await s.post(
        `/console/supervision/tasks/${id}/review`,
        { decision: 'return', comment: '' },
        { from: `/console/supervision/tasks/${id}` },
      );
      assert.equal(r.statusCode, 400);
      assert.match(r.body, /退回时请填写退回理由。/);
      // A decision other than the two buttons (a tampered form): the task page, the comment kept, nothing done;
      // the reporting agency, which may not review, is refused for access rather than shown the errors.
      const task = `/console/supervision/tasks/${id}`;
      const maybe = { decision: 'maybe', comment: '请补充佐证材料' };
      r = await s.post(`${task}/review`, maybe, { from: task });
      assert.equal(r.statusCode, 400);
      assert.match(r.body, /审核结果.{0,12}请从列表中选择[\s\S]*>请补充佐证材料<\/textarea>/);
      assert.match(r.body, /待审核/);
      assert.equal((await a.post(`${task}/review`, maybe, { from: task })).statusCode, 403);
      r = await s.post(
        `/console/supervision/tasks/${id}/review`,
        { decision: 'return', comment: '链接打不开' },
        { from: `/console/supervision/tasks/${id}` },
      );
      assert.equal(r.statusCode, 303);
      assert.match((await a.get(`/console/supervision/tasks/${id}`)).body, /链接打不开/);

      r = await a.post(
        `/console/supervision/tasks/${id}/report`,
        { progress: '已更换链接', links: '/gk/items/1' },
        { from: `/console/supervision/tasks/${id}` },
      );
      assert.equal(r.statusCode, 303);
      r = await s.post(
        `/console/supervision/tasks/${id}/review`,
        { decision: 'accept', comment: '' },
        { from: `/console/supervision/tasks/${id}` },
      );
      assert.equal(r.statusCode, 303);
      const done = await s.get(`/console/supervision/tasks/${id}`);
      assert.match(done.body, /已验收/);
      assert.doesNotMatch(done.body, /已逾期/);
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('subject_type', '=', 'supervision_task')
        .where('subject_id', '=', String(id))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((x) => x.action),
        [
          'supervision.task.create',
          'supervision.task.report',
          'supervision.task.return',
          'supervision.task.report',
          'supervision.task.accept',
        ],
      );

      const other = h.client();
      const stranger = await makeUser(h.db(), [['agency_admin', await makeOrg(h.db(), { name: '外县' })]]);
      await other.login(stranger.username);
      assert.equal((await other.get(`/console/supervision/tasks/${id}`)).statusCode, 403);
    });

    it('the task list searches content and category (wildcards literal), sorts, and the export follows both', async () => {
      const s = h.client();
      await s.login(sup.username);
      const add = async (category: string, content: string, deadline: string) =>
        assert.equal(
          (
            await s.post('/console/supervision/tasks', {
              jurisdictionOrgId: String(county.id),
              year: '2027',
              category,
              content,
              responsibleOrgId: String(edu.id),
              deadline,
              evidenceRequired: '链接',
            })
          ).statusCode,
          303,
        );
      await add('财政预决算', '公开部门预算 100% 细化到项', '2027-03-31');
      await add('政策解读', '解读文件同步发布', '2027-01-31');
      await add('财政预决算', '公开部门决算', '2027-08-31');
      const list = async (qs: string) =>
        [
          ...(await s.get(`/console/supervision/tasks?year=2027&${qs}`)).body.matchAll(
            /<td>(公开[^<]*|解读[^<]*)<\/td>/g,
          ),
        ].map((m) => m[1]);
      assert.deepEqual(await list(`q=${encodeURIComponent('财政预决算')}&sort=deadline`), [
        '公开部门预算 100% 细化到项',
        '公开部门决算',
      ]);
      assert.deepEqual(await list(`q=${encodeURIComponent('100%')}`), ['公开部门预算 100% 细化到项']);
      assert.deepEqual(
        await list(`q=${encodeURIComponent('%')}`),
        ['公开部门预算 100% 细化到项'],
        '% is a character, not a wildcard',
      );
      assert.deepEqual(await list('sort=deadline'), ['解读文件同步发布', '公开部门预算 100% 细化到项', '公开部门决算']);
      const page = (await s.get('/console/supervision/tasks?year=2027&sort=deadline&q=' + encodeURIComponent('公开')))
        .body;
      assert.match(page, /tasks\.xlsx\?year=2027&amp;q=%E5%85%AC%E5%BC%80&amp;sort=deadline/);
      assert.equal((await s.get('/console/supervision/tasks?sort=bogus')).statusCode, 400);
      const x = await s.get(`/console/supervision/tasks.xlsx?year=2027&q=${encodeURIComponent('公开')}&sort=deadline`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const col = (sheet.getRow(1).values as unknown[]).indexOf('任务内容');
      const contents = sheet.getColumn(col).values.slice(2).map(String);
      assert.deepEqual(contents, ['公开部门预算 100% 细化到项', '公开部门决算']);
    });

    it('XLSX import with a bad row shows the row error and saves nothing; export and 季度通报 download', async () => {
      const s = h.client();
      await s.login(sup.username);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('任务');
      ws.addRow(['类别', '任务内容', '责任单位', '完成时限', '佐证材料要求']);
      ws.addRow(['重点领域', '公开教育经费', '示范县教育局', '2026-12-31', '链接']);
      ws.addRow(['重点领域', '公开救助信息', '不存在的局', '2026-12-31', '链接']);
      const res = await upload(
        s,
        '/console/supervision/tasks/import',
        { _csrf: await s.csrf('/console/supervision/tasks'), importOrgId: String(county.id), importYear: '2026' },
        Buffer.from(await wb.xlsx.writeBuffer()),
      );
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /第 3 行：责任单位“不存在的局”不在本级管辖范围内。/);
      assert.doesNotMatch((await s.get('/console/supervision/tasks')).body, /公开教育经费/);

      const x = await s.get('/console/supervision/tasks.xlsx');
      assert.equal(x.statusCode, 200);
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      assert.equal(back.worksheets[0].getRow(2).getCell(5).value, '示范县教育局');
      const d = await s.get('/console/supervision/tasks/notice.docx?year=2026');
      assert.equal(d.statusCode, 200);
      assert.match(String(d.headers['content-type']), /wordprocessingml/);
      assert.equal(d.rawPayload.subarray(0, 2).toString(), 'PK');
      // The notice adds the quarter's request and message figures per agency and names tasks accepted late.
      const handler = await makeUser(h.db(), [['request_handler', edu]]);
      const ID17 = '11010519491231002';
      await registerRequest(h.ctx(handler.actor, NOW), {
        applicantType: 'citizen',
        name: '李四',
        idType: 'resident_id',
        idNumber: ID17 + residentIdCheckChar(ID17),
        phone: '13912345678',
        infoTitle: '学区划分方案',
        form: 'electronic',
        delivery: 'pickup',
        orgId: edu.id,
        channel: 'in_person',
        receivedOn: '2026-10-12',
      });
      const text = (
        await mammoth.extractRawText({
          buffer: (await s.get('/console/supervision/tasks/notice.docx?year=2026')).rawPayload,
        })
      ).value;
      assert.match(text, /三、逾期完成的任务/);
      assert.match(text, /重要政策文件同步解读\s+示范县教育局\s+2026-11-20\s+2026-11-30/);
      assert.match(text, /四、依申请公开和留言办理情况（2026年10月1日至2026年11月30日；超期按通报日计）/);
      assert.match(text, /示范县教育局\s+1\s+0\s+—\s+1\s+0\s+—\s+0/);
      assert.match(text, /合计\s+1\s+0\s+—\s+1\s+0/);
    });

    it('dashboard: agencies, sorting, links to records, SVG chart, CSV/XLSX; agency admin sees own agency only', async () => {
      const s = h.client();
      await s.login(sup.username);
      const res = await s.get('/console/supervision?sort=task_total&dir=desc');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /示范县教育局/);
      assert.match(res.body, /示范县民政局/);
      assert.ok(res.body.indexOf('示范县教育局') < res.body.indexOf('示范县民政局'));
      assert.match(res.body, /aria-sort="descending"/);
      assert.match(
        res.body,
        new RegExp(`href="/console/supervision/tasks\\?responsibleOrgId=${edu.id}&amp;year=2026"`),
      );
      assert.match(res.body, /<svg [^>]*role="img"/);
      assert.match(res.body, /<title>2026-11 收到申请：0<\/title>/);
      const csv = await s.get('/console/supervision/dashboard.csv');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /^\uFEFF单位,收到申请/);
      assert.match(csv.body, /示范县教育局,1,0,—/); // the request registered for the 季度通报 above
      const xlsx = await s.get('/console/supervision/dashboard.xlsx');
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
      // Printed, a number keeps a space before the next column's word and sits on its unit's line.
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const cells: ExcelJS.Cell[] = [];
      sheet.getRow(3).eachCell((cell, col) => void (col > 1 && cells.push(cell)));
      const num = cells.find((x) => typeof x.value === 'number')!;
      const word = cells.find((x) => typeof x.value === 'string')!;
      assert.deepEqual(num.alignment, { horizontal: 'right', indent: 1, vertical: 'middle' });
      assert.equal(word.alignment.horizontal, 'center');
      assert.equal(word.alignment.vertical, 'middle');
      assert.equal((await s.get('/console/supervision?from=2026-12-01&to=2026-01-01')).statusCode, 400);

      const a = h.client();
      await a.login(admin.username);
      const own = await a.get('/console/supervision');
      assert.equal(own.statusCode, 200);
      assert.match(own.body, /示范县教育局/);
      assert.doesNotMatch(own.body, /示范县民政局/);
      assert.equal((await a.get('/console/supervision/alerts')).statusCode, 200);
      const saved = await a.post('/console/supervision/alerts', { kinds: ['tasks_overdue'], email: '1' });
      assert.equal(saved.statusCode, 303);
      assert.match((await a.get('/console/supervision/alerts')).body, /value="tasks_overdue" checked/);
    });

    it('website checks: list, run now, result with history; agencies may not run checks', async () => {
      const s = h.client();
      await s.login(sup.username);
      const list = await s.get('/console/supervision/checks');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /示范县教育局/);
      assert.match(list.body, /未检查/);
      const run = await s.post(
        `/console/supervision/checks/${edu.id}/run`,
        {},
        { from: `/console/supervision/checks/${edu.id}` },
      );
      assert.equal(run.statusCode, 303);
      const page = await s.get(`/console/supervision/checks/${edu.id}`);
      assert.match(page.body, /单项否决/); // no item ever published: 首页 not updated
      assert.match(page.body, /首页 14 天内无信息更新。/);
      assert.match(page.body, /检查记录/);
      const a = h.client();
      await a.login(admin.username);
      assert.equal((await a.get(`/console/supervision/checks/${edu.id}`)).statusCode, 403);
    });

    it('public statistics pages and API show aggregates only', async () => {
      const c = h.client();
      const all = await c.get('/stats');
      assert.equal(all.statusCode, 200);
      assert.match(all.body, /政府信息公开统计/);
      assert.match(all.body, /按时答复率/);
      assert.doesNotMatch(all.body, /已超期/);
      const one = await c.get(`/stats/${edu.id}?year=2026`);
      assert.equal(one.statusCode, 200);
      assert.match(one.body, /示范县教育局政府信息公开统计/);
      assert.equal((await c.get('/stats/999999')).statusCode, 404);
      const api = await c.get(`/api/v1/public/stats?orgId=${edu.id}`);
      assert.equal(api.statusCode, 200);
      assert.equal(JSON.parse(api.body).org.name, '示范县教育局');
      assert.equal((await c.get('/console/supervision')).statusCode, 303);
    });
  },
  { now: () => NOW },
);
