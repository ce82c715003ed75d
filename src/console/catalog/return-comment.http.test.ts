import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { createItem } from '../../catalog/create-item.js';
import { submitItem } from '../../catalog/submit-item.js';

/** A returned item: the reviewer's 退回意见 has a length limit and stands at the top of the editor's page. */
describeApp('退回意见', (h) => {
  it('over 1,000 characters is refused at its field; the editor reads the comment beside the status', async () => {
    const org = await makeOrg(h.db(), { name: '县财政局' });
    const editor = await makeUser(h.db(), [['editor', org]]);
    const reviewer = await makeUser(h.db(), [['secrecy_reviewer', org]]);
    const { id } = await createItem(h.ctx(editor.actor), {
      orgId: org.id,
      title: '2026年部门预算',
      bodyHtml: '<p>正文</p>',
      genre: '通知',
      disclosureMode: '主动公开',
      article20Item: null,
      categoryId: null,
      writtenOn: '2026-06-01',
      createdOn: '2026-06-01',
    });
    await submitItem(h.ctx(editor.actor), id);
    const page = `/console/items/${id}`;
    const rc = h.client();
    await rc.login(reviewer.username);
    const long = await rc.post(`${page}/review`, { decision: 'return', comment: '改'.repeat(1001) }, { from: page });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /退回意见不能超过 1000 个字。/);
    const ok = await rc.post(`${page}/review`, { decision: 'return', comment: '请补充发文字号。' }, { from: page });
    assert.equal(ok.statusCode, 303);
    const ec = h.client();
    await ec.login(editor.username);
    assert.match((await ec.get(page)).body, /<dt>退回意见<\/dt><dd data-testid="return-comment">请补充发文字号。（/);
  });
});
