import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg } from '../../test/helpers/factories.js';
import { todayInShanghai, addDays } from '../platform/dates.js';
import { createItem } from './create-item.js';
import { submitItem } from './submit-item.js';
import { reviewItem } from './review-item.js';
import { publishItem } from './publish-item.js';
import { catalogSearchSource } from './catalog-search-source.js';
import { testClock } from '../../test/helpers/clock.js';

describeDb('catalogue search source', (h) => {
  it('hands the search index only published 主动公开 items, as plain text', async () => {
    const org = await makeOrg(h.db(), { name: '示例县民政局' });
    const today = todayInShanghai(testClock());
    const mk = async (title: string, publishOn: string | null, mode = '主动公开') => {
      const { id } = await createItem(h.ctx(), {
        orgId: org.id,
        title,
        bodyHtml: `<p>${title}<b>正文</b></p>`,
        genre: '通知',
        disclosureMode: mode,
        nondisclosureGround: 'art16_1',
        createdOn: today,
      });
      if (publishOn === null) return id;
      await submitItem(h.ctx(), id);
      await reviewItem(h.ctx(), { id, decision: 'approve' });
      await publishItem(h.ctx(), { id, publishOn });
      return id;
    };
    const pub = await mk('已公开的通知', today);
    await mk('草稿通知', null);
    await mk('定时发布的通知', addDays(today, 3));
    await mk('依申请公开的信息', today, '依申请公开');
    const docs = [];
    for await (const d of catalogSearchSource.documents(h.db(), today)) docs.push(d);
    assert.deepEqual(
      docs.map((d) => d.docId),
      [pub],
    );
    assert.equal(docs[0]!.body, '已公开的通知正文');
    assert.equal(docs[0]!.url, `/gk/items/${pub}`);
    assert.equal(await catalogSearchSource.count(h.db(), today), 1);
  });
});
