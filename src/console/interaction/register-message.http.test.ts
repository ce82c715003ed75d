import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';

const NOW = new Date('2025-06-02T02:00:00Z');

/** A handler registers a hotline call: the message form's fields (shared with the portal) plus channel and date. */
describeApp(
  '互动交流: staff register a call or a letter',
  (h) => {
    it('registers a call with the message fields; a refused form keeps what was typed; a bad agency id is a 400', async () => {
      const org = await makeOrg(h.db(), { name: '县民政局' });
      const handler = await makeUser(h.db(), [['message_handler', org]]);
      await makeOrg(h.db(), { name: '县教育局' });
      const c = h.client();
      await c.login(handler.username);
      // Only the agencies this handler may register for are offered (another agency's would end in a 403).
      const offered = [
        ...(await c.get('/console/messages/new')).body.matchAll(/<option value="(\d+)"[^>]*>[\u3000]*([^<]+)</g),
      ].map((m) => m[2]);
      assert.deepEqual(offered, ['县民政局']);
      const form = {
        channel: 'phone',
        receivedOn: '2025-05-30',
        orgId: String(org.id),
        type: 'consult',
        subject: '  低保申请材料  ',
        content: '请问低保申请需要哪些材料？',
        name: '王五',
        phone: '13912345678',
        publishConsent: '1',
      };

      const empty = await c.post('/console/messages/new', { ...form, content: '' }, { from: '/console/messages/new' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /低保申请材料/, 'the typed subject is shown again');
      assert.equal((await h.db().selectFrom('messages').select('id').execute()).length, 0);

      const badOrg = await c.post(
        '/console/messages/new',
        { ...form, orgId: '1e309' },
        { from: '/console/messages/new' },
      );
      assert.equal(badOrg.statusCode, 400);
      assert.match(badOrg.body, /“受理机关”的取值无效，请从列表中选择/);

      const ok = await c.post('/console/messages/new', form, { from: '/console/messages/new' });
      assert.equal(ok.statusCode, 303, ok.body);
      const row = await h.db().selectFrom('messages').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.channel, 'phone');
      assert.equal(row.subject, '低保申请材料', 'trimmed like any form field');
      assert.equal(row.received_on, '2025-05-30');
      assert.equal(row.publish_consent, 1);
      assert.equal(row.handler_id, handler.id);
    });
  },
  { now: () => NOW },
);
