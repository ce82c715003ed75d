import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { bootstrap } from '../orgs/bootstrap.js';
import { seedDemoCounty } from '../orgs/seed-demo.js';
import { seedDemoInteraction } from './seed-demo-interaction.js';
import { listPublicQa } from './public-qa.js';
import { periodSummaries } from './period-views.js';

describeDb('互动交流 demo data', (h) => {
  test('demo messages, one published Q&A with the name masked, an open comment period', async () => {
    const ctx = h.ctx(undefined, new Date('2025-09-26T02:00:00Z'));
    await bootstrap(ctx, { rootName: '测试市人民政府' });
    const root = await h.db().selectFrom('orgs').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    await seedDemoCounty(ctx, root.id);
    assert.match(await seedDemoInteraction(ctx), /2 条示例留言/);
    const qa = await listPublicQa(h.db(), { q: '居住证', limit: 10, offset: 0 });
    assert.equal(qa.total, 1);
    assert.equal(qa.items[0]?.askerMasked, '张**');
    const periods = await periodSummaries(ctx);
    assert.equal(periods[0]?.phase, 'open');
  });
});
