import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { at, citizenForm } from '../../../test/helpers/request-form.js';
import { assignRequest, registerRequest } from '../../requests/index.js';

const NOW = at('2025-10-09');

/** 第三十三条第二款: one extension. Once granted, neither the head nor the handler is offered another. */
describeApp(
  'the extension forms after an extension',
  (h) => {
    let id = 0;
    let head: { username: string };
    let handler: { username: string };
    before(async () => {
      const org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县交通运输局' });
      const a = await makeUser(h.db(), [['request_handler', org]]);
      const b = await makeUser(h.db(), [['request_admin', org]]);
      ({ id } = await registerRequest(h.ctx(a.actor, NOW), {
        ...citizenForm,
        orgId: org.id,
        channel: 'in_person',
        receivedOn: '2025-09-26',
      }));
      await assignRequest(h.ctx(b.actor, NOW), { requestId: id, handlerId: a.id });
      [head, handler] = [b, a];
    });

    it('the head extends once; afterwards the page offers no extension form to either', async () => {
      const page = `/console/requests/${id}`;
      const hc = h.client();
      await hc.login(head.username);
      assert.match((await hc.get(page)).body, new RegExp(`action="${page}/extend"`));
      const hd = h.client();
      await hd.login(handler.username);
      assert.match((await hd.get(page)).body, new RegExp(`action="${page}/extension-request"`));
      const ok = await hc.post(`${page}/extend`, { days: '10', reason: '需要调取档案' }, { from: page });
      assert.equal(ok.statusCode, 303);
      assert.doesNotMatch((await hc.get(page)).body, new RegExp(`action="${page}/extend"`));
      assert.doesNotMatch((await hd.get(page)).body, new RegExp(`action="${page}/extension-request"`));
    });
  },
  { now: () => NOW },
);
