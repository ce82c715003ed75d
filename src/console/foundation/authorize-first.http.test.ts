import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { createItem } from '../../catalog/create-item.js';
import { submitItem } from '../../catalog/submit-item.js';
import { GUIDE_SECTIONS } from '../../guide/guide.rules.js';
import { TEST_NOW } from '../../../test/helpers/clock.js';

/** Issue 16 item 8: authorization comes before validation, so bad input never shows another agency's data. */
describeApp('authorize before validating', (h) => {
  it("invalid posts to another agency's organisation or guide get 403 without its form", async () => {
    const root = await makeOrg(h.db(), { name: '某县人民政府' });
    const fin = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    const edu = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    await h
      .db()
      .updateTable('orgs')
      .set({ address: '教育路 9 号机密地址', phone: '0371-1111222' })
      .where('id', '=', edu.id)
      .execute();
    const finAdmin = await makeUser(h.db(), [['agency_admin', fin]]);
    const c = h.client();
    await c.login(finAdmin.username);
    const org = await c.post(
      `/console/orgs/${edu.id}`,
      { kind: 'agency', name: '', email: 'not-an-email' },
      { from: '/console' },
    );
    assert.equal(org.statusCode, 403);
    assert.doesNotMatch(org.body, /教育局|教育路|0371-1111222/);
    const fields = Object.fromEntries(Object.keys(GUIDE_SECTIONS).map((k) => [k, '']));
    const guide = await c.post(`/console/guide/${edu.id}`, fields, { from: '/console' });
    assert.equal(guide.statusCode, 403);
    assert.doesNotMatch(guide.body, /教育局/);
    // The own agency still gets its form back with the errors.
    const own = await c.post(
      `/console/orgs/${fin.id}`,
      { kind: 'agency', name: '' },
      { from: `/console/orgs/${fin.id}` },
    );
    assert.equal(own.statusCode, 400);
    assert.match(own.body, /某县财政局/);
  });

  it('bulk processing says only “无权处理” for items the user may not see, and for ids that do not exist', async () => {
    const root = await makeOrg(h.db(), { name: '某县人民政府' });
    const fin = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    const edu = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    const editor = await makeUser(h.db(), [['editor', edu]]);
    const { id: draft } = await createItem(h.ctx(editor.actor), {
      orgId: edu.id,
      title: '教育局内部草稿',
      bodyHtml: '<p>正文</p>',
      genre: '通知',
      disclosureMode: '主动公开',
      createdOn: TEST_NOW.slice(0, 10),
    });
    const { id: submitted } = await createItem(h.ctx(editor.actor), {
      orgId: edu.id,
      title: '教育局送审稿',
      bodyHtml: '<p>正文</p>',
      genre: '通知',
      disclosureMode: '主动公开',
      createdOn: TEST_NOW.slice(0, 10),
    });
    await submitItem(h.ctx(editor.actor), submitted);
    const approver = await makeUser(h.db(), [
      ['approver', fin],
      ['secrecy_reviewer', fin],
    ]);
    const c = h.client();
    await c.login(approver.username);
    for (const action of ['approve', 'publish']) {
      const res = await c.post(
        '/console/items/bulk',
        { action, ids: [String(draft), String(submitted), '99999999'] },
        { from: '/console/items/queue' },
      );
      assert.equal(res.statusCode, 303);
      const page = await c.get('/console/items/queue');
      assert.match(
        page.body,
        new RegExp(`已处理 0 条。未处理 3 条：#${draft}：无权处理；#${submitted}：无权处理；#99999999：无权处理`),
      );
      assert.doesNotMatch(page.body, /草稿|保密审查|状态/);
    }
    const rows = await h
      .db()
      .selectFrom('items')
      .select('status')
      .where('id', 'in', [draft, submitted])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.status),
      ['draft', 'secrecy_review'],
    );
  });

  it('registering a message or opening a comment period for another agency, or without the role, is refused before the fields are checked', async () => {
    const root = await makeOrg(h.db(), { name: '某县人民政府' });
    const fin = await makeOrg(h.db(), { parent: root, name: '某县财政局' });
    const edu = await makeOrg(h.db(), { parent: root, name: '某县教育局' });
    const handler = await makeUser(h.db(), [['message_handler', fin]]);
    const editor = await makeUser(h.db(), [['editor', fin]]);
    const c = h.client();
    await c.login(handler.username);
    for (const url of ['/console/messages/new', '/console/consultations/new']) {
      const other = await c.post(url, { orgId: String(edu.id), title: '' }, { from: '/console/account' });
      assert.equal(other.statusCode, 403, url);
      assert.doesNotMatch(other.body, /name="orgId"/);
      // Its own agency still gets the form back with the errors.
      const own = await c.post(url, { orgId: String(fin.id) }, { from: '/console/account' });
      assert.equal(own.statusCode, 400, url);
      assert.match(own.body, /name="orgId"/);
    }
    const e = h.client();
    await e.login(editor.username);
    for (const url of ['/console/messages/new', '/console/consultations/new'])
      assert.equal((await e.post(url, {}, { from: '/console/account' })).statusCode, 403, url);
  });
});
