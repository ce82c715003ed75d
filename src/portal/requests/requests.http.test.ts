import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { indexDocument } from '../../search/index-document.js';
import mammoth from 'mammoth';

const ID17 = '11010519491231002';
const ID = ID17 + residentIdCheckChar(ID17);
// The app's clock: 2025-09-26 10:00 Beijing time.
const NOW = new Date('2025-09-26T02:00:00Z');

const form = (orgId: number, over: Record<string, string> = {}) => ({
  orgId: String(orgId),
  applicantType: 'citizen',
  name: '李四',
  idType: 'resident_id',
  idNumber: ID,
  phone: '13912345678',
  infoTitle: '某街道拆迁补偿方案',
  form: 'electronic',
  delivery: 'pickup',
  ...over,
});

const receipt = (body: string) => ({
  no: /data-testid="request-no">([^<]+)</.exec(body)?.[1] ?? '',
  code: /data-testid="query-code">([^<]+)</.exec(body)?.[1] ?? '',
});

describeApp(
  '依申请公开 over HTTP',
  (h) => {
    let org: OrgRow;
    let other: OrgRow;
    let handler: { id: number; username: string };
    let editor: { username: string };
    let supervisor: { username: string };
    let mine: { no: string; code: string };
    let theirs: { no: string; code: string };
    const submit = async (c: Client, orgId: number, over: Record<string, string> = {}) =>
      c.post('/ysqgk', form(orgId, over), { from: '/ysqgk' });
    const status = (c: Client, requestNo: string, queryCode: string) =>
      c.post('/ysqgk/status', { requestNo, queryCode }, { from: '/ysqgk/status' });

    before(async () => {
      const county = await makeOrg(h.db());
      org = await makeOrg(h.db(), { parent: county, name: '县住房和城乡建设局' });
      other = await makeOrg(h.db(), { parent: county, name: '县自然资源局' });
      handler = await makeUser(h.db(), [['request_handler', org]]);
      editor = await makeUser(h.db(), [['editor', org]]);
      supervisor = await makeUser(h.db(), [['supervisor', county]]);
    });

    it('the portal form validates, then shows the 申请编号 and 查询码 once', async () => {
      const c = h.client();
      const page = await c.get('/ysqgk');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /政府信息公开申请/);
      const before = await h
        .db()
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const bad = await submit(c, org.id, { idNumber: `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}` });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /居民身份证号码不正确/);
      const after = await h
        .db()
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));

      const ok = await submit(c, org.id);
      assert.equal(ok.statusCode, 200);
      mine = receipt(ok.body);
      assert.match(mine.no, /^YSQ-2025-\d{6}$/);
      assert.match(mine.code, /^[A-Z2-9]{10}$/);
      theirs = receipt((await submit(h.client(), other.id, { infoTitle: '另一件申请的秘密标题', name: '王五' })).body);
      assert.ok(theirs.no && theirs.no !== mine.no);
    });

    it('before submitting, published items that match are shown (这些信息可能已经主动公开)', async () => {
      await indexDocument(h.ctx(), {
        docType: 'catalog_item',
        docId: 'req-test-1',
        orgId: org.id,
        orgName: '县住房和城乡建设局',
        title: '城区供水管网改造工程招标公告',
        body: '供水管网改造工程的招标文件和评标结果。',
        publishedOn: '2025-08-01',
        url: '/gk/items/req-test-1',
      });
      const c = h.client();
      const before = await h
        .db()
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const shown = await submit(c, org.id, { infoTitle: '供水管网改造工程招标' });
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /这些信息可能已经主动公开/);
      assert.match(shown.body, /href="\/gk\/items\/req-test-1"/);
      assert.match(shown.body, /name="confirmed" value="1"/);
      const after = await h
        .db()
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n), 'nothing is submitted yet');
      const sent = await c.post(
        '/ysqgk',
        { ...form(org.id, { infoTitle: '供水管网改造工程招标' }), confirmed: '1' },
        { from: '/ysqgk' },
      );
      assert.match(sent.body, /申请已提交/);
    });

    it('status page: right number and code → state, receipt date, due date and explanation', async () => {
      const c = h.client();
      let res = await status(c, mine.no, mine.code.toLowerCase());
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /待确认收到/);
      assert.match(res.body, /待受理机关确认/);

      // Staff confirm the online submission on 2025-09-26 (第三十一条).
      const staff = h.client();
      assert.equal((await staff.login(handler.username)).statusCode, 303);
      const list = await staff.get('/console/requests?queue=unconfirmed');
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.includes(mine.no));
      assert.ok(!list.body.includes(ID), 'lists never show identity numbers');
      const id = Number(new RegExp(`/console/requests/(\\d+)">${mine.no}`).exec(list.body)?.[1]);
      const conf = await staff.post(`/console/requests/${id}/confirm`, {}, { from: `/console/requests/${id}` });
      assert.equal(conf.statusCode, 303);
      const detail = await staff.get(`/console/requests/${id}`);
      assert.match(detail.body, /data-testid="due">2025-10-30/);
      // Unassigned: even the handler sees masked data until the case is theirs.
      assert.ok(!detail.body.includes(ID));

      res = await status(c, mine.no, mine.code);
      assert.match(res.body, /办理中/);
      assert.match(res.body, /data-testid="received">2025年9月26日（2025-09-26）/);
      assert.match(res.body, /data-testid="due">2025年10月30日（2025-10-30）/);
      assert.match(res.body, /2025-09-26 收到申请（网络提交，双方确认）；第20个工作日为 2025-10-30/);
      assert.ok(!res.body.includes(ID) && !res.body.includes('13912345678'));
    });

    it('status page: a wrong 查询码 and another case’s number get the same generic error and nothing else', async () => {
      const c = h.client();
      const wrong = await status(c, mine.no, 'AAAAAAAAAA');
      assert.equal(wrong.statusCode, 404);
      assert.match(wrong.body, /申请编号或查询码不正确/);
      assert.ok(!wrong.body.includes('县住房和城乡建设局'));
      const crossed = await status(c, theirs.no, mine.code);
      assert.equal(crossed.statusCode, 404);
      assert.match(crossed.body, /申请编号或查询码不正确/);
      assert.ok(!crossed.body.includes('另一件申请的秘密标题') && !crossed.body.includes('县自然资源局'));
      const unknown = await status(c, 'YSQ-2025-999999', mine.code);
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.body.replace(/value="[^"]*"/g, ''), crossed.body.replace(/value="[^"]*"/g, ''));
    });

    it('role rules: an editor gets 403 on pages, actions and the API; a supervisor sees masked data', async () => {
      const ed = h.client();
      await ed.login(editor.username);
      assert.equal((await ed.get('/console/requests')).statusCode, 403);
      assert.equal((await ed.get('/api/v1/requests')).statusCode, 403);
      const row = await h
        .db()
        .selectFrom('requests')
        .select('id')
        .where('request_no', '=', mine.no)
        .executeTakeFirstOrThrow();
      assert.equal((await ed.get(`/console/requests/${row.id}`)).statusCode, 403);
      assert.equal((await ed.get(`/api/v1/requests/${row.id}`)).statusCode, 403);
      const post = await ed.post(
        `/console/requests/${row.id}/answer`,
        { outcome: '1', letter: 'x' },
        { from: '/console/account' },
      );
      assert.equal(post.statusCode, 403);

      const sup = h.client();
      await sup.login(supervisor.username);
      const page = await sup.get(`/console/requests/${row.id}`);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(`${ID.slice(0, 3)}***********${ID.slice(-4)}`));
      assert.ok(!page.body.includes(ID));
      const api = (await sup.get('/api/v1/requests')).json() as {
        data: Array<{ requestNo: string; idNumberMasked: string }>;
      };
      assert.ok(api.data.some((d) => d.requestNo === mine.no && d.idNumberMasked.includes('*')));
      assert.ok(!JSON.stringify(api).includes(ID));
    });

    it('the handler takes the case and sees personal data; the API records an event', async () => {
      const staff = h.client();
      await staff.login(handler.username);
      const row = await h
        .db()
        .selectFrom('requests')
        .select('id')
        .where('request_no', '=', mine.no)
        .executeTakeFirstOrThrow();
      assert.equal(
        (
          await staff.post(
            `/console/requests/${row.id}/assign`,
            { handlerId: String(handler.id) },
            { from: `/console/requests/${row.id}` },
          )
        ).statusCode,
        303,
      );
      const page = await staff.get(`/console/requests/${row.id}`);
      assert.ok(page.body.includes(ID));
      const bad = await staff.post(
        `/console/requests/${row.id}/extend`,
        { days: '10', reason: 'x' },
        { from: `/console/requests/${row.id}` },
      );
      assert.equal(bad.statusCode, 403);
      const ans = await staff.post(
        `/console/requests/${row.id}/answer`,
        { outcome: '2', letter: '部分公开' },
        { from: `/console/requests/${row.id}` },
      );
      assert.equal(ans.statusCode, 400);
      assert.match(ans.body, /不予公开的内容及理由/);
      const csrf = await staff.csrf(`/console/requests/${row.id}`);
      const api = await h.app().inject({
        method: 'POST',
        url: `/api/v1/requests/${row.id}/events`,
        headers: { cookie: [...staff.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': csrf },
        payload: { type: 'answer', outcome: '1', letter: '经查，现予以公开，请于工作日到本机关领取。' },
      });
      assert.equal(api.statusCode, 201, api.body);
      assert.equal((api.json() as { state: string }).state, 'answered');
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('subject_type', '=', 'request')
        .where('subject_id', '=', String(row.id))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['request.submit', 'request.confirm', 'request.assign', 'request.answer'],
      );
      const stats = (await staff.get(`/api/v1/requests/statistics?orgId=${org.id}&year=2025`)).json() as {
        balanced: boolean;
        table: Record<string, number[]>;
      };
      assert.equal(stats.balanced, true);
      assert.deepEqual(stats.table['三.1'], [1, 0, 0, 0, 0, 0, 1]);
    });

    it('the applicant reads the answer and downloads the printable letter', async () => {
      const c = h.client();
      const st = await status(c, mine.no, mine.code);
      assert.match(st.body, /已答复/);
      assert.match(st.body, /政府信息公开申请答复书（可打印）/);
      const letter = await c.post(
        '/ysqgk/letter',
        { requestNo: mine.no, queryCode: mine.code, n: '0' },
        { from: '/ysqgk/status' },
      );
      assert.equal(letter.statusCode, 200);
      assert.match(letter.body, /<h1>政府信息公开申请答复书<\/h1>/);
      assert.match(letter.body, /本机关于2025年9月26日收到您提出的政府信息公开申请（申请编号：YSQ-2025-\d{6}）/);
      assert.match(letter.body, /60日内依法申请行政复议/);
      assert.match(letter.body, /县住房和城乡建设局/);
      const docx = await c.post(
        '/ysqgk/letter',
        { requestNo: mine.no, queryCode: mine.code, n: '0', format: 'docx' },
        { from: '/ysqgk/status' },
      );
      assert.equal(docx.statusCode, 200);
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
      assert.match(text, /政府信息公开申请答复书/);
      assert.match(text, /2025年9月26日收到您提出的政府信息公开申请/);
      assert.match(text, /6个月内依法向人民法院提起行政诉讼/);
      const other = await c.post(
        '/ysqgk/letter',
        { requestNo: theirs.no, queryCode: mine.code, n: '0' },
        { from: '/ysqgk/status' },
      );
      assert.equal(other.statusCode, 404);
      assert.match(other.body, /申请编号或查询码不正确/);
    });

    it('staff register a request received in person: the code is shown once, the due date from the clock', async () => {
      const staff = h.client();
      await staff.login(handler.username);
      const page = await staff.get('/console/requests/new');
      assert.equal(page.statusCode, 200);
      const bad = await staff.post(
        '/console/requests/new',
        {
          ...form(org.id, {
            applicantType: 'organization',
            orgKind: 'business',
            idType: 'uscc',
            idNumber: '91350100M000100Y44',
          }),
          channel: 'in_person',
          receivedOn: '2025-09-26',
        },
        { from: '/console/requests/new' },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /统一社会信用代码不正确/);
      const ok = await staff.post(
        '/console/requests/new',
        {
          ...form(org.id, {
            applicantType: 'organization',
            orgKind: 'business',
            idType: 'uscc',
            idNumber: '91350100M000100Y43',
            name: '某科技有限公司',
          }),
          channel: 'in_person',
          receivedOn: '2025-09-26',
        },
        { from: '/console/requests/new' },
      );
      assert.equal(ok.statusCode, 200);
      assert.match(ok.body, /data-testid="due">2025-10-30</);
      const r = receipt(ok.body);
      assert.match(r.code, /^[A-Z2-9]{10}$/);
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'request.register')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.ok(!audit.summary.includes(r.code) && !audit.summary.includes('91350100M000100Y43'));
    });

    it('the applicant withdraws their own open request', async () => {
      const c = h.client();
      const before = await status(c, theirs.no, theirs.code);
      assert.match(
        before.body,
        /data-testid="asked" class="asked"><span class="asked-part">信息名称：另一件申请的秘密标题</,
      );
      // One click on 撤回申请 (JavaScript off) only asks: nothing is withdrawn yet.
      const ask = await c.post(
        '/ysqgk/withdraw',
        { requestNo: theirs.no, queryCode: theirs.code },
        { from: '/ysqgk/status' },
      );
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /确认撤回申请/);
      assert.match(ask.body, new RegExp(`data-testid="withdraw-no">${theirs.no}<`));
      assert.match(ask.body, /name="confirm" value="1"/);
      assert.doesNotMatch((await status(c, theirs.no, theirs.code)).body, /申请人已撤回/);
      const w = await c.post(
        '/ysqgk/withdraw',
        { requestNo: theirs.no, queryCode: theirs.code, confirm: '1', reason: '已通过其他途径获得' },
        { from: '/ysqgk/status' },
      );
      assert.equal(w.statusCode, 303);
      assert.match((await status(c, theirs.no, theirs.code)).body, /申请人已撤回/);
      const again = await c.post(
        '/ysqgk/withdraw',
        { requestNo: theirs.no, queryCode: theirs.code },
        { from: '/ysqgk/status' },
      );
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /不能撤回/);
    });

    it('guessing 查询码 is rate-limited', async () => {
      const c = h.client();
      let last = 0;
      for (let i = 0; i < 12; i++) last = (await status(c, mine.no, `WRONG${i}`)).statusCode;
      assert.equal(last, 429);
    });
  },
  { now: () => NOW },
);
