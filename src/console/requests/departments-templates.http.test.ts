import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { registerRequest } from '../../requests/register-request.js';
import { assignRequest } from '../../requests/assign-request.js';
import { REMEDIES } from '../../requests/letter-templates.rules.js';

const ID17 = '11010519491231002';
const ID = ID17 + residentIdCheckChar(ID17);
// The app's clock: 2025-10-09 10:00 Beijing time.
const NOW = new Date('2025-10-09T02:00:00Z');
const form = {
  applicantType: 'citizen',
  name: '王五',
  idType: 'resident_id',
  idNumber: ID,
  phone: '13912345678',
  infoTitle: '某路段拓宽工程批复',
  form: 'electronic',
  delivery: 'pickup',
};
const count = async (
  h: { db(): import('../../platform/db/schema.js').Db },
  table: 'request_departments' | 'request_letter_templates',
) =>
  Number(
    (
      await h
        .db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeApp(
  '依申请公开 console: departments, 征求意见函 and letter templates',
  (h) => {
    let org: OrgRow;
    let office: OrgRow;
    let law: OrgRow;
    let handler: { id: number; username: string; actor: import('../../platform/context.js').Actor };
    let admin: { id: number; username: string; actor: import('../../platform/context.js').Actor };
    let caseId = 0;
    const newCase = async () => {
      const r = await registerRequest(h.ctx(handler.actor, NOW), {
        ...form,
        orgId: org.id,
        channel: 'in_person',
        receivedOn: '2025-09-26',
      });
      await assignRequest(h.ctx(admin.actor, NOW), { requestId: r.id, handlerId: handler.id });
      return r;
    };
    const login = async (u: { username: string }): Promise<Client> => {
      const c = h.client();
      assert.equal((await c.login(u.username)).statusCode, 303);
      return c;
    };

    before(async () => {
      org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县交通运输局' });
      office = await makeOrg(h.db(), { parent: org, kind: 'section', name: '办公室' });
      law = await makeOrg(h.db(), { parent: org, kind: 'section', name: '法规科' });
      handler = await makeUser(h.db(), [['request_handler', org]]);
      admin = await makeUser(h.db(), [['request_admin', org]]);
      caseId = (await newCase()).id;
    });

    it('the handler sets the lead department, adds a co-handling department and records its reply', async () => {
      const c = await login(handler);
      const url = `/console/requests/${caseId}`;
      let page = await c.get(url);
      assert.match(page.body, /data-testid="lead-department">未指定（办理人：/);
      const bad = await c.post(
        `${url}/departments/add`,
        { departmentId: String(office.id), internalDueOn: '2025-11-30' },
        { from: url },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /内部办理期限不能晚于答复期限（2025-10-30）/);
      assert.equal(await count(h, 'request_departments'), 0);
      assert.equal(
        (await c.post(`${url}/departments/lead`, { departmentId: String(office.id) }, { from: url })).statusCode,
        303,
      );
      assert.equal(
        (await c.post(`${url}/departments/add`, { departmentId: String(law.id) }, { from: url })).statusCode,
        303,
      );
      page = await c.get(url);
      assert.match(page.body, /data-testid="lead-department">办公室（办理人：/);
      // Due 2025-10-30; 5 working days before: 2025-10-23.
      assert.match(page.body, /法规科<\/td><td>2025-10-23/);
      assert.match(page.body, /已增加协办科室法规科，内部办理期限 2025-10-23/);
      assert.equal(
        (
          await c.post(
            `${url}/departments/reply`,
            { departmentId: String(law.id), replyText: '可以公开。', replyBy: '赵科长' },
            { from: url },
          )
        ).statusCode,
        303,
      );
      page = await c.get(url);
      assert.match(page.body, /2025-10-09，赵科长：可以公开。/);
      assert.equal((await c.post(`${url}/departments/nope`, {}, { from: url })).statusCode, 404);
      const badDept = await c.post(`${url}/departments/remove`, { departmentId: 'x' }, { from: url });
      assert.equal(badDept.statusCode, 400);
      assert.match(badDept.body, /“科室”的取值无效，请从列表中选择。/);
    });

    it('征求意见函: generated from the case page as printable HTML and DOCX, dates the Chinese way', async () => {
      const c = await login(handler);
      const url = `/console/requests/${caseId}`;
      assert.equal(
        (await c.post(`${url}/consultation`, { party: 'third_party', respondent: '某工程公司' }, { from: url }))
          .statusCode,
        303,
      );
      const page = await c.get(url);
      const n = /\/letters\/(\d+)">政府信息公开征求第三方意见函/.exec(page.body)?.[1];
      assert.ok(n, 'the letter is listed on the case page');
      const html = await c.get(`${url}/letters/${n}`);
      assert.equal(html.statusCode, 200);
      assert.match(html.body, /某工程公司：/);
      // Sent 2025-10-09; the 15th working day is 2025-10-29 (10-11 is a working Saturday).
      assert.match(html.body, /请于2025年10月29日前（自收到本函之日起15个工作日内）/);
      assert.match(html.body, /data-testid="letter-date">2025年10月9日/);
      assert.ok(!html.body.includes('王五'));
      const docx = await c.get(`${url}/letters/${n}.docx`);
      assert.equal(docx.statusCode, 200);
      const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
      assert.match(text, /政府信息公开征求第三方意见函/);
      assert.match(text, /第三十二条/);
      assert.match(text, /2025年10月29日/);
      // Not for the applicant's status page: no letter addressed to the third party there.
    });

    it('request administrators edit, preview and reset the templates; letters use them; the remedies stay', async () => {
      const hc = await login(handler);
      assert.equal((await hc.get('/console/requests/letter-templates')).statusCode, 403);
      const c = await login(admin);
      const list = await c.get('/console/requests/letter-templates');
      assert.equal(list.statusCode, 200);
      assert.match(
        list.body,
        /data-testid="template-4.1"><td>（四）无法提供 · 1.本机关不掌握相关政府信息<\/td><td>政府信息公开申请告知书<\/td><td>默认/,
      );
      const edit = `/console/requests/letter-templates/4.1?org=${org.id}`;
      assert.match((await c.get(edit)).body, /data-testid="remedies"/);
      const unknown = await c.post(
        edit,
        { op: 'save', title: '告知书', body: '{申请人}：{联系人}\n{答复正文}' },
        { from: edit },
      );
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /模板中有未知的占位符：\{联系人\}/);
      assert.equal(await count(h, 'request_letter_templates'), 0);
      const body = '{申请人}申请的信息，经检索，{机关名称}不掌握“{信息名称}”。\n{答复正文}';
      const preview = await c.post(edit, { op: 'preview', title: '信息不存在告知书', body }, { from: edit });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /张三申请的信息，经检索，县交通运输局不掌握“某项目环境影响评价报告”。/);
      assert.ok(preview.body.includes(`<p class="remedies">${REMEDIES}</p>`));
      assert.equal(await count(h, 'request_letter_templates'), 0, 'preview stores nothing');
      assert.equal(
        (await c.post(edit, { op: 'save', title: '信息不存在告知书', body }, { from: edit })).statusCode,
        303,
      );
      assert.match(
        (await c.get('/console/requests/letter-templates')).body,
        /data-testid="template-4.1">.*信息不存在告知书.*已修改/,
      );

      const r = await newCase();
      const url = `/console/requests/${r.id}`;
      assert.equal(
        (await c.post(`${url}/answer`, { outcome: '4.1', letter: '本局未制作该批复。' }, { from: url })).statusCode,
        303,
      );
      const n = /\/letters\/(\d+)">信息不存在告知书/.exec((await c.get(url)).body)?.[1];
      assert.ok(n);
      const text = (await mammoth.extractRawText({ buffer: (await c.get(`${url}/letters/${n}.docx`)).rawPayload }))
        .value;
      assert.match(text, /经检索，县交通运输局不掌握“某路段拓宽工程批复”。/);
      assert.ok(text.includes(REMEDIES));

      const reset = `/console/requests/letter-templates/4.1/reset?org=${org.id}`;
      assert.equal((await c.post(reset, {}, { from: edit })).statusCode, 303);
      assert.match(
        (await c.get('/console/requests/letter-templates')).body,
        /data-testid="template-4.1">.*政府信息公开申请告知书<\/td><td>默认/,
      );
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('subject_type', '=', 'letter_template')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['request.letter_template_save', 'request.letter_template_reset'],
      );
      // The letter already sent keeps its template.
      assert.match((await c.get(url)).body, /信息不存在告知书/);

      const days = await c.post(
        '/console/requests/cohandling-days',
        { orgId: String(org.id), days: '30' },
        { from: '/console/requests/letter-templates' },
      );
      assert.equal(days.statusCode, 400);
      assert.match(days.body, /协办内部期限应为答复期限前 1 至 15 个工作日/);
      assert.match(days.body, /name="days"[^>]*value="30"/, 'the typed number is kept');
      // −5 and 十 get the same message beside the field, not a bare 400 page.
      for (const typed of ['-5', '十']) {
        const bad = await c.post(
          '/console/requests/cohandling-days',
          { orgId: String(org.id), days: typed },
          { from: '/console/requests/letter-templates' },
        );
        assert.equal(bad.statusCode, 400);
        assert.match(bad.body, /协办内部期限应为答复期限前 1 至 15 个工作日/);
        assert.match(bad.body, new RegExp(`name="days"[^>]*value="${typed}"`));
      }
      assert.equal(
        (
          await c.post(
            '/console/requests/cohandling-days',
            { orgId: String(org.id), days: '3' },
            { from: '/console/requests/letter-templates' },
          )
        ).statusCode,
        303,
      );
      assert.match((await c.get('/console/requests/letter-templates')).body, /name="days"[^>]*value="3"/);
    });

    it('发文字号 and 抄送 set on the templates page; the letter shows them in print layout (HTML and DOCX)', async () => {
      const c = await login(admin);
      const page = '/console/requests/letter-templates';
      assert.match((await c.get(page)).body, /data-testid="letter-settings"/);
      const bad = await c.post(
        '/console/requests/letter-settings',
        { orgId: String(org.id), numberPattern: '县交公开（{year}）第{n}号', cc: '' },
        { from: page },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /顺序号前不加“第”字/);
      assert.match(bad.body, /name="numberPattern"[^>]*value="县交公开（\{year\}）第\{n\}号"/, 'the input is kept');
      const ok = await c.post(
        '/console/requests/letter-settings',
        { orgId: String(org.id), numberPattern: '县交公开〔{year}〕{n}号', cc: '县政府办公室' },
        { from: page },
      );
      assert.equal(ok.statusCode, 303);
      assert.match((await c.get(page)).body, /当前格式示例：县交公开〔2025〕12号/);

      const r = await newCase();
      const url = `/console/requests/${r.id}`;
      assert.equal(
        (await c.post(`${url}/answer`, { outcome: '1', letter: '现予以公开。' }, { from: url })).statusCode,
        303,
      );
      const n = /\/letters\/(\d+)">政府信息公开申请答复书/.exec((await c.get(url)).body)?.[1];
      assert.ok(n);
      const html = await c.get(`${url}/letters/${n}`);
      assert.match(html.body, /<link rel="stylesheet" href="\/static\/css\/letter.css\?v=[0-9a-f]+"/);
      assert.match(html.body, /data-testid="letter-doc-no">县交公开〔2025〕1号</);
      assert.match(html.body, /data-testid="letter-cc">抄送：县政府办公室。</);
      assert.match(
        html.body,
        /<p class="signer">县交通运输局<\/p><p class="date" data-testid="letter-date">2025年10月9日<\/p>/,
      );
      const css = await c.get('/static/css/letter.css');
      assert.equal(css.statusCode, 200);
      assert.match(css.body, /@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
      const text = (await mammoth.extractRawText({ buffer: (await c.get(`${url}/letters/${n}.docx`)).rawPayload }))
        .value;
      assert.match(text, /县交公开〔2025〕1号/);
      assert.match(text, /抄送：县政府办公室。/);
      assert.match(text, new RegExp(`（申请编号：${r.requestNo}）`));
      await c.post(
        '/console/requests/letter-settings',
        { orgId: String(org.id), numberPattern: '', cc: '' },
        { from: page },
      );
    });

    it('the JSON API lists, adds and answers co-handling departments and edits templates', async () => {
      const c = await login(handler);
      const r = await newCase();
      const csrf = await c.csrf(`/console/requests/${r.id}`);
      const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
        h.app().inject({
          method,
          url,
          headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': csrf },
          payload,
        });
      const base = `/api/v1/requests/${r.id}/departments`;
      assert.equal((await call('PUT', `${base}/lead`, { orgId: office.id })).statusCode, 200);
      const bad = await call('POST', base, { orgId: org.id });
      assert.equal(bad.statusCode, 400);
      assert.equal((bad.json() as { errors: Array<{ code: string }> }).errors[0].code, 'department_invalid');
      const added = await call('POST', base, { orgId: law.id, internalDueOn: '2025-10-20' });
      assert.equal(added.statusCode, 201, added.body);
      const replied = await call('POST', `${base}/${law.id}/reply`, { text: '同意公开', by: '钱科员' });
      assert.equal(replied.statusCode, 201, replied.body);
      assert.deepEqual((replied.json() as { data: unknown[] }).data, [
        { orgId: office.id, name: '办公室', role: 'lead', internalDueOn: null, overdue: false, reply: null },
        {
          orgId: law.id,
          name: '法规科',
          role: 'co',
          internalDueOn: '2025-10-20',
          overdue: false,
          reply: { on: '2025-10-09', by: '钱科员', text: '同意公开' },
        },
      ]);
      assert.equal((await call('DELETE', `${base}/${law.id}`)).statusCode, 409);
      assert.equal((await call('GET', `/api/v1/requests/letter-templates/${org.id}`)).statusCode, 403);
      const a = await login(admin);
      const aCsrf = await a.csrf('/console/requests/letter-templates');
      const put = await h.app().inject({
        method: 'PUT',
        url: `/api/v1/requests/letter-templates/${org.id}/5.2`,
        headers: { cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': aCsrf },
        payload: { title: '重复申请告知书', body: '{答复正文}\n{申请时间}' },
      });
      assert.equal(put.statusCode, 400);
      assert.equal((put.json() as { errors: Array<{ code: string }> }).errors[0].code, 'template_placeholder_unknown');
    });
  },
  { now: () => NOW },
);
