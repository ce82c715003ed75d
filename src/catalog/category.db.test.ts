import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { isAppError } from '../platform/errors.js';
import { addCategory } from './add-category.js';
import { renameCategory } from './rename-category.js';
import { deleteCategory } from './delete-category.js';
import { createItem } from './create-item.js';
import { listCategories } from './catalog.store.js';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (isAppError(e) ? e.code : Promise.reject(e)),
  );

describeDb('公开目录 categories', (h) => {
  it('agency admins add, rename and delete categories (not while in use), audited', async () => {
    const org = await makeOrg(h.db(), { name: '示例县水利局' });
    const admin = h.ctx((await makeUser(h.db(), [['agency_admin', org]])).actor);
    const editor = h.ctx((await makeUser(h.db(), [['editor', org]])).actor);
    const id = await addCategory(admin, { orgId: org.id, name: '河湖长制' });
    const cats = await listCategories(h.db(), org.id);
    assert.equal(cats.length, 15, '14 seeded on first use + 1');
    const child = await addCategory(admin, { orgId: org.id, name: '河长公示牌', parentId: id });
    assert.equal(await code(addCategory(admin, { orgId: org.id, name: '政策文件' })), 'category_name_taken');
    assert.equal(await code(addCategory(admin, { orgId: org.id, name: ' ' })), 'category_name_required');
    assert.equal(await code(addCategory(editor, { orgId: org.id, name: '编辑不能加' })), 'forbidden');
    await renameCategory(admin, { id, name: '河湖长制工作' });
    assert.equal(await code(deleteCategory(admin, { id })), 'category_in_use');
    await createItem(editor, {
      orgId: org.id,
      title: '河长名单',
      bodyHtml: '<p>名单</p>',
      genre: '公告',
      disclosureMode: '主动公开',
      createdOn: '2026-11-13',
      categoryId: child,
    });
    assert.equal(await code(deleteCategory(admin, { id: child })), 'category_in_use');
    const empty = await addCategory(admin, { orgId: org.id, name: '临时' });
    await deleteCategory(admin, { id: empty });
    const actions = (
      await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'like', 'catalog.category%')
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);
    assert.deepEqual(actions, [
      'catalog.category_add',
      'catalog.category_add',
      'catalog.category_rename',
      'catalog.category_add',
      'catalog.category_delete',
    ]);
  });
});
