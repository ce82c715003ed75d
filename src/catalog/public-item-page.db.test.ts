import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser, systemCtx } from '../../test/helpers/factories.js';
import { makePublishedItem } from '../../test/helpers/catalog.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { createItem } from './create-item.js';
import { correctItem } from './correct-item.js';
import { setValidity } from './set-validity.js';
import { withdrawItem } from './withdraw-item.js';
import { linkInterpretation } from './link-interpretation.js';
import { getPublicItemPage } from './public-item-page.js';
import { compileWithSlots } from '../platform/db/reusable-query.js';

const NOW = new Date('2026-07-01T02:00:00Z');
const TODAY = '2026-07-01';

describeDb('public item page (one statement)', (h) => {
  let org: OrgRow;
  const ctx = (a: Parameters<typeof h.ctx>[0]) => h.ctx(a, NOW);
  let doc: number, interp: number, draftInterp: number, replacement: number, withdrawnInterp: number;

  before(async () => {
    org = await makeOrg(h.db(), { name: '页面测试局' });
    doc = await makePublishedItem(h.db(), ctx, org, { title: '示例县河道管理办法' });
    interp = await makePublishedItem(h.db(), ctx, org, { title: '一图读懂河道管理办法', genre: '其他' });
    withdrawnInterp = await makePublishedItem(h.db(), ctx, org, { title: '已撤回的解读', genre: '其他' });
    replacement = await makePublishedItem(h.db(), ctx, org, { title: '示例县河道管理办法（2026年修订）' });
    const editor = await makeUser(h.db(), [['editor', org]]);
    draftInterp = (
      await createItem(ctx(editor.actor), {
        orgId: org.id,
        title: '尚未发布的解读',
        bodyHtml: '<p>草稿</p>',
        genre: '其他',
        disclosureMode: '主动公开',
        createdOn: TODAY,
        writtenOn: TODAY,
      })
    ).id;
    const sys = systemCtx(ctx(editor.actor));
    for (const i of [interp, draftInterp, withdrawnInterp])
      await linkInterpretation(sys, { interpretationId: i, documentId: doc });
    const approver = await makeUser(h.db(), [['approver', org]]);
    await withdrawItem(ctx(approver.actor), { id: withdrawnInterp, reason: '内容有误' });
    await correctItem(ctx(approver.actor), {
      id: doc,
      title: '示例县河道管理办法',
      bodyHtml: '<p>更正后的正文。</p>',
      revisionNote: '第三条文字有误',
    });
    await setValidity(ctx(approver.actor), { id: doc, validity: '废止', validityOn: TODAY, replacedById: replacement });
    const now = NOW.toISOString();
    const file = await h
      .db()
      .insertInto('catalog_files')
      .values({ sha256: 'a'.repeat(64), size: 1234, mime: 'application/pdf', kind: 'pdf', text: null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, name] of ['附件2.pdf', '附件1.pdf'].entries())
      await h
        .db()
        .insertInto('item_attachments')
        .values({ item_id: doc, file_id: file.id, filename: name, sort_order: -i, created_at: now })
        .execute();
  });

  it('reads the item with its revision notes, attachments in order, public links only and its replacement', async () => {
    const p = await getPublicItemPage(h.db(), TODAY, doc);
    assert.ok(p);
    assert.equal(p.item.id, doc);
    assert.equal(p.item.org_name, '页面测试局');
    assert.equal(p.item.validity, '废止');
    assert.match(p.item.body_html, /更正后的正文/);
    assert.deepEqual(
      p.versions.map((v) => [v.version, v.revision_note]),
      [[1, '第三条文字有误']],
    );
    assert.deepEqual(
      p.attachments.map((a) => [a.filename, a.size, a.kind]),
      [
        ['附件1.pdf', 1234, 'pdf'],
        ['附件2.pdf', 1234, 'pdf'],
      ],
    );
    assert.deepEqual(p.links, { documents: [], interpretations: [{ id: interp, title: '一图读懂河道管理办法' }] });
    assert.deepEqual(p.replacedBy, { id: replacement, title: '示例县河道管理办法（2026年修订）' });
    assert.deepEqual(p.replaces, []);
  });

  it('the replacement links back to the document it replaces (取代)', async () => {
    const p = await getPublicItemPage(h.db(), TODAY, replacement);
    assert.deepEqual(p?.replaces, [{ id: doc, title: '示例县河道管理办法' }]);
    assert.equal(p?.replacedBy, undefined);
  });

  it('links the other way, and answers nothing for a draft, a withdrawn or an unknown item', async () => {
    const p = await getPublicItemPage(h.db(), TODAY, interp);
    assert.deepEqual(p?.links, { documents: [{ id: doc, title: '示例县河道管理办法' }], interpretations: [] });
    assert.deepEqual([p?.versions, p?.attachments, p?.replacedBy, p?.replaces], [[], [], undefined, []]);
    for (const id of [draftInterp, withdrawnInterp, 987654])
      assert.equal(await getPublicItemPage(h.db(), TODAY, id), undefined);
  });

  it('does not show an item before its 发布日期', async () => {
    assert.equal(await getPublicItemPage(h.db(), '2020-01-01', doc), undefined);
  });

  it('refuses to reuse a query whose argument is not a plain parameter', () => {
    assert.throws(
      () =>
        compileWithSlots<{ id: number }>(h.db(), ['id'], (db, a) =>
          db.selectFrom('items').select('id').where('title', 'like', `%${a.id}%`),
        ),
      /argument id is not a plain parameter/,
    );
  });
});
