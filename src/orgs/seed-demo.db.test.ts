import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { systemActor } from '../platform/context.js';
import { bootstrap, DEFAULT_ROOT_NAME } from './bootstrap.js';
import { seedDemoCounty } from './seed-demo.js';

describeDb('init --demo on a new database: 示例县 is the root, no phantom agency above it', (h) => {
  it('turns the untouched root into 示例县', async () => {
    const ctx = h.ctx(systemActor('test'));
    const b = await bootstrap(ctx);
    assert.ok(b.created);
    const d = await seedDemoCounty(ctx, b.rootId);
    assert.equal(d.countyId, b.rootId);
    const roots = await h
      .db()
      .selectFrom('orgs')
      .select(['id', 'name', 'is_demo'])
      .where('parent_id', 'is', null)
      .execute();
    assert.deepEqual(roots, [{ id: b.rootId, name: '示例县人民政府（示例）', is_demo: 1 }]);
    assert.equal(
      (await h.db().selectFrom('orgs').select('id').where('name', '=', DEFAULT_ROOT_NAME).execute()).length,
      0,
    );
    const agencies = await h.db().selectFrom('orgs').select('id').where('parent_id', '=', b.rootId).execute();
    assert.equal(agencies.length, d.agencyIds.length);
    await assert.rejects(seedDemoCounty(ctx, b.rootId), { code: 'demo_exists' });
  });
});

describeDb('init --demo on a database in use: 示例县 goes under the real root', (h) => {
  it('never renames an agency that is in use', async () => {
    const ctx = h.ctx(systemActor('test'));
    const b = await bootstrap(ctx, { rootName: '某市某县人民政府' });
    assert.ok(b.created);
    const d = await seedDemoCounty(ctx, b.rootId);
    assert.notEqual(d.countyId, b.rootId);
    const root = await h
      .db()
      .selectFrom('orgs')
      .select(['name', 'is_demo'])
      .where('id', '=', b.rootId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(root, { name: '某市某县人民政府', is_demo: 0 });
    assert.equal(
      (await h.db().selectFrom('orgs').select('parent_id').where('id', '=', d.countyId).executeTakeFirstOrThrow())
        .parent_id,
      b.rootId,
    );
  });
});
