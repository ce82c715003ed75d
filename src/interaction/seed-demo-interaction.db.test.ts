import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { bootstrap } from '../orgs/bootstrap.js';
import { seedDemoCounty } from '../orgs/seed-demo.js';
import { seedDemoInteraction } from './seed-demo-interaction.js';
import { listPublicQa } from './public-qa.js';
import { periodSummaries } from './period-views.js';

describeDb('互动交流 demo data', (h) => {
  test('demo messages over the year, published Q&A with the name masked, a closed and an open comment period', async () => {
    const ctx = h.ctx(undefined, new Date('2025-09-26T02:00:00Z'));
    await bootstrap(ctx, { rootName: '测试市人民政府' });
    const root = await h.db().selectFrom('orgs').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    await seedDemoCounty(ctx, root.id);
    const msg = await seedDemoInteraction(ctx, { countyId: root.id, seed: 1 });
    assert.match(msg, /60 条示例留言/);
    const qa = await listPublicQa(h.db(), { q: '', limit: 50, offset: 0 });
    assert.equal(qa.total, Number(/(\d+) 条公开为问答/.exec(msg)?.[1]));
    assert.ok(qa.total >= 3);
    assert.ok(
      qa.items.every((q) => /^.\*\*$/.test(q.askerMasked ?? '')),
      JSON.stringify(qa.items[0]),
    );
    const periods = await periodSummaries(ctx);
    assert.deepEqual(periods.map((p) => p.phase).sort(), ['feedback_published', 'open'].sort());
  });
});
