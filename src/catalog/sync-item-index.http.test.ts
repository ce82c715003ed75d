import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { createItem } from './create-item.js';
import { submitItem } from './submit-item.js';
import { reviewItem } from './review-item.js';
import { publishItem } from './publish-item.js';
import { correctItem } from './correct-item.js';
import { withdrawItem } from './withdraw-item.js';

describeApp('search follows publication, correction and withdrawal at once', (h) => {
  it('a published item is found by a 2-character word; a correction is found by its new words; a withdrawn item is gone', async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    const org = await makeOrg(h.db(), { parent: county, name: '某县水利局' });
    const editor = await makeUser(h.db(), [['editor', org]]);
    const reviewer = await makeUser(h.db(), [['secrecy_reviewer', org]]);
    const approver = await makeUser(h.db(), [['approver', org]]);
    const { id } = await createItem(h.ctx(editor.actor), {
      orgId: org.id,
      title: '关于做好汛期河道防汛巡查工作的通知',
      bodyHtml: '<p>各乡镇：请做好河道巡查，落实防汛责任。</p>',
      genre: '通知',
      disclosureMode: '主动公开',
      writtenOn: '2026-06-01',
      createdOn: '2026-06-01',
    });
    const search = async (q: string) => (await h.client().get(`/api/v1/public/search?q=${encodeURIComponent(q)}`)).json() as { total: number };
    assert.equal((await search('防汛')).total, 0, 'a draft is not searchable');
    await submitItem(h.ctx(editor.actor), id);
    await reviewItem(h.ctx(reviewer.actor), { id, decision: 'approve' });
    await publishItem(h.ctx(approver.actor), { id });
    assert.equal((await search('防汛')).total, 1);
    await correctItem(h.ctx(approver.actor), { id, title: '关于做好汛期河道安全巡查工作的通知', revisionNote: '标题有误' });
    assert.equal((await search('安全巡查')).total, 1);
    await withdrawItem(h.ctx(approver.actor), { id, reason: '内容需重新审核' });
    assert.equal((await search('防汛')).total, 0);
    assert.equal((await h.client().get(`/gk/items/${id}`)).statusCode, 404);
  });
});
