import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

// The app's clock: 2025-09-26 10:00 Beijing time (Friday before 国庆).
const NOW = new Date('2025-09-26T02:00:00Z');

const receipt = (body: string) => ({
  no: /data-testid="message-no">([^<]+)</.exec(body)?.[1] ?? '',
  code: /data-testid="query-code">([^<]+)</.exec(body)?.[1] ?? '',
});

describeApp(
  '互动交流 over HTTP',
  (h) => {
    let housing: OrgRow;
    let water: OrgRow;
    let hHousing: { id: number; username: string };
    let hWater: { id: number; username: string };
    let supervisor: { username: string };
    let mine: { no: string; code: string };
    let messageId = 0;

    before(async () => {
      const county = await makeOrg(h.db(), { name: '某县人民政府' });
      housing = await makeOrg(h.db(), { parent: county, name: '县住房和城乡建设局' });
      water = await makeOrg(h.db(), { parent: county, name: '县水利局' });
      hHousing = await makeUser(h.db(), [['message_handler', housing]]);
      hWater = await makeUser(h.db(), [['message_handler', water]]);
      supervisor = await makeUser(h.db(), [['supervisor', county]]);
    });

    it('the citizen asks: errors re-render in Chinese, then a receipt with number and 查询码', async () => {
      const c = h.client();
      const doors = await c.get('/hd');
      assert.equal(doors.statusCode, 200);
      assert.match(doors.body, /我要留言/);
      const bad = await c.post(
        '/hd/messages/new',
        { orgId: String(housing.id), type: 'complaint', subject: '', content: '河道垃圾' },
        { from: '/hd/messages/new' },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /请填写留言标题/);
      assert.match(bad.body, /投诉留言须填写姓名/);
      const ok = await c.post(
        '/hd/messages/new',
        {
          orgId: String(housing.id),
          type: 'consult',
          subject: '河道清理归哪个部门管',
          content: '村口河道垃圾很多，请问由哪个部门负责清理？',
          name: '张三丰',
          phone: '13812345678',
          publishConsent: '1',
        },
        { from: '/hd/messages/new' },
      );
      assert.equal(ok.statusCode, 200);
      mine = receipt(ok.body);
      assert.match(mine.no, /^LY-2025-\d{6}$/);
      assert.match(mine.code, /^[A-Z2-9]{10}$/);
      assert.match(ok.body, /2025-10-10/); // 5 working days over 国庆
      messageId = (
        await h.db().selectFrom('messages').select('id').where('message_no', '=', mine.no).executeTakeFirstOrThrow()
      ).id;
    });

    it('staff: the supervisor sees the contact masked; housing transfers, water signs, answers', async () => {
      const sup = h.client();
      await sup.login(supervisor.username);
      const page = await sup.get(`/console/messages/${messageId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /138\*\*\*\*5678/);
      assert.doesNotMatch(page.body, /13812345678/);
      assert.doesNotMatch(page.body, /张三丰/);

      const a = h.client();
      await a.login(hHousing.username);
      const list = await a.get('/console/messages?queue=unsigned');
      assert.match(list.body, new RegExp(mine.no));
      assert.match(list.body, /互动交流/);
      const detail = await a.get(`/console/messages/${messageId}`);
      assert.match(detail.body, /13812345678/); // the agency's handler sees it
      const from = `/console/messages/${messageId}`;
      const noReason = await a.post(
        `/console/messages/${messageId}/transfer`,
        { targetOrgId: String(water.id), reason: '' },
        { from },
      );
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /请填写转办理由/);
      // An agency id not on the list (a tampered form): the form again with the reason typed, not a 404 page.
      const nowhere = await a.post(
        `/console/messages/${messageId}/transfer`,
        { targetOrgId: '999999', reason: '河道管护属水利局职责' },
        { from },
      );
      assert.equal(nowhere.statusCode, 400);
      assert.match(nowhere.body, /<a href="#m-transfer-targetOrgId">请从列表中选择受理留言的机关。/);
      assert.match(
        nowhere.body,
        /<textarea id="m-transfer-reason" name="reason"[^>]*>河道管护属水利局职责<\/textarea>/,
      );
      const t = await a.post(
        `/console/messages/${messageId}/transfer`,
        { targetOrgId: String(water.id), reason: '河道管护属水利局职责' },
        { from },
      );
      assert.equal(t.statusCode, 303);
      assert.equal((await a.get(`/console/messages/${messageId}`)).statusCode, 403);

      const b = h.client();
      await b.login(hWater.username);
      const from2 = `/console/messages/${messageId}`;
      assert.equal(
        (await b.post(`/console/messages/${messageId}/reply`, { replyPublic: '太早了' }, { from: from2 })).statusCode,
        409,
      );
      assert.equal((await b.post(`/console/messages/${messageId}/accept`, {}, { from: from2 })).statusCode, 303);
      // A refused form (−5 days) is shown again with what was typed, in that form only.
      const minus = await b.post(`${from2}/extend`, { days: '-5', reason: '需现场核查河道位置' }, { from: from2 });
      assert.equal(minus.statusCode, 400);
      assert.match(minus.body, /<a href="#m-extend-days">[^<]*只能填写数字 0–9/);
      assert.match(minus.body, /<input id="m-extend-days" name="days" type="text" value="-5"/);
      assert.match(minus.body, /<textarea id="m-extend-reason" name="reason"[^>]*>需现场核查河道位置<\/textarea>/);
      assert.match(minus.body, /<textarea id="m-transfer-reason" name="reason"[^>]*><\/textarea>/);
      assert.equal(
        (
          await b.post(
            `/console/messages/${messageId}/reply`,
            { replyPublic: '河道清理由县水利局负责，已安排清理。', replyPrivate: '您反映的具体位置已转村委会跟进。' },
            { from: from2 },
          )
        ).statusCode,
        303,
      );
      const after = await b.get(from2);
      assert.match(after.body, /已答复/);
      // Staff in the history by 姓名, not login name.
      const names = await h
        .db()
        .selectFrom('users')
        .select(['username', 'display_name'])
        .where('id', 'in', [hWater.id, hHousing.id])
        .execute();
      for (const n of names) {
        assert.ok(after.body.includes(`${n.display_name}：`), n.display_name);
        assert.ok(!after.body.includes(`${n.username}：`), n.username);
      }
      assert.match(after.body, /县住房和城乡建设局 → 县水利局，理由：河道管护属水利局职责/);
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('subject_type', '=', 'message')
        .where('subject_id', '=', String(messageId))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((x) => x.action),
        ['message.submit', 'message.transfer', 'message.accept', 'message.reply'],
      );
    });

    it('the citizen reads the reply and rates it; the handler publishes; the Q&A shows the name masked', async () => {
      const c = h.client();
      const wrong = await c.post(
        '/hd/messages/status',
        { messageNo: mine.no, queryCode: 'AAAAAAAAAA' },
        { from: '/hd/messages/status' },
      );
      assert.equal(wrong.statusCode, 404);
      assert.match(wrong.body, /留言编号或查询码不正确/);
      const st = await c.post(
        '/hd/messages/status',
        { messageNo: mine.no, queryCode: mine.code },
        { from: '/hd/messages/status' },
      );
      assert.equal(st.statusCode, 200);
      assert.match(st.body, /河道清理由县水利局负责/);
      assert.match(st.body, /仅向您答复的内容（不公开）/);
      assert.match(st.body, /您反映的具体位置已转村委会跟进/);
      assert.match(st.body, /转至县水利局（河道管护属水利局职责）/);
      const noReason = await c.post(
        '/hd/messages/rate',
        { messageNo: mine.no, queryCode: mine.code, rating: 'unsatisfied' },
        { from: '/hd/messages/status' },
      );
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /选择“不满意”时请填写理由/);
      const rated = await c.post(
        '/hd/messages/rate',
        { messageNo: mine.no, queryCode: mine.code, rating: 'satisfied' },
        { from: '/hd/messages/status' },
      );
      assert.equal(rated.statusCode, 200);
      assert.match(rated.body, /您的评价：满意/);

      const b = h.client();
      await b.login(hWater.username);
      assert.equal(
        (await b.post(`/console/messages/${messageId}/publish`, {}, { from: `/console/messages/${messageId}` }))
          .statusCode,
        303,
      );

      const qa = await h.client().get(`/hd/qa?q=${encodeURIComponent('河道')}`);
      assert.equal(qa.statusCode, 200);
      assert.match(qa.body, /留言人：张\*\*/);
      assert.match(qa.body, /<mark>河道<\/mark>清理由县水利局负责/);
      assert.doesNotMatch(qa.body, /张三丰|13812345678|村委会跟进/);
      assert.match((await h.client().get(`/hd/qa?q=${encodeURIComponent('高速公路')}`)).body, /没有找到/);
      // 繁体 and full-width queries are folded; matches are highlighted in the question and the answer.
      const hant = await h.client().get(`/hd/qa?q=${encodeURIComponent('負責')}`);
      assert.match(hant.body, /data-testid="qa-item"/);
      assert.match(hant.body, /河道清理由县水利局<mark>负责<\/mark>/);
      assert.match(
        (await h.client().get(`/hd/qa?q=${encodeURIComponent('河道')}`)).body,
        new RegExp(`<h2><a href="/hd/qa/${mine.no}"><mark>河道</mark>清理归哪个部门管</a></h2>`),
      );

      // The Q&A is in the site search too, opening its own page; withdrawn, it leaves both.
      const found = (await h.client().get(`/search?q=${encodeURIComponent('河道清理')}`)).body;
      assert.match(found, new RegExp(`<a href="/hd/qa/${mine.no}">`));
      assert.doesNotMatch(found, /张三丰|13812345678/);
      assert.match((await h.client().get('/sitemap.xml')).body, new RegExp(`/hd/qa/${mine.no}</loc>`));
      const own = await h.client().get(`/hd/qa/${mine.no}`);
      assert.equal(own.statusCode, 200);
      assert.match(own.body, /留言人：张\*\*/);
      assert.match(own.body, /河道清理由县水利局负责/);
      assert.doesNotMatch(own.body, /张三丰|13812345678|村委会跟进/);
      assert.equal(
        (await b.post(`/console/messages/${messageId}/unpublish`, {}, { from: `/console/messages/${messageId}` }))
          .statusCode,
        303,
      );
      assert.doesNotMatch(
        (await h.client().get(`/search?q=${encodeURIComponent('河道清理')}`)).body,
        new RegExp(`/hd/qa/${mine.no}`),
      );
      assert.equal((await h.client().get(`/hd/qa/${mine.no}`)).statusCode, 404);
      assert.equal(
        (await b.post(`/console/messages/${messageId}/publish`, {}, { from: `/console/messages/${messageId}` }))
          .statusCode,
        303,
      );

      const api = await h.client().get('/api/v1/public/qa?q=%E6%B2%B3%E9%81%93');
      assert.equal(api.statusCode, 200);
      const j = api.json() as { total: number; data: Array<{ askerMasked: string; subject: string }> };
      assert.equal(j.total, 1);
      assert.equal(j.data[0]?.askerMasked, '张**');
    });

    it('figures and the staff API are scoped and masked', async () => {
      const sup = h.client();
      await sup.login(supervisor.username);
      const list = await sup.get('/console/messages?queue=all&from=2025-09-01&to=2025-09-30');
      assert.match(list.body, /data-testid="figures"/);
      assert.match(list.body, /100%/);
      // Search by words of the subject or content and by type; the CSV export of what is shown masks the person.
      assert.match(
        (await sup.get(`/console/messages?queue=all&q=${encodeURIComponent('河道清理')}`)).body,
        /河道清理归哪个部门管/,
      );
      assert.doesNotMatch(
        (await sup.get(`/console/messages?queue=all&q=${encodeURIComponent('河道清理')}&type=complaint`)).body,
        /河道清理归哪个部门管/,
      );
      assert.doesNotMatch(
        (await sup.get(`/console/messages?queue=all&q=${encodeURIComponent('%')}`)).body,
        /河道清理归哪个部门管/,
      );
      // Sorting: the order is kept in the pagination and export links; an unknown order is ignored.
      const sorted = (await sup.get('/console/messages?queue=all&sort=due')).body;
      assert.match(sorted, /<option value="due" selected>答复期限（近→远）<\/option>/);
      assert.match(sorted, /\/console\/messages\/export\?queue=all&amp;sort=due/);
      assert.equal((await sup.get('/console/messages?queue=all&sort=bogus')).statusCode, 200);
      const csv = await sup.get(`/console/messages/export?queue=all&q=${encodeURIComponent('村口河道')}`);
      assert.equal(csv.statusCode, 200);
      const lines = csv.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines.length, 2);
      assert.match(lines[1]!, /,河道清理归哪个部门管,.*,张\*\*,/);
      assert.doesNotMatch(csv.body, /张三丰|13812345678/);
      // The same list as XLSX (the link is on the page): the same rows, names masked.
      assert.match(sorted, /\/console\/messages\/export\?format=xlsx&amp;queue=all&amp;sort=due/);
      const xlsx = await sup.get(`/console/messages/export?format=xlsx&queue=all&q=${encodeURIComponent('村口河道')}`);
      assert.equal(xlsx.statusCode, 200);
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      assert.equal(sheet.name, '留言列表');
      assert.equal(sheet.rowCount, 2);
      const cells = (sheet.getRow(2).values as unknown[]).map(String);
      assert.ok(cells.includes('河道清理归哪个部门管') && cells.includes('张**'), cells.join('|'));
      assert.ok(!cells.some((c) => /张三丰|13812345678/.test(c)));
      const api = await sup.get('/api/v1/messages');
      assert.equal(api.statusCode, 200);
      const j = api.json() as { data: Array<{ phoneMasked: string | null; nameMasked: string | null }> };
      assert.equal(j.data[0]?.phoneMasked, '138****5678');
      assert.equal(j.data[0]?.nameMasked, '张**');
      assert.equal((await h.client().get('/api/v1/messages')).statusCode, 401);
      const doc = (await h.client().get('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/api/v1/public/qa']);
      assert.ok(doc.paths['/api/v1/messages']);
    });

    it('a message closed (办结) before the citizen rated it can still be rated from the status page', async () => {
      const c = h.client();
      const ok = await c.post(
        '/hd/messages/new',
        {
          orgId: String(housing.id),
          type: 'consult',
          subject: '公租房怎么申请',
          content: '需要准备哪些材料？',
          name: '赵六',
          phone: '13700001111',
        },
        { from: '/hd/messages/new' },
      );
      const r = receipt(ok.body);
      const id = (
        await h.db().selectFrom('messages').select('id').where('message_no', '=', r.no).executeTakeFirstOrThrow()
      ).id;
      const b = h.client();
      await b.login(hHousing.username);
      const from = `/console/messages/${id}`;
      assert.equal((await b.post(`${from}/accept`, {}, { from })).statusCode, 303);
      assert.equal(
        (await b.post(`${from}/reply`, { replyPublic: '请携带身份证和收入证明到住建局窗口办理。' }, { from }))
          .statusCode,
        303,
      );
      assert.equal((await b.post(`${from}/close`, {}, { from })).statusCode, 303);

      const st = await c.post(
        '/hd/messages/status',
        { messageNo: r.no, queryCode: r.code },
        { from: '/hd/messages/status' },
      );
      assert.match(st.body, /已办结/);
      assert.match(st.body, /data-testid="rate-until">本留言已办结，您仍可评价至2025年10月11日。/);
      assert.doesNotMatch(st.body, /申请重新办理/);
      const rated = await c.post(
        '/hd/messages/rate',
        { messageNo: r.no, queryCode: r.code, rating: 'basically', reopen: '1' },
        { from: '/hd/messages/status' },
      );
      assert.equal(rated.statusCode, 200);
      assert.match(rated.body, /您的评价：基本满意/);
      assert.doesNotMatch(rated.body, /请评价本次答复/);
      const again = await c.post(
        '/hd/messages/rate',
        { messageNo: r.no, queryCode: r.code, rating: 'satisfied' },
        { from: '/hd/messages/status' },
      );
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /不能再评价/);
      const m = await h
        .db()
        .selectFrom('messages')
        .select(['state', 'rating'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(m, { state: 'closed', rating: 'basically' });
    });
  },
  { now: () => NOW },
);
