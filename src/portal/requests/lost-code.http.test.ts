import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';

const ID17 = '11010519491231002';
const ID = ID17 + residentIdCheckChar(ID17);

describeApp('找回查询码: a new code to the address given in the application', (h) => {
  it('sends a new 查询码 only to the matching address, says the same thing either way, and audits it', async () => {
    const org = await makeOrg(h.db(), { name: '县自然资源局' });
    const c = h.client();
    const form = {
      orgId: String(org.id),
      applicantType: 'citizen',
      name: '李四',
      idType: 'resident_id',
      idNumber: ID,
      phone: '13912345678',
      email: 'Li.Si@Example.com',
      infoTitle: '某地块征收批复',
      form: 'electronic',
      delivery: 'pickup',
    };
    const ok = await c.post('/ysqgk', form, { from: '/ysqgk' });
    const no = /data-testid="request-no">([^<]+)</.exec(ok.body)?.[1] ?? '';
    const oldCode = /data-testid="query-code">([^<]+)</.exec(ok.body)?.[1] ?? '';
    // The 回执: number, code, agency, what was asked for, the receipt-date rule and the due-date rule; printable.
    assert.equal(ok.headers['cache-control'], 'no-store');
    assert.match(ok.body, /<h2 id="receipt-h">政府信息公开申请回执<\/h2>/);
    assert.match(ok.body, /<dt>受理机关<\/dt><dd>县自然资源局<\/dd>/);
    assert.match(ok.body, /<span class="asked-part">信息名称：某地块征收批复<\/span>/);
    assert.match(ok.body, /条例第三十一条第三项/);
    assert.match(ok.body, /自收到申请之日起20个工作日内答复/);
    assert.match(ok.body, /<button type="button" data-print="1">打印回执<\/button>/);
    assert.match((await c.get('/ysqgk/status')).body, /<a href="\/ysqgk\/lost-code">忘记查询码？<\/a>/);
    const mails = () =>
      h
        .db()
        .selectFrom('outbox')
        .select(['to_addr', 'subject', 'body'])
        .where('subject', 'like', '%新查询码%')
        .execute();

    const bad = await c.post(
      '/ysqgk/lost-code',
      { requestNo: no, email: 'not-an-address' },
      { from: '/ysqgk/lost-code' },
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请填写申请时留下的电子邮箱/);

    const wrong = await c.post(
      '/ysqgk/lost-code',
      { requestNo: no, email: 'someone@else.com' },
      { from: '/ysqgk/lost-code' },
    );
    assert.equal(wrong.statusCode, 303);
    const said = (await c.get('/ysqgk/status')).body;
    assert.match(said, /如申请编号与邮箱和申请时填写的一致，新的查询码已发送到该邮箱/);
    const unknown = await c.post(
      '/ysqgk/lost-code',
      { requestNo: 'YSQ-2025-999999', email: 'li.si@example.com' },
      { from: '/ysqgk/lost-code' },
    );
    assert.equal(unknown.statusCode, 303);
    assert.equal((await mails()).length, 0);
    assert.equal(
      (await c.post('/ysqgk/status', { requestNo: no, queryCode: oldCode }, { from: '/ysqgk/status' })).statusCode,
      200,
    );

    assert.equal(
      (
        await c.post(
          '/ysqgk/lost-code',
          { requestNo: no.toLowerCase(), email: ' li.si@example.COM ' },
          { from: '/ysqgk/lost-code' },
        )
      ).statusCode,
      303,
    );
    const sent = await mails();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.to_addr, 'Li.Si@Example.com');
    const newCode = /新的查询码：([A-Z2-9]{10})/.exec(sent[0]?.body ?? '')?.[1] ?? '';
    assert.match(newCode, /^[A-Z2-9]{10}$/);
    assert.notEqual(newCode, oldCode);
    assert.ok(sent[0]?.body.includes(`${h.config.publicUrl}/ysqgk/status`));
    assert.equal(
      (await c.post('/ysqgk/status', { requestNo: no, queryCode: oldCode }, { from: '/ysqgk/status' })).statusCode,
      404,
    );
    const st = await c.post('/ysqgk/status', { requestNo: no, queryCode: newCode }, { from: '/ysqgk/status' });
    assert.equal(st.statusCode, 200);
    assert.match(st.body, /某地块征收批复/);
    const audit = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'request.query_code_reset')
      .execute();
    assert.equal(audit.length, 1);
    assert.doesNotMatch(audit[0]?.summary ?? '', /example|@|[A-Z2-9]{10}/i);
  });
});
