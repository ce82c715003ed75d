import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { citizenForm } from '../../../test/helpers/request-form.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

const NOW = new Date('2025-09-26T02:00:00Z');

/** The form's one-time key, as the page renders it. */
async function formToken(c: Client, url: string): Promise<string> {
  const m = /name="formToken" value="([0-9a-f-]{36})"/.exec((await c.get(url)).body);
  assert.ok(m, `a form key on ${url}`);
  return m[1]!;
}

/** A form sent twice (the receipt page refreshed, a double click) is one application, not two. */
describeApp(
  'an application form sent twice',
  (h) => {
    let org: OrgRow;
    before(async () => {
      org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县财政局' });
    });
    const count = async () => (await h.db().selectFrom('requests').select('id').execute()).length;

    it('online: the second post says it was already submitted, with its number; a new page makes a new application', async () => {
      const c = h.client();
      const body = { ...citizenForm, orgId: String(org.id), confirmed: '1', formToken: await formToken(c, '/ysqgk') };
      const first = await c.post('/ysqgk', body);
      assert.equal(first.statusCode, 200);
      const no = /data-testid="request-no">([^<]+)</.exec(first.body)?.[1] ?? /YSQ-\d{4}-\d+/.exec(first.body)?.[0];
      assert.ok(no);
      const again = await c.post('/ysqgk', body);
      assert.equal(again.statusCode, 409);
      assert.match(again.body, new RegExp(`该申请已经提交，申请编号 ${no}。重复提交的表单没有再次登记。`));
      assert.match(again.body, /href="\/ysqgk\/lost-code"/);
      assert.equal(await count(), 1);
      const other = await c.post('/ysqgk', { ...body, formToken: await formToken(c, '/ysqgk') });
      assert.equal(other.statusCode, 200);
      assert.equal(await count(), 2);
    });

    it('staff registration: the second post opens the case already registered, nothing added', async () => {
      const handler = await makeUser(h.db(), [['request_handler', org]]);
      const c = h.client();
      await c.login(handler.username);
      const body = {
        ...citizenForm,
        orgId: String(org.id),
        channel: 'in_person',
        receivedOn: '2025-09-25',
        formToken: await formToken(c, '/console/requests/new'),
      };
      const before = await count();
      const first = await c.post('/console/requests/new', body, { from: '/console/requests/new' });
      assert.equal(first.statusCode, 200, first.body.slice(0, 300));
      const no = /data-testid="request-no">([^<]+)</.exec(first.body)?.[1];
      const again = await c.post('/console/requests/new', body, { from: '/console/requests/new' });
      assert.equal(again.statusCode, 303);
      const row = await h
        .db()
        .selectFrom('requests')
        .select('id')
        .where('request_no', '=', no!)
        .executeTakeFirstOrThrow();
      assert.equal(again.headers.location, `/console/requests/${row.id}`);
      const page = await c.get(String(again.headers.location));
      assert.match(page.body, new RegExp(`该申请已经提交，申请编号 ${no}`));
      assert.equal(await count(), before + 1);
    });
  },
  { now: () => NOW },
);
