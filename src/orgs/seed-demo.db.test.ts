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
    // The county's 政务公开办 staff hold their roles on the county (its subtree): they work for the
    // agencies without staff of their own, as the demo seeders act with them.
    const county = await h
      .db()
      .selectFrom('role_grants')
      .innerJoin('users', 'users.id', 'role_grants.user_id')
      .select(['users.username', 'role_grants.role'])
      .where('role_grants.org_id', '=', b.rootId)
      .where('users.username', 'like', 'demo.county.%')
      .orderBy('users.username')
      .orderBy('role_grants.role')
      .execute();
    assert.deepEqual(
      county.map((g) => `${g.username}:${g.role}`),
      [
        'demo.county.approver:approver',
        'demo.county.editor:editor',
        'demo.county.handler:request_handler',
        'demo.county.head:request_admin',
        'demo.county.head:request_handler',
        'demo.county.legal:legality_reviewer',
        'demo.county.message:message_handler',
        'demo.county.secrecy:secrecy_reviewer',
      ],
    );
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
