import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

let clock = new Date('2025-06-02T02:00:00Z');
const setDay = (d: string) => {
  clock = new Date(`${d}T02:00:00Z`);
};

describeApp(
  '互动交流 settings and the 3-month queue over HTTP',
  (h) => {
    let org: OrgRow;
    let strict: OrgRow;
    let sys: { username: string };
    let handler: { username: string };
    before(async () => {
      setDay('2025-06-02');
      const county = await makeOrg(h.db(), { name: '某县人民政府' });
      org = await makeOrg(h.db(), { parent: county, name: '县民政局' });
      strict = await makeOrg(h.db(), { parent: county, name: '县信访局' });
      sys = await makeUser(h.db(), [['sysadmin', county]]);
      handler = await makeUser(h.db(), [['message_handler', org]]);
    });

    const ask = async (subject: string, content = '请问如何办理？') => {
      const c = h.client();
      const r = await c.post(
        '/hd/messages/new',
        { orgId: String(org.id), type: 'consult', subject, content },
        { from: '/hd/messages/new' },
      );
      assert.equal(r.statusCode, 200);
      return /data-testid="message-no">([^<]+)</.exec(r.body)?.[1] ?? '';
    };

    it('only sysadmin edits the settings; bad values re-render; new limits and words apply to new messages', async () => {
      const hc = h.client();
      await hc.login(handler.username);
      assert.equal((await hc.get('/console/messages/settings')).statusCode, 403);

      const c = h.client();
      await c.login(sys.username);
      const page = await c.get('/console/messages/settings');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /value="5"/);
      const form = {
        website: '3',
        phone: '3',
        letter: '7',
        maxExtensionDays: '5',
        sensitiveWords: '传销',
        commentMinDays: '30',
        feedbackDueDays: '20',
      };
      const bad = await c.post(
        '/console/messages/settings',
        { ...form, website: '0' },
        { from: '/console/messages/settings' },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /网站留言答复期限应为 1 至 60 之间的整数/);
      assert.equal(
        (
          await c.post(
            '/console/messages/settings',
            { ...form, nameRequiredOrg: String(strict.id) },
            { from: '/console/messages/settings' },
          )
        ).statusCode,
        303,
      );
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'interaction.settings')
        .execute();
      assert.match(audit[0]?.summary ?? '', /网站3\/电话3\/书面7/);

      // Received 2025-06-02 (端午 holiday, a Monday): 6/3, 6/4, 6/5 → 2025-06-05.
      const no = await ask('低保申请', '有人搞传销');
      const m = await h
        .db()
        .selectFrom('messages')
        .select(['due_on', 'held_for_moderation'])
        .where('message_no', '=', no)
        .executeTakeFirstOrThrow();
      assert.equal(m.due_on, '2025-06-05');
      assert.equal(m.held_for_moderation, 1);

      // This agency requires a name even for a consultation; the others do not.
      const anon = await h
        .client()
        .post(
          '/hd/messages/new',
          { orgId: String(strict.id), type: 'consult', subject: '问', content: '请问' },
          { from: '/hd/messages/new' },
        );
      assert.equal(anon.statusCode, 400);
      assert.match(anon.body, /咨询留言须填写姓名/);
      assert.match((await c.get('/console/messages/settings')).body, new RegExp(`value="${strict.id}" checked`));
    });

    it('a message unanswered for more than three months shows in the queue and in the figures', async () => {
      setDay('2025-09-03');
      const c = h.client();
      await c.login(handler.username);
      const q = await c.get('/console/messages?queue=stale');
      assert.equal(q.statusCode, 200);
      assert.match(q.body, /低保申请/);
      const f = await c.get('/console/messages?queue=all&from=2025-06-01&to=2025-09-03');
      assert.match(f.body, /1（单项否决）/);
    });
  },
  { now: () => clock },
);
