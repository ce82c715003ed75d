import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { deliverOutbox, notify, queueMail } from '../../platform/mail/mail.js';

describeApp('outbox and console notices', (h) => {
  it('mail without SMTP stays in the outbox as unsent and is shown to administrators of the org', async () => {
    const root = await makeOrg(h.db());
    const other = await makeOrg(h.db());
    const admin = await makeUser(h.db(), [['agency_admin', root]]);
    await queueMail(h.db(), h.ctx(), { to: 'a@example.gov.cn', subject: '到期提醒：YSQ-1', body: '…', orgId: root.id });
    await queueMail(h.db(), h.ctx(), { to: 'b@example.gov.cn', subject: '别的单位的邮件', body: '…', orgId: other.id });
    assert.match(await deliverOutbox(h.ctx()), /未配置 SMTP/);
    const c = h.client();
    await c.login(admin.username);
    const page = await c.get('/console/outbox');
    assert.match(page.body, /到期提醒：YSQ-1/);
    assert.match(page.body, /未发送（未配置 SMTP）/);
    assert.doesNotMatch(page.body, /别的单位的邮件/);
  });

  it('console notices: the home page counts unread ones; they can be marked read', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['editor', root]]);
    await notify(h.db(), h.ctx(), {
      userId: u.id,
      kind: 'reminder',
      title: '有 2 件申请 3 个工作日内到期',
      body: '请及时办理。',
      link: '/console',
    });
    const c = h.client();
    await c.login(u.username);
    assert.match((await c.get('/console')).body, /您有 1 条未读提醒/);
    assert.match((await c.get('/console/notices')).body, /有 2 件申请 3 个工作日内到期/);
    assert.equal((await c.post('/console/notices/read', {}, { from: '/console/notices' })).statusCode, 303);
    assert.doesNotMatch((await c.get('/console')).body, /未读提醒/);
    assert.equal((await c.get('/console/outbox')).statusCode, 403);
  });
});
