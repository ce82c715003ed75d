import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

const ID17 = '11010519491231002';
const ID = ID17 + residentIdCheckChar(ID17);
// The app's clock: 2025-09-26 10:00 Beijing time.
const NOW = new Date('2025-09-26T02:00:00Z');
const PNG = Buffer.concat([
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
  Buffer.from(randomUUID()),
]);

const form = (orgId: number, over: Record<string, string> = {}) => ({
  orgId: String(orgId),
  applicantType: 'citizen',
  name: '孙七',
  idType: 'resident_id',
  idNumber: ID,
  phone: '13912345678',
  infoTitle: '某小区规划许可证',
  form: 'electronic',
  delivery: 'pickup',
  confirmed: '1',
  ...over,
});
const receipt = (body: string) => ({
  no: /data-testid="request-no">([^<]+)</.exec(body)?.[1] ?? '',
  code: /data-testid="query-code">([^<]+)</.exec(body)?.[1] ?? '',
});

describeApp(
  '依申请公开 intake extras over HTTP',
  (h) => {
    let org: OrgRow;
    let other: OrgRow;
    let handler: { id: number; username: string };
    let colleague: { username: string };
    let admin: { username: string };
    let otherAdmin: { username: string };
    let sys: { username: string };
    const staff = async (u: { username: string }): Promise<Client> => {
      const c = h.client();
      assert.equal((await c.login(u.username)).statusCode, 303);
      return c;
    };
    const idOf = async (no: string) =>
      (await h.db().selectFrom('requests').select('id').where('request_no', '=', no).executeTakeFirstOrThrow()).id;

    before(async () => {
      const county = await makeOrg(h.db());
      org = await makeOrg(h.db(), { parent: county, name: '县住房和城乡建设局' });
      other = await makeOrg(h.db(), { parent: county, name: '县交通运输局' });
      handler = await makeUser(h.db(), [['request_handler', org]]);
      colleague = await makeUser(h.db(), [['request_handler', org]]);
      admin = await makeUser(h.db(), [['request_admin', org]]);
      otherAdmin = await makeUser(h.db(), [['request_admin', other]]);
      sys = await makeUser(h.db(), [['sysadmin', county]]);
    });

    it('portal: the multipart form (no JavaScript needed) takes an identity proof; only the handler and request_admin can download it', async () => {
      const page = await h.client().get('/ysqgk');
      assert.match(page.body, /enctype="multipart\/form-data"/);
      assert.match(page.body, /name="idProof" type="file"/);
      const count = async () =>
        Number(
          (
            await h
              .db()
              .selectFrom('requests')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await count();
      const bad = await h
        .client()
        .upload('/ysqgk', { field: 'idProof', name: 'id.png', data: 'just text', type: 'image/png' }, form(org.id));
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /不是图片或 PDF/);
      assert.match(bad.body, /之前选择的文件不会保留/);
      assert.equal(await count(), n, 'nothing saved');
      // A PNG cut short after its signature (file-type used to throw on it: a 500).
      const cut = await h
        .client()
        .upload(
          '/ysqgk',
          { field: 'idProof', name: 'id.png', data: PNG.subarray(0, 8), type: 'image/png' },
          form(org.id),
        );
      assert.equal(cut.statusCode, 400);
      assert.match(cut.body, /身份证明文件“id\.png”已损坏或不完整，无法打开/);
      assert.equal(await count(), n, 'nothing saved');

      const applicant = h.client();
      const ok = await applicant.upload(
        '/ysqgk',
        { field: 'idProof', name: 'id-front.png', data: PNG, type: 'image/png' },
        form(org.id),
        { from: '/ysqgk' },
      );
      assert.equal(ok.statusCode, 200);
      const mine = receipt(ok.body);
      const id = await idOf(mine.no);
      const proof = await h
        .db()
        .selectFrom('request_id_proofs')
        .select(['id', 'filename', 'mime'])
        .where('request_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([proof.filename, proof.mime], ['id-front.png', 'image/png']);
      const url = `/console/requests/${id}/id-proofs/${proof.id}`;

      // The applicant (查询码 holder) sees no file on the status page and cannot fetch it; nor can an anonymous visitor.
      const st = await applicant.post(
        '/ysqgk/status',
        { requestNo: mine.no, queryCode: mine.code },
        { from: '/ysqgk/status' },
      );
      assert.equal(st.statusCode, 200);
      assert.ok(!st.body.includes('id-front.png') && !st.body.includes('id-proofs'));
      const pub = await applicant.get(url);
      assert.equal(pub.statusCode, 303);
      assert.match(String(pub.headers.location), /^\/console\/login/);
      assert.notDeepEqual(pub.rawPayload, PNG);
      assert.equal((await h.client().get(url)).statusCode, 303);
      assert.equal((await h.client().get(`/api/v1/requests/${id}`)).statusCode, 401);
      // Another agency's request administrator, and a handler of the agency not assigned to the case: 403.
      assert.equal((await (await staff(otherAdmin)).get(url)).statusCode, 403);
      const hc = await staff(handler);
      assert.equal((await hc.get(url)).statusCode, 403);
      const detailMasked = await hc.get(`/console/requests/${id}`);
      assert.ok(!detailMasked.body.includes('id-front.png'));
      // The office head sees and downloads it; once assigned, so does the handler.
      const ac = await staff(admin);
      const detail = await ac.get(`/console/requests/${id}`);
      assert.match(detail.body, /data-testid="id-proofs"[\s\S]*id-front\.png/);
      const dl = await ac.get(url);
      assert.equal(dl.statusCode, 200);
      assert.equal(dl.headers['content-type'], 'image/png');
      assert.equal(dl.headers['cache-control'], 'private, no-store');
      assert.deepEqual(dl.rawPayload, PNG);
      assert.equal(
        (
          await ac.post(
            `/console/requests/${id}/assign`,
            { handlerId: String(handler.id) },
            { from: `/console/requests/${id}` },
          )
        ).statusCode,
        303,
      );
      assert.deepEqual((await hc.get(url)).rawPayload, PNG);
    });

    it('oral request: staff register it with a proof, print the sheet, and the applicant confirms on the portal', async () => {
      const hc = await staff(handler);
      const reg = await hc.upload(
        '/console/requests/new',
        { field: 'idProof', name: 'id.png', data: PNG, type: 'image/png' },
        { ...form(org.id), channel: 'oral', receivedOn: '2025-09-25' },
      );
      assert.equal(reg.statusCode, 200);
      assert.match(reg.body, /data-testid="due">待定/);
      assert.match(reg.body, /data-testid="oral-next"/);
      const r = receipt(reg.body);
      const id = await idOf(r.no);
      const sheet = await hc.get(`/console/requests/${id}/oral-sheet`);
      assert.equal(sheet.statusCode, 200);
      assert.ok(sheet.body.includes(ID), 'the sheet shows what was recorded, for the applicant to check');
      assert.match(sheet.body, /申请人签字/);
      const docx = await hc.get(`/console/requests/${id}/oral-sheet.docx`);
      assert.equal(docx.statusCode, 200);
      assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
      assert.equal((await (await staff(colleague)).get(`/console/requests/${id}/oral-sheet`)).statusCode, 403);
      // The office cannot confirm receipt in the applicant's place.
      const page = await hc.get(`/console/requests/${id}`);
      assert.match(page.body, /data-testid="oral-pending"/);
      assert.ok(!page.body.includes(`/console/requests/${id}/confirm"`));
      const refused = await hc.post(`/console/requests/${id}/confirm`, {}, { from: `/console/requests/${id}` });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /须由申请人确认记录内容/);

      const applicant = h.client();
      const st = await applicant.post(
        '/ysqgk/status',
        { requestNo: r.no, queryCode: r.code },
        { from: '/ysqgk/status' },
      );
      assert.match(st.body, /data-testid="oral-record"/);
      assert.match(st.body, /待您确认口头申请的记录内容/);
      assert.ok(!st.body.includes(ID) && !st.body.includes('13912345678'), 'masked on the public page');
      const noTick = await applicant.post(
        '/ysqgk/oral-confirm',
        { requestNo: r.no, queryCode: r.code },
        { from: '/ysqgk/status' },
      );
      assert.equal(noTick.statusCode, 400);
      const conf = await applicant.post(
        '/ysqgk/oral-confirm',
        { requestNo: r.no, queryCode: r.code, agree: '1' },
        { from: '/ysqgk/status' },
      );
      assert.equal(conf.statusCode, 303);
      const after = await applicant.post(
        '/ysqgk/status',
        { requestNo: r.no, queryCode: r.code },
        { from: '/ysqgk/status' },
      );
      assert.match(after.body, /data-testid="received">2025年9月26日（2025-09-26）/);
      assert.match(after.body, /data-testid="due">2025年10月30日（2025-10-30）/);
      assert.match(after.body, /申请人确认口头申请记录/);
    });

    it('oral request: staff record the signature date on the case page', async () => {
      const hc = await staff(handler);
      const r = receipt(
        (
          await hc.post(
            '/console/requests/new',
            { ...form(org.id), channel: 'oral', receivedOn: '2025-09-24' },
            { from: '/console/requests/new' },
          )
        ).body,
      );
      const id = await idOf(r.no);
      const early = await hc.post(
        `/console/requests/${id}/oral-confirm`,
        { on: '2025-09-23' },
        { from: `/console/requests/${id}` },
      );
      assert.equal(early.statusCode, 400);
      assert.match(early.body, /早于口头提出申请之日 2025-09-24/);
      assert.equal(
        (
          await hc.post(
            `/console/requests/${id}/oral-confirm`,
            { on: '2025-09-25' },
            { from: `/console/requests/${id}` },
          )
        ).statusCode,
        303,
      );
      const row = await h
        .db()
        .selectFrom('requests')
        .select(['state', 'received_on', 'due_on'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      // Signed Thursday 2025-09-25 → 20th working day 2025-10-29.
      assert.deepEqual(row, { state: 'processing', received_on: '2025-09-25', due_on: '2025-10-29' });
    });

    it('第三十五条 on the case page: validation, then the new due date and the one it replaced', async () => {
      const ac = await staff(admin);
      const r = receipt(
        (
          await ac.post(
            '/console/requests/new',
            { ...form(org.id), channel: 'in_person', receivedOn: '2025-09-26' },
            { from: '/console/requests/new' },
          )
        ).body,
      );
      const id = await idOf(r.no);
      const page = await ac.get(`/console/requests/${id}`);
      assert.match(page.body, /action="\/console\/requests\/\d+\/deadline"/);
      assert.ok(
        !(await (await staff(handler)).get(`/console/requests/${id}`)).body.includes('/deadline"'),
        'handlers do not get the form',
      );
      const bad = await ac.post(
        `/console/requests/${id}/deadline`,
        { dueOn: '2025-10-20', reason: '申请数量明显超过合理范围' },
        { from: `/console/requests/${id}` },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /应晚于按第三十三条计算的答复期限 2025-10-30/);
      const ok = await ac.post(
        `/console/requests/${id}/deadline`,
        { dueOn: '2025-11-28', reason: '申请数量明显超过合理范围' },
        { from: `/console/requests/${id}` },
      );
      assert.equal(ok.statusCode, 303);
      const detail = await ac.get(`/console/requests/${id}`);
      assert.match(detail.body, /data-testid="due">2025-11-28/);
      assert.match(
        detail.body,
        /data-testid="deadline-set">2025-09-26 确定答复期限为 2025-11-28，取代按工作日计算的 2025-10-30（理由：申请数量明显超过合理范围）/,
      );
      assert.match(detail.body, /依第三十五条确定合理的延迟答复期限为 2025-11-28/);
      const api = await ac.get(`/api/v1/requests/${id}`);
      assert.equal(JSON.parse(api.body).clock.dueOn, '2025-11-28');
    });

    it('依申请公开设置: system administrators only; preview, save, confirmed erase, clear; identity-proof size limit', async () => {
      assert.equal((await (await staff(admin)).get('/console/requests/settings')).statusCode, 403);
      const c = await staff(sys);
      const page = await c.get('/console/requests/settings');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /当前未设置保存年限/);
      const bad = await c.post(
        '/console/requests/settings/retention',
        { years: '0', do: 'save' },
        { from: '/console/requests/settings' },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /保存年限应为1至100之间的整数/);
      const preview = await c.post(
        '/console/requests/settings/retention',
        { years: '3', do: 'preview' },
        { from: '/console/requests/settings' },
      );
      assert.match(
        preview.body,
        /data-testid="retention-preview">预览：保存年限为 3 年时，今天将删除 2022-09-26 前办结的 0 件申请的申请人个人信息。尚未保存/,
      );
      assert.equal(
        await h
          .db()
          .selectFrom('settings')
          .select('value')
          .where('key', '=', 'requests.retention_years')
          .executeTakeFirst(),
        undefined,
        'preview saves nothing',
      );
      assert.equal(
        (
          await c.post(
            '/console/requests/settings/retention',
            { years: '3', do: 'save' },
            { from: '/console/requests/settings' },
          )
        ).statusCode,
        303,
      );
      assert.match((await c.get('/console/requests/settings')).body, /当前设置：办结后 <strong>3<\/strong> 年/);
      // An old closed case: erasing asks for confirmation first and changes nothing until confirmed.
      const ac = await staff(admin);
      const old = receipt(
        (
          await ac.post(
            '/console/requests/new',
            { ...form(org.id), channel: 'in_person', receivedOn: '2020-03-02' },
            { from: '/console/requests/new' },
          )
        ).body,
      );
      const oldId = await idOf(old.no);
      await ac.post(
        `/console/requests/${oldId}/assign`,
        { handlerId: String(handler.id) },
        { from: `/console/requests/${oldId}` },
      );
      const answered = await ac.post(
        `/console/requests/${oldId}/answer`,
        { on: '2020-03-10', outcome: '4.1', letter: '经检索，本机关未制作、获取该信息。' },
        { from: `/console/requests/${oldId}` },
      );
      assert.equal(answered.statusCode, 303);
      assert.match(
        (await c.get('/console/requests/settings')).body,
        /今天将删除 2022-09-26 前办结的 <strong>1 件申请的申请人个人信息<\/strong>/,
      );
      const ask = await c.post(
        '/console/requests/settings/retention-erase',
        {},
        { from: '/console/requests/settings' },
      );
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /data-testid="erase-confirm"[\s\S]*确定现在删除 2022-09-26 前办结的 <strong>1 件/);
      assert.equal(
        (await h.db().selectFrom('requests').select('id_number').where('id', '=', oldId).executeTakeFirstOrThrow())
          .id_number,
        ID,
      );
      const erased = await c.post(
        '/console/requests/settings/retention-erase',
        { confirm: '1' },
        { from: '/console/requests/settings' },
      );
      assert.equal(erased.statusCode, 303);
      assert.equal(
        (await h.db().selectFrom('requests').select('id_number').where('id', '=', oldId).executeTakeFirstOrThrow())
          .id_number,
        '',
      );
      assert.equal(
        (await c.post('/console/requests/settings/retention-clear', {}, { from: '/console/requests/settings' }))
          .statusCode,
        303,
      );
      assert.match((await c.get('/console/requests/settings')).body, /当前未设置保存年限/);
      const tooBig = await c.post(
        '/console/requests/settings/id-proof',
        { idProofMb: '50' },
        { from: '/console/requests/settings' },
      );
      assert.equal(tooBig.statusCode, 400);
      assert.equal(
        (
          await c.post(
            '/console/requests/settings/id-proof',
            { idProofMb: '2' },
            { from: '/console/requests/settings' },
          )
        ).statusCode,
        303,
      );
      assert.match((await h.client().get('/ysqgk')).body, /每个不超过 2 MB/);
      const actions = (
        await h.db().selectFrom('audit_events').select('action').where('action', 'like', 'request.%').execute()
      ).map((a) => a.action);
      for (const a of [
        'request.retention_set',
        'request.retention_erase',
        'request.retention_clear',
        'request.id_proof_limit_set',
      ])
        assert.ok(actions.includes(a), a);
    });
  },
  { now: () => NOW },
);
