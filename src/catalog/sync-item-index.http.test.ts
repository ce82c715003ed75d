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
import { addAttachment } from './add-attachment.js';
import { readFileSync } from 'node:fs';
import { reindexSearch } from '../search/reindex.js';

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
    const search = async (q: string) =>
      (await h.client().get(`/api/v1/public/search?q=${encodeURIComponent(q)}`)).json() as { total: number };
    assert.equal((await search('防汛')).total, 0, 'a draft is not searchable');
    await submitItem(h.ctx(editor.actor), id);
    await reviewItem(h.ctx(reviewer.actor), { id, decision: 'approve' });
    await publishItem(h.ctx(approver.actor), { id });
    assert.equal((await search('防汛')).total, 1);
    await correctItem(h.ctx(approver.actor), {
      id,
      title: '关于做好汛期河道安全巡查工作的通知',
      revisionNote: '标题有误',
    });
    assert.equal((await search('安全巡查')).total, 1);
    await withdrawItem(h.ctx(approver.actor), { id, reason: '内容需重新审核' });
    assert.equal((await search('防汛')).total, 0);
    assert.equal((await h.client().get(`/gk/items/${id}`)).statusCode, 404);
  });

  it('the text of a PDF attachment is searchable, also after a rebuild of the index', async () => {
    const org = await makeOrg(h.db(), { name: '某县河长办' });
    const editor = await makeUser(h.db(), [['editor', org]]);
    const reviewer = await makeUser(h.db(), [['secrecy_reviewer', org]]);
    const approver = await makeUser(h.db(), [['approver', org]]);
    const { id } = await createItem(h.ctx(editor.actor), {
      orgId: org.id,
      title: '工作通知',
      bodyHtml: '<p>详见附件。</p>',
      genre: '通知',
      disclosureMode: '主动公开',
      writtenOn: '2026-06-01',
      createdOn: '2026-06-01',
    });
    // the PDF's only text: 关于河长制工作的通知 … 湖长制 … 乡村振兴 (its font maps 长 to a radical code point)
    await addAttachment(h.ctx(editor.actor), {
      itemId: id,
      filename: '通知.pdf',
      data: readFileSync(new URL('../search/fixtures/notice.pdf', import.meta.url)),
    });
    await submitItem(h.ctx(editor.actor), id);
    await reviewItem(h.ctx(reviewer.actor), { id, decision: 'approve' });
    await publishItem(h.ctx(approver.actor), { id });
    const search = async (q: string) =>
      (await h.client().get(`/api/v1/public/search?q=${encodeURIComponent(q)}`)).json() as {
        total: number;
        hits: Array<{ url: string }>;
      };
    const found = await search('湖长制');
    assert.deepEqual(
      found.hits.map((x) => x.url),
      [`/gk/items/${id}`],
    );
    await reindexSearch(h.ctx());
    assert.equal((await search('湖长制')).total, 1, 'found after reindex');
    assert.equal((await search('乡村振兴')).total, 1);
  });
});
