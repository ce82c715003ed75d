import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeApp } from '../../../test/helpers/http.js';
import { makeUser } from '../../../test/helpers/factories.js';
import {
  DESK_ID as ID,
  DESK_NOW as NOW,
  deskCases,
  listedNos as listed,
  type DeskCases,
  type DeskUser,
} from '../../../test/helpers/desk-cases.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { createToken } from '../../orgs/api-tokens.js';

describeApp(
  '依申请公开 console: my work, search, filters and export',
  (h) => {
    let org: OrgRow;
    let a: DeskUser;
    let b: DeskUser;
    let head: DeskUser;
    let supervisor: DeskUser;
    let c: DeskCases['c'];
    let login: DeskCases['login'];

    before(async () => {
      ({ org, a, b, head, supervisor, c, login } = await deskCases(h));
    });

    it('my work: the handler sees their own cases, the head of office the agency, each count opening its list', async () => {
      const ca = await login(a);
      const home = await ca.get('/console');
      assert.equal(home.statusCode, 200);
      const me = await h
        .db()
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      assert.match(home.body, new RegExp(`您好，${me.display_name}。`));
      assert.doesNotMatch(home.body, new RegExp(`您好，${a.username}`));
      // The header names the person too; the login name stays in the tooltip.
      assert.match(
        home.body,
        new RegExp(`<span data-testid="who" title="[^"]*${a.username}[^"]*">${me.display_name}</span>`),
      );
      const count = (body: string, label: string) => {
        const m = new RegExp(
          `href="([^"]+)"[^>]*data-testid="work-count"><span class="n">(\\d+)</span><span class="label">${label}</span>`,
        ).exec(body);
        assert.ok(m, `count ${label}`);
        return { n: Number(m[2]), href: m[1].replace(/&amp;/g, '&') };
      };
      const mine = count(home.body, '我的待办申请');
      assert.equal(mine.n, 2);
      const late = count(home.body, '我的申请已超期');
      assert.equal(late.n, 1);
      assert.deepEqual(listed((await ca.get(late.href)).body), [c.late.requestNo]);
      assert.deepEqual(listed((await ca.get(mine.href)).body).sort(), [c.mine.requestNo, c.late.requestNo].sort());

      const ch = await login(head);
      const hh = (await ch.get('/console')).body;
      assert.equal(count(hh, '本机关申请已超期').n, 1);
      const soon = count(hh, '本机关申请3个工作日内到期');
      assert.equal(soon.n, 1);
      assert.deepEqual(listed((await ch.get(soon.href)).body), [c.soon.requestNo]);
      const free = count(hh, '办理中未分派办理人');
      assert.equal(free.n, 1);
      assert.deepEqual(listed((await ch.get(free.href)).body), [c.soon.requestNo]);
    });

    it('my work of other roles: messages, review queue, returned reports; nothing for roles one does not hold', async () => {
      const staff = await makeUser(h.db(), [
        ['message_handler', org],
        ['editor', org],
      ]);
      const cl = await login(staff);
      const body = (await cl.get('/console')).body;
      for (const [label, href] of [
        ['我的留言待答复', '/console/messages?queue=mine'],
        ['留言已超期未答复', '/console/messages?queue=overdue'],
        ['待我审核或修改的公开信息', '/console/items/queue'],
        ['退回修改的年度报告', '/console/reports'],
      ]) {
        assert.match(
          body,
          new RegExp(
            `href="${href.replace(/[?]/g, '\\?')}"[^>]*data-testid="work-count"><span class="n">0</span><span class="label">${label}</span>`,
          ),
          label,
        );
      }
      assert.doesNotMatch(body, /我的待办申请/);
      const hb = (await (await login(head)).get('/console')).body;
      assert.deepEqual(
        [...hb.matchAll(/<div class="work-group"><h3>([^<]+)<\/h3>/g)].map((m) => m[1]),
        ['依申请公开'],
      );
    });

    it('search by number and subject; names only for those who may see them; never by 查询码', async () => {
      const ch = await login(head);
      const all = (q: string) => `/console/requests?queue=all&q=${encodeURIComponent(q)}`;
      assert.deepEqual(listed((await ch.get(all(c.late.requestNo.toLowerCase()))).body), [c.late.requestNo]);
      assert.deepEqual(listed((await ch.get(all('道路养护'))).body), [c.late.requestNo]);
      assert.deepEqual(
        listed((await ch.get(all('李四'))).body),
        [c.mine.requestNo],
        'the head finds names of the agency only',
      );
      assert.deepEqual(listed((await ch.get(all(c.mine.queryCode))).body), []);
      assert.deepEqual(listed((await ch.get(all('%'))).body), [], 'wildcards are taken literally');
      const ca = await login(a);
      assert.deepEqual(
        listed((await ca.get(all('李四'))).body),
        [c.mine.requestNo],
        'the handler finds the name of their own case',
      );
      const cb = await login(b);
      assert.deepEqual(listed((await cb.get(all('李四'))).body), []);
      const cs = await login(supervisor);
      assert.deepEqual(listed((await cs.get(all('李四'))).body), []);
      assert.equal(listed((await cs.get(all('批复'))).body).length, 2, 'subject words across the county');
    });

    it('filters and sorting; a bad filter is named and ignored', async () => {
      const ch = await login(head);
      const get = async (qs: string) => listed((await ch.get(`/console/requests?queue=all&${qs}`)).body);
      assert.deepEqual(await get('state=answered'), [c.closed.requestNo]);
      assert.deepEqual(await get(`handler=${a.id}&state=processing&sort=due_asc`), [
        c.late.requestNo,
        c.mine.requestNo,
      ]);
      assert.deepEqual(await get('outcome=1'), [c.closed.requestNo]);
      assert.deepEqual(await get('receivedFrom=2025-09-26&receivedTo=2025-09-30&sort=received_asc'), [
        c.mine.requestNo,
        c.soon.requestNo,
      ]);
      assert.deepEqual(await get('dueTo=2025-10-13&sort=due_desc'), [
        c.soon.requestNo,
        c.closed.requestNo,
        c.late.requestNo,
      ]);
      assert.deepEqual(await get('dueTo=2025-10-13&state=processing&sort=due_desc'), [
        c.soon.requestNo,
        c.late.requestNo,
      ]);
      assert.deepEqual(await get('sort=no_asc'), [
        c.mine.requestNo,
        c.late.requestNo,
        c.soon.requestNo,
        c.closed.requestNo,
      ]);
      const bad = await ch.get('/console/requests?queue=all&receivedFrom=2025-13-01&state=nope');
      assert.equal(bad.statusCode, 200);
      assert.match(bad.body, /收到日期（起）应为“年-月-日”格式的日期/);
      assert.match(bad.body, /所选状态不存在，已忽略。/);
      assert.equal(listed(bad.body).length, 4);
      // The page number is checked by the list's schema and named by its label.
      const badPage = await ch.get('/console/requests?queue=all&page=x');
      assert.equal(badPage.statusCode, 400);
      assert.match(badPage.body, /“页码”应为整数/);
    });

    it('the JSON API lists with the same search, filters and order; a bad filter is a 400 with the Chinese message', async () => {
      const token = (await createToken(h.ctx(head.actor, NOW), { name: '统计', roles: ['request_admin'] })).token;
      const get = (qs: string) =>
        h.app().inject({ method: 'GET', url: `/api/v1/requests?${qs}`, headers: { authorization: `Bearer ${token}` } });
      const nos = async (qs: string) =>
        ((await get(qs)).json() as { data: Array<{ requestNo: string }> }).data.map((r) => r.requestNo);
      assert.deepEqual(await nos(`q=${encodeURIComponent('道路养护')}`), [c.late.requestNo]);
      assert.deepEqual(await nos(`queue=overdue`), [c.late.requestNo]);
      assert.deepEqual(await nos(`state=processing&sort=due_asc`), [
        c.late.requestNo,
        c.soon.requestNo,
        c.mine.requestNo,
      ]);
      assert.deepEqual(await nos(`q=${encodeURIComponent('李四')}`), [c.mine.requestNo]);
      const bad = await get('state=nope');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /所选状态不存在/);
    });

    it('exports what is shown as CSV and XLSX, names masked unless the reader may see them', async () => {
      const ch = await login(head);
      const csv = await ch.get('/console/requests/export?format=csv&queue=all&sort=no_asc');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      const lines = csv.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines.length, 5);
      assert.match(lines[0], /^申请编号,受理机关,申请人类型,申请人,/);
      assert.match(lines[1], new RegExp(`^${c.mine.requestNo},县交通运输局,公民,李四,`));
      assert.doesNotMatch(csv.body, new RegExp(ID));
      const cb = await login(b);
      const masked = await cb.get('/console/requests/export?format=csv&queue=all&q=%E6%8B%93%E5%AE%BD');
      assert.match(masked.body, /,李\*,/);
      assert.doesNotMatch(masked.body, /李四/);
      const x = await ch.get('/console/requests/export?format=xlsx&queue=overdue');
      assert.equal(x.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('申请列表');
      assert.ok(ws);
      assert.equal(ws.rowCount, 2);
      assert.equal(ws.getCell('A2').value, c.late.requestNo);
      assert.equal(ws.getCell('D2').value, '赵六');
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'request.export')
        .execute();
      assert.equal(audit.length, 3);
    });

    it('依申请转主动 is offered as a hand-off to a handler without the editor role, not at all to a supervisor', async () => {
      const url = `/console/requests/${c.closed.id}`;
      const ca = await login(a);
      assert.match((await ca.get(url)).body, /生成草稿并转交本机关采编人员/);
      assert.doesNotMatch((await (await login(supervisor)).get(url)).body, /to-proactive/);
      const editor = await makeUser(h.db(), [['editor', org]]);
      const done = await ca.post(`${url}/to-proactive`, { title: '桥梁检测报告' }, { from: url });
      assert.equal(done.statusCode, 303);
      assert.match((await ca.get(url)).body, /并通知本机关 2 名信息采编人员完善后提交审核/);
      const notice = await h
        .db()
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', editor.id)
        .executeTakeFirstOrThrow();
      assert.equal(notice.title, '依申请转主动：请审核发布「桥梁检测报告」');
    });

    it('the case page warns while the 复议机关 and the court are not set; the letter names them once set', async () => {
      const ch = await login(head);
      const url = `/console/requests/${c.late.id}`;
      assert.match(
        (await ch.get(url)).body,
        /data-testid="remedies-missing">本机关的文书设置尚未填写行政复议机关和人民法院/,
      );
      const from = `/console/requests/letter-templates?org=${org.id}`;
      const bad = await ch.post(
        '/console/requests/letter-settings',
        { orgId: String(org.id), numberPattern: '', cc: '', reviewBody: '示范县人民政府', court: '示范县' },
        { from },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /请填写人民法院的全称/);
      assert.match((await ch.get(url)).body, /remedies-missing/, 'nothing saved');
      const ok = await ch.post(
        '/console/requests/letter-settings',
        { orgId: String(org.id), numberPattern: '', cc: '', reviewBody: '示范县人民政府', court: '示范县人民法院' },
        { from },
      );
      assert.equal(ok.statusCode, 303);
      assert.doesNotMatch((await ch.get(url)).body, /remedies-missing/);
      const letter = await ch.get(`/console/requests/${c.closed.id}/letters/0`);
      assert.match(
        letter.body,
        /60日内向示范县人民政府申请行政复议，或者自收到本答复之日起6个月内依法向示范县人民法院提起行政诉讼/,
      );
    });
  },
  { now: () => NOW },
);
