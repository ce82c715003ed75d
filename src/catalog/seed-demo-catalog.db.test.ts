import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg } from '../../test/helpers/factories.js';
import { seedDemoCounty } from '../orgs/seed-demo.js';
import { actorForUser } from '../orgs/resolve-actor.js';
import { seedDemoCatalog } from './seed-demo-catalog.js';
import { listCategories, listPublicItems } from './catalog.store.js';
import { createItem } from './create-item.js';
import { submitItem } from './submit-item.js';
import { reviewItem } from './review-item.js';
import { publishItem } from './publish-item.js';
import { todayInShanghai } from '../platform/dates.js';
import { testClock } from '../../test/helpers/clock.js';

describeDb('catalog demo data', (h) => {
  it('seeds categories for every demo agency and a year of published items in them; demo staff can publish', async () => {
    const root = await makeOrg(h.db(), { name: '根机构' });
    const demo = await seedDemoCounty(h.ctx(), root.id);
    const msg = await seedDemoCatalog(h.ctx(), { countyId: demo.countyId, seed: 1 });
    const published = Number(/已公开 (\d+) 条/.exec(msg)?.[1]);
    assert.ok(published >= 250, msg);
    for (const id of demo.agencyIds) assert.equal((await listCategories(h.db(), id)).length, 14);
    const today = todayInShanghai(testClock());
    assert.equal((await listPublicItems(h.db(), today, { limit: 10, offset: 0 })).total, published);
    for (const id of demo.agencyIds)
      assert.ok((await listPublicItems(h.db(), today, { orgId: id, limit: 1, offset: 0 })).total >= 15);

    const as = async (username: string) => {
      const u = await h
        .db()
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      return h.ctx((await actorForUser(h.db(), u.id, null))!);
    };
    const gov = demo.agencyIds[0]!;
    const { id } = await createItem(await as('demo.gov.editor'), {
      orgId: gov,
      title: '示例县人民政府办公室关于示例事项的公告',
      bodyHtml: '<p>公告正文</p>',
      genre: '公告',
      disclosureMode: '主动公开',
      createdOn: today,
    });
    await submitItem(await as('demo.gov.editor'), id);
    await reviewItem(await as('demo.gov.secrecy'), { id, decision: 'approve' });
    const before = (await listPublicItems(h.db(), today, { orgId: gov, limit: 10, offset: 0 })).total;
    assert.equal(await publishItem(await as('demo.gov.approver'), { id }), 'published');
    assert.equal((await listPublicItems(h.db(), today, { orgId: gov, limit: 10, offset: 0 })).total, before + 1);
  });
});
