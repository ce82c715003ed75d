import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { clockAt } from '../../../test/helpers/clock.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { seedOfficialCalendar } from '../../calendar/save-calendar-years.js';

const ID17 = '11010519491231002';
const ID = ID17 + residentIdCheckChar(ID17);

// A made-up 2027 notice (the real one is not published): 元旦 1–4 January, no make-up day, which moves
// every 20-working-day count running through early January by one day.
const NOTICE_2027 = JSON.stringify({
  year: 2027,
  notice: { title: '国务院办公厅关于2027年部分节假日安排的通知（测试）', issuedOn: '2026-12-29' },
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-04' },
    { name: '春节', from: '2027-02-05', to: '2027-02-13', workdays: ['2027-02-14'] },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07', workdays: ['2027-10-09'] },
  ],
});

const receipt = (body: string) => ({
  no: /data-testid="request-no">([^<]+)</.exec(body)?.[1] ?? '',
  code: /data-testid="query-code">([^<]+)</.exec(body)?.[1] ?? '',
});

describeApp(
  'a December request on the provisional 2027 calendar, then the 2027 notice',
  (h) => {
    let org: OrgRow;
    let section: OrgRow;
    let handler: { id: number; username: string };
    let admin: { username: string };
    let app: { no: string; code: string };
    let caseId = 0;
    let message: { no: string; code: string };

    before(async () => {
      await seedOfficialCalendar(h.ctx());
      const county = await makeOrg(h.db());
      org = await makeOrg(h.db(), { parent: county, name: '县住房和城乡建设局' });
      section = await makeOrg(h.db(), { parent: org, name: '办公室', kind: 'section' });
      handler = await makeUser(h.db(), [
        ['request_handler', org],
        ['request_admin', org],
      ]);
      admin = await makeUser(h.db(), [['sysadmin', county]]);
    });

    it('received online on Monday 2026-12-28: the due date 2027-01-26 is marked 暂定 for the applicant and staff', async () => {
      const c = h.client();
      const sent = await c.post(
        '/ysqgk',
        {
          orgId: String(org.id),
          applicantType: 'citizen',
          name: '李四',
          idType: 'resident_id',
          idNumber: ID,
          phone: '13912345678',
          email: 'lisi@example.cn',
          infoTitle: '某小区改造资金安排',
          form: 'electronic',
          delivery: 'pickup',
        },
        { from: '/ysqgk' },
      );
      assert.equal(sent.statusCode, 200);
      app = receipt(sent.body);
      const staff = h.client();
      await staff.login(handler.username);
      const list = await staff.get('/console/requests?queue=unconfirmed');
      caseId = Number(new RegExp(`/console/requests/(\\d+)">${app.no}`).exec(list.body)?.[1]);
      // 第三十一条: a receipt date before the submission is refused.
      const early = await staff.post(
        `/console/requests/${caseId}/confirm`,
        { on: '2026-12-27' },
        { from: `/console/requests/${caseId}` },
      );
      assert.equal(early.statusCode, 400);
      assert.match(early.body, /不能早于申请提交之日（2026-12-28）/);
      assert.equal(
        (await staff.post(`/console/requests/${caseId}/confirm`, {}, { from: `/console/requests/${caseId}` }))
          .statusCode,
        303,
      );
      assert.equal(
        (
          await staff.post(
            `/console/requests/${caseId}/assign`,
            { handlerId: String(handler.id) },
            { from: `/console/requests/${caseId}` },
          )
        ).statusCode,
        303,
      );
      const added = await staff.post(
        `/console/requests/${caseId}/departments/add`,
        { departmentId: String(section.id) },
        { from: `/console/requests/${caseId}` },
      );
      assert.equal(added.statusCode, 303);

      // 12-29..31 (3), 1-1 元旦 (第二条), 1-4..8 (8), 1-11..15 (13), 1-18..22 (18), 1-25 (19), 1-26 (20).
      const detail = await staff.get(`/console/requests/${caseId}`);
      assert.match(detail.body, /data-testid="due">2027-01-26/);
      assert.match(detail.body, /class="badge provisional"[^>]*>\s*暂定/);
      assert.match(detail.body, /2027年节假日安排尚未公布/);
      // Co-handling: 5 working days before the statutory date by default.
      assert.match(detail.body, /2027-01-19/);

      const st = await c.post('/ysqgk/status', { requestNo: app.no, queryCode: app.code }, { from: '/ysqgk/status' });
      assert.match(st.body, /data-testid="due">2027年1月26日（2027-01-26）/);
      assert.match(st.body, />\s*暂定\s*</);
      assert.match(st.body, /按《全国年节及纪念日放假办法》推算，为暂定日期/);
      assert.doesNotMatch(st.body, /管理员/);

      const calc = await h.client().get('/tools/deadline?received=2026-12-28&channel=online');
      assert.match(calc.body, /<strong>2027-01-26<\/strong>/);
      assert.match(calc.body, /暂定/);

      const day = await h.app().inject({ method: 'GET', url: '/api/v1/calendar/days/2027-01-01' });
      assert.deepEqual(JSON.parse(day.body), {
        date: '2027-01-01',
        working: false,
        kind: 'holiday',
        holidayName: '元旦',
        provisional: true,
      });

      // A website message the same day: 5 working days → 2027-01-05, 暂定 on the receipt page.
      const m = await h.client().post(
        '/hd/messages/new',
        {
          orgId: String(org.id),
          type: 'consult',
          subject: '改造资金何时公布',
          content: '请问老旧小区改造资金何时公布？',
          name: '张三',
          phone: '13812345678',
        },
        { from: '/hd/messages/new' },
      );
      assert.equal(m.statusCode, 200);
      assert.match(m.body, /2027-01-05/);
      assert.match(m.body, />\s*暂定\s*</);
      message = { no: /data-testid="message-no">([^<]+)</.exec(m.body)?.[1] ?? '', code: receipt(m.body).code };
    });

    it('the administrator previews and imports the 2027 notice: the due date moves, the record and the applicant say so', async () => {
      const a = h.client();
      await a.login(admin.username);
      const preview = await a.post('/console/calendar/import', { data: NOTICE_2027 }, { from: '/console/calendar' });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /导入预览（尚未保存）/);
      assert.match(preview.body, /2027-01-04：工作日 → 法定节假日（放假）（元旦）/);
      const stillProvisional = await h
        .client()
        .post('/ysqgk/status', { requestNo: app.no, queryCode: app.code }, { from: '/ysqgk/status' });
      assert.match(stillProvisional.body, /2027-01-26/, 'nothing is saved by the preview');
      const data = /name="data" value="([^"]+)"/.exec(preview.body)?.[1]?.replaceAll('&quot;', '"') ?? '';
      const saved = await a.post('/console/calendar/import/confirm', { data }, { from: '/console/calendar' });
      assert.equal(saved.statusCode, 200);
      assert.match(saved.body, /2027 年已保存为第 1 版。未办结事项中有 2 个期限随之调整/);

      const st = await h
        .client()
        .post('/ysqgk/status', { requestNo: app.no, queryCode: app.code }, { from: '/ysqgk/status' });
      assert.match(st.body, /data-testid="due">2027年1月27日（2027-01-27）/);
      assert.doesNotMatch(st.body, />\s*暂定\s*</);
      assert.match(
        st.body,
        /data-testid="due-change">答复期限已于2026年12月28日调整：由 2027年1月26日（2027-01-26） 调整为 2027年1月27日（2027-01-27）。原因：国务院办公厅公布2027年节假日安排。/,
      );
      assert.match(st.body, /答复期限调整：由 2027-01-26 调整为 2027-01-27/);

      const row = await h
        .db()
        .selectFrom('request_departments')
        .select(['internal_due_on'])
        .where('request_id', '=', caseId)
        .where('role', '=', 'co')
        .executeTakeFirstOrThrow();
      assert.equal(row.internal_due_on, '2027-01-20', 'the co-handling date keeps its 5 working days');
      const mail = await h
        .db()
        .selectFrom('outbox')
        .select(['to_addr', 'subject', 'body'])
        .where('subject', 'like', '%答复期限调整%')
        .executeTakeFirstOrThrow();
      assert.equal(mail.to_addr, 'lisi@example.cn');
      assert.match(mail.body, /由 2027-01-26 调整为 2027-01-27/);
      assert.match(mail.body, /http:\/\/[^ ]+\/ysqgk\/status/);
      const day = await h.app().inject({ method: 'GET', url: '/api/v1/calendar/days/2027-01-04' });
      assert.equal(JSON.parse(day.body).provisional, false);

      // The message keeps its 5 working days: 12-29, 12-30, 12-31, 01-05, 01-06.
      const ms = await h
        .client()
        .post(
          '/hd/messages/status',
          { messageNo: message.no, queryCode: message.code },
          { from: '/hd/messages/status' },
        );
      assert.match(ms.body, /2027-01-06/);
      assert.match(ms.body, /答复期限调整：由 2027-01-05 调整为 2027-01-06（国务院办公厅公布2027年节假日安排）/);
      assert.doesNotMatch(ms.body, />\s*暂定\s*</);
    });

    it('the API year summary lists the days off, so it imports back', async () => {
      const y = await h.app().inject({ method: 'GET', url: '/api/v1/calendar/2027' });
      // The API's year summary imports back: offDays is the list of dates.
      assert.deepEqual(JSON.parse(y.body).holidays[0].offDays, [
        '2027-01-01',
        '2027-01-02',
        '2027-01-03',
        '2027-01-04',
      ]);
    });
  },
  { now: clockAt('2026-12-28T02:00:00Z') },
);
