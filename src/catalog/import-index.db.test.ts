// An import batch indexes its items with exactly the rows the one-item path (syncItemIndex) writes.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg } from '../../test/helpers/factories.js';
import type { Db } from '../platform/db/schema.js';
import { importItems } from './import-items.js';
import { syncItemIndex } from './sync-item-index.js';

const header = [
  '索引号',
  '名称',
  '内容概述',
  '正文',
  '发文字号',
  '成文日期',
  '生成日期',
  '发布日期',
  '体裁',
  '目录分类',
  '有效性',
];

async function indexRows(db: Db) {
  const r = await db
    .selectFrom('search_docs as s')
    .innerJoin('search_texts as t', 't.id', 's.id')
    .selectAll('s')
    .select(['t.body', 't.title_tokens', 't.body_tokens', 't.norm_text'])
    .where('s.doc_type', '=', 'catalog_item')
    .orderBy('s.doc_id')
    .execute();
  return r.map(({ id: _id, ...rest }) => rest);
}

describeDb('catalogue import: index rows', (h) => {
  it('the items of an import batch are indexed as syncItemIndex indexes each of them', async () => {
    const org = await makeOrg(h.db(), { name: '示例县统计局' });
    const rows = [header];
    for (let i = 1; i <= 230; i++)
      rows.push([
        `000014351/2023-${String(i).padStart(5, '0')}`,
        `${i % 2 ? '關於預算公開' : '关于统计公报'}的通知（第${i}号）`,
        i % 3 ? `概述${i}` : '',
        `<p>各乡镇：现将第${i}号通知印发给你们。</p><p>GB/T 9704-2012 河长制</p>`,
        i % 4 ? `示统发〔2023〕${i}号` : '',
        '2023-03-01',
        '2023-03-01',
        i % 5 ? '2023-03-05' : '2099-01-01',
        '通知',
        i % 2 ? '政策文件' : '工作动态',
        i % 7 ? '有效' : '失效',
      ]);
    // One instant for both paths (indexed_at).
    const ctx = h.ctx(undefined, new Date('2026-11-16T02:00:00Z'));
    const r = await importItems(ctx, { orgId: org.id, table: rows, dryRun: false });
    assert.equal(r.created, 230);
    const imported = await indexRows(h.db());
    // Released items only (发布日期 2099 not yet reached): 184 of 230, over two batches.
    assert.equal(imported.length, 184);
    const ids = await h.db().selectFrom('items').select('id').where('org_id', '=', org.id).execute();
    for (const { id } of ids) await syncItemIndex(h.db(), ctx, id);
    assert.deepEqual(imported, await indexRows(h.db()));
  });
});
