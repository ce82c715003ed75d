import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import {
  DESK_NOW as NOW,
  deskCases,
  handlerOfCase,
  listedNos as listed,
  type DeskCases,
  type DeskUser,
} from '../../../test/helpers/desk-cases.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { createToken } from '../../orgs/api-tokens.js';

describeApp(
  '依申请公开 console: identity proofs, reminders and bulk actions',
  (h) => {
    let office: OrgRow;
    let a: DeskUser;
    let b: DeskUser;
    let head: DeskUser;
    let supervisor: DeskUser;
    let c: DeskCases['c'];
    let login: DeskCases['login'];
    const handlerOf = (id: number) => handlerOfCase(h, id);

    before(async () => {
      ({ office, a, b, head, supervisor, c, login } = await deskCases(h));
    });

    it('identity proofs: added to an existing case on the page and through the API, with the access rules of the case page', async () => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        'base64',
      );
      const url = `/console/requests/${c.late.id}`;
      const proofs = async () =>
        await h
          .db()
          .selectFrom('request_id_proofs')
          .select(['id', 'filename'])
          .where('request_id', '=', c.late.id)
          .orderBy('id')
          .execute();
      const ca = await login(a);
      assert.match((await ca.get(url)).body, /data-testid="add-id-proof"/);
      const bad = await ca.upload(
        `${url}/id-proofs`,
        { field: 'idProof', name: 'note.txt', data: 'not an image' },
        {},
        { from: url },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /field-error/);
      assert.equal((await proofs()).length, 0);
      const ok = await ca.upload(
        `${url}/id-proofs`,
        { field: 'idProof', name: 'id-front.png', data: png },
        {},
        { from: url },
      );
      assert.equal(ok.statusCode, 303);
      const page = (await ca.get(url)).body;
      assert.match(page, /已补充身份证明文件 1 个。/);
      assert.match(page, /id-front\.png/);
      // b is not the case's handler: neither sees nor adds proofs.
      const cb = await login(b);
      assert.doesNotMatch((await cb.get(url)).body, /add-id-proof/);
      const api = async (token: string, method: 'GET' | 'POST', path: string, payload?: object) =>
        h.app().inject({
          method,
          url: `/api/v1/requests/${c.late.id}/id-proofs${path}`,
          headers: { authorization: `Bearer ${token}` },
          payload,
        });
      const ta = (await createToken(h.ctx(a.actor, NOW), { name: '办件系统', roles: ['request_handler'] })).token;
      const tb = (await createToken(h.ctx(b.actor, NOW), { name: '办件系统', roles: ['request_handler'] })).token;
      assert.equal((await api(tb, 'GET', '')).statusCode, 403);
      assert.equal(
        (await api(tb, 'POST', '', { files: [{ filename: 'x.png', contentBase64: png.toString('base64') }] }))
          .statusCode,
        403,
      );
      const added = await api(ta, 'POST', '', {
        files: [{ filename: '身份证反面.png', contentBase64: png.toString('base64') }],
      });
      assert.equal(added.statusCode, 201, added.body);
      const listed = (await api(ta, 'GET', '')).json() as {
        data: Array<{ id: number; filename: string; mime: string }>;
      };
      assert.deepEqual(
        listed.data.map((p) => [p.filename, p.mime]),
        [
          ['id-front.png', 'image/png'],
          ['身份证反面.png', 'image/png'],
        ],
      );
      const file = await api(ta, 'GET', `/${listed.data[1]!.id}`);
      assert.equal(file.statusCode, 200);
      assert.deepEqual(file.rawPayload, png);
      const junk = await api(ta, 'POST', '', {
        files: [{ filename: 'a.png', contentBase64: Buffer.from('plain text').toString('base64') }],
      });
      assert.equal(junk.statusCode, 400);
      assert.equal((await proofs()).length, 2);
    });

    it('reminder preferences: a handler chooses in-app and/or e-mail, never neither', async () => {
      const ca = await login(a);
      const url = '/console/requests/reminders';
      assert.match((await ca.get(url)).body, /data-testid="reminder-prefs"/);
      const none = await ca.post(url, {}, { from: url });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /请至少选择一种提醒方式/);
      assert.equal((await ca.post(url, { email: '1' }, { from: url })).statusCode, 303);
      assert.match((await ca.get(url)).body, /name="inApp" value="1"\/>/);
      assert.match((await ca.get(url)).body, /name="email" value="1" checked\/>/);
      assert.equal((await (await login(supervisor)).get(url)).statusCode, 403);
    });

    it('bulk assignment: confirmation first, then each case with its own result', async () => {
      const ch = await login(head);
      const from = '/console/requests?queue=all';
      const none = await ch.post('/console/requests/bulk', { action: 'assign', handlerId: String(b.id) }, { from });
      assert.equal(none.statusCode, 303);
      const ids = [c.mine.id, c.soon.id, c.closed.id].map(String);
      const confirm = await ch.post(
        '/console/requests/bulk',
        { action: 'assign', handlerId: String(b.id), ids, back: from },
        { from },
      );
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /将把以下 3 件申请分派给 /);
      assert.equal(await handlerOf(c.mine.id), a.id, 'nothing changes before confirmation');
      const done = await ch.post(
        '/console/requests/bulk',
        { action: 'assign', handlerId: String(b.id), ids, back: from, confirm: '1' },
        { from },
      );
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /成功 2 件，未成功 1 件。/);
      assert.match(done.body, /未成功：申请当前状态为“已答复”，不能分派办理人。/);
      assert.equal(await handlerOf(c.mine.id), b.id);
      assert.equal(await handlerOf(c.soon.id), b.id);
      assert.equal(await handlerOf(c.closed.id), a.id);

      // A handler may not reassign: each case says why.
      const ca = await login(a);
      const denied = await ca.post(
        '/console/requests/bulk',
        { action: 'assign', handlerId: String(a.id), ids: [String(c.mine.id)], back: from, confirm: '1' },
        { from },
      );
      assert.match(denied.body, /成功 0 件，未成功 1 件。/);
      assert.equal(await handlerOf(c.mine.id), b.id);
      // Lead department in bulk.
      const lead = await ch.post(
        '/console/requests/bulk',
        {
          action: 'lead',
          departmentId: String(office.id),
          ids: [String(c.mine.id), String(c.late.id)],
          back: from,
          confirm: '1',
        },
        { from },
      );
      assert.match(lead.body, /成功 2 件，未成功 0 件。/);
      const leads = await h
        .db()
        .selectFrom('request_departments')
        .select('request_id')
        .where('role', '=', 'lead')
        .where('org_id', '=', office.id)
        .execute();
      assert.equal(leads.length, 2);
      assert.deepEqual(listed((await ch.get(`/console/requests?queue=all&department=${office.id}&sort=no_asc`)).body), [
        c.mine.requestNo,
        c.late.requestNo,
      ]);
    });
  },
  { now: () => NOW },
);
