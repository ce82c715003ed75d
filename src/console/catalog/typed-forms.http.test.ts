import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { notify } from '../../platform/mail/mail.js';

/** Issue 21: the catalogue, calendar, guide and mail pages read their input through schemas. */
describeApp('typed console input (catalogue, calendar, guide, mail)', (h) => {
  it('a malformed id, filter or page number gets 400 naming the field in Chinese', async () => {
    const org = await makeOrg(h.db(), { name: '某县财政局' });
    const admin = await makeUser(h.db(), [
      ['agency_admin', org],
      ['editor', org],
    ]);
    const c = h.client();
    await c.login(admin.username);
    const cases: Array<[string, RegExp]> = [
      ['/console/items/abc', /“编号”应为整数/],
      ['/console/items?status=bogus', /“状态”的取值无效/],
      ['/console/items?from=2026-13-40', /“生成日期从”应为真实的日期，写作“年-月-日”，如 2026-12-07。/],
      ['/console/items?page=0', /“页码”不能小于 1/],
      // Digits only: Ajv alone would coerce these to Infinity (past maximum), 1000 and 16.
      ['/console/catalog/categories?orgId=1e309', /“机构”应为整数/],
      ['/console/items?page=1e3', /“页码”应为整数/],
      ['/console/items/0x10', /“编号”应为整数/],
      ['/console/guide/x', /“机构”应为整数/],
      ['/console/outbox?page=x', /“页码”应为整数/],
      ['/console/catalog/table2?year=abc', /“年度”应为整数/],
    ];
    for (const [url, message] of cases) {
      const res = await c.get(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, message, url);
    }
    // Empty filter fields are absent, not errors.
    assert.equal((await c.get('/console/items?status=&genre=&from=&to=&q=&categoryId=')).statusCode, 200);
  });

  it('a form field of the wrong type is refused before the use-case runs', async () => {
    const org = await makeOrg(h.db(), { name: '某县教育局' });
    const editor = await makeUser(h.db(), [['editor', org]]);
    const c = h.client();
    await c.login(editor.username);
    const draft = {
      orgId: String(org.id),
      title: '通知',
      bodyHtml: '<p>正文</p>',
      genre: '通知',
      disclosureMode: '主动公开',
      createdOn: '2026-11-16',
    };
    const from = { from: `/console/items/new?orgId=${org.id}` };
    const res = await c.post('/console/items', { ...draft, article20Item: '第三项' }, from);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /“条例第二十条事项”应为整数/);
    assert.equal((await h.db().selectFrom('items').select('id').execute()).length, 0);
    // A draft saved without its name: one summary of the errors, in the edit form, not one more above it.
    const made = await c.post('/console/items', draft, from);
    const url = String(made.headers.location);
    const edit = await c.post(url, { ...draft, title: '' }, { from: url });
    assert.equal(edit.statusCode, 400);
    assert.equal(edit.body.match(/class="error-summary"/g)?.length, 1, 'one error summary');
    assert.match(edit.body, /请填写名称/);
  });

  it('marking notices read touches only the reader’s own notices', async () => {
    const org = await makeOrg(h.db());
    const a = await makeUser(h.db(), [['editor', org]]);
    const b = await makeUser(h.db(), [['editor', org]]);
    for (const u of [a, b])
      await notify(h.db(), h.ctx(), { userId: u.id, kind: 'reminder', title: '提醒', body: '请办理。' });
    const c = h.client();
    await c.login(a.username);
    assert.equal((await c.post('/console/notices/read', {}, { from: '/console/notices' })).statusCode, 303);
    const unread = await h.db().selectFrom('notifications').select('user_id').where('read_at', 'is', null).execute();
    assert.deepEqual(
      unread.map((n) => n.user_id),
      [b.id],
    );
  });
});
