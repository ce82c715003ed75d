import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { TEST_NOW } from '../../test/helpers/clock.js';
import { createItem } from './create-item.js';
import { updateItem } from './update-item.js';
import { submitItem } from './submit-item.js';
import { reviewItem } from './review-item.js';
import { publishItem } from './publish-item.js';
import { getItem } from './catalog.store.js';
import { setSeparationOfDuties } from './set-separation-of-duties.js';

const today = TEST_NOW.slice(0, 10);
const fields = (orgId: number, title: string) => ({
  orgId,
  title,
  bodyHtml: '<p>正文</p>',
  genre: '通知',
  disclosureMode: '主动公开',
  createdOn: today,
  writtenOn: today,
  legalityRequired: true,
});

/** Issue 16 item 9: one person, one review stage of an item; agencies may only be stricter; real names shown. */
describeApp('separation of duties in the review workflow', (h) => {
  it('a person holding three roles performs only one of 保密审查, 合法性审查 and 签发 of an item', async () => {
    const org = await makeOrg(h.db(), { name: '某县司法局' });
    const editor = await makeUser(h.db(), [['editor', org]]);
    const triple = await makeUser(h.db(), [
      ['secrecy_reviewer', org],
      ['legality_reviewer', org],
      ['approver', org],
    ]);
    const legal = await makeUser(h.db(), [['legality_reviewer', org]]);
    const leader = await makeUser(h.db(), [['approver', org]]);
    const { id } = await createItem(h.ctx(editor.actor), fields(org.id, '关于规范性文件的通知'));
    await submitItem(h.ctx(editor.actor), id);
    await reviewItem(h.ctx(triple.actor), { id, decision: 'approve' });
    await assert.rejects(reviewItem(h.ctx(triple.actor), { id, decision: 'approve' }), {
      code: 'item_duties_separated',
      message: /保密审查/,
    });
    await reviewItem(h.ctx(legal.actor), { id, decision: 'approve' });
    await assert.rejects(publishItem(h.ctx(triple.actor), { id }), { code: 'item_duties_separated' });
    assert.equal((await getItem(h.db(), id))!.status, 'approval', 'nothing changed');
    await publishItem(h.ctx(leader.actor), { id });
    const item = (await getItem(h.db(), id))!;
    assert.equal(item.status, 'published');
    const name = async (userId: number) =>
      (await h.db().selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow())
        .display_name;
    assert.equal(item.secrecy_reviewer, await name(triple.id), 'reviewers are recorded by their real names');
    assert.equal(item.legality_reviewer, await name(legal.id));
    assert.equal(item.approver, await name(leader.id));

    // The item page names them too, and offers no button for the refused stage.
    const c = h.client();
    await c.login(editor.username);
    const page = await c.get(`/console/items/${id}`);
    for (const u of [triple, legal, leader]) {
      assert.match(page.body, new RegExp(await name(u.id)));
      assert.doesNotMatch(page.body, new RegExp(`${u.username}：`), 'history shows the real name, not the username');
    }
  });

  it('an agency may make the rule stricter (contributors do not review), never looser; the setting above applies below', async () => {
    const county = await makeOrg(h.db(), { name: '某县人民政府' });
    const org = await makeOrg(h.db(), { parent: county, name: '某县财政局' });
    const editor = await makeUser(h.db(), [['editor', org]]);
    const editingReviewer = await makeUser(h.db(), [
      ['editor', org],
      ['secrecy_reviewer', org],
    ]);
    const countyAdmin = await makeUser(h.db(), [['agency_admin', county]]);
    const orgAdmin = await makeUser(h.db(), [['agency_admin', org]]);
    const { id } = await createItem(h.ctx(editor.actor), { ...fields(org.id, '预算公开'), legalityRequired: false });
    await updateItem(h.ctx(editingReviewer.actor), id, {
      ...fields(org.id, '预算公开（修改）'),
      legalityRequired: false,
    });
    await submitItem(h.ctx(editor.actor), id);
    await assert.rejects(setSeparationOfDuties(h.ctx(editor.actor), { orgId: county.id, strict: true }), {
      kind: 'forbidden',
    });
    await setSeparationOfDuties(h.ctx(countyAdmin.actor), { orgId: county.id, strict: true });
    // The agency below cannot relax what the county requires.
    await setSeparationOfDuties(h.ctx(orgAdmin.actor), { orgId: org.id, strict: false });
    await assert.rejects(reviewItem(h.ctx(editingReviewer.actor), { id, decision: 'approve' }), {
      code: 'item_duties_separated',
      message: /从严/,
    });
    await setSeparationOfDuties(h.ctx(countyAdmin.actor), { orgId: county.id, strict: false });
    await reviewItem(h.ctx(editingReviewer.actor), { id, decision: 'approve' });
    assert.equal((await getItem(h.db(), id))!.status, 'approval');
  });

  it('an agency administrator sets the stricter rule on the console; other roles may not', async () => {
    const org = await makeOrg(h.db(), { name: '某县审计局' });
    const admin = await makeUser(h.db(), [['agency_admin', org]]);
    const editor = await makeUser(h.db(), [['editor', org]]);
    const e = h.client();
    await e.login(editor.username);
    const page = `/console/catalog/categories?orgId=${org.id}`;
    assert.equal(
      (await e.post('/console/catalog/separation', { orgId: String(org.id), level: 'strict' }, { from: page }))
        .statusCode,
      403,
    );
    const a = h.client();
    await a.login(admin.username);
    assert.equal(
      (await a.post('/console/catalog/separation', { orgId: String(org.id), level: 'strict' }, { from: page }))
        .statusCode,
      303,
    );
    assert.match((await a.get(page)).body, /当前：从严/);
  });
});
