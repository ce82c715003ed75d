import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { systemActor } from '../platform/context.js';
import { verifyAuditLog } from '../platform/audit/audit.js';
import { createSession, resolveSession, deleteUserSessions } from '../platform/auth/sessions.js';
import { pendingMigrations } from '../platform/db/migrate.js';
import { createOrg } from './create-org.js';
import { updateOrg } from './update-org.js';
import { createUser } from './create-user.js';
import { grantRole, revokeRole } from './grant-role.js';
import { login } from './login.js';
import { bootstrap } from './bootstrap.js';
import { listOrgs } from './orgs.store.js';
import { grantsOf } from './users.store.js';
import { resetPassword } from './manage-account.js';
import { createToken } from './api-tokens.js';
import { demoUscc } from './seed-demo.js';
import { randomBytes } from 'node:crypto';

const lastAudit = async (db: ReturnType<Parameters<Parameters<typeof describeDb>[1]>[0]['db']>) =>
  db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

describeDb('orgs, users, sessions and the audit chain', (h) => {
  it('migrates an empty database to the latest version', async () => {
    assert.deepEqual(await pendingMigrations(h.db()), []);
    const tables =
      h.dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type='table'`.execute(h.db())
        : await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema='public'`.execute(h.db());
    const names = tables.rows.map((r) => r.name);
    for (const t of ['orgs', 'users', 'role_grants', 'sessions', 'audit_events', 'api_tokens', 'job_runs'])
      assert.ok(names.includes(t), t);
  });

  it('bootstraps a root and an administrator with a one-time password, once', async () => {
    const b = await bootstrap(h.ctx());
    assert.equal(b.created, true);
    if (!b.created) return;
    assert.match(b.oneTimePassword, /^[A-Za-z0-9]{16}$/);
    const u = await h.db().selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
    assert.equal(u.must_change_password, 1);
    assert.equal((await bootstrap(h.ctx())).created, false);
    assert.equal((await lastAudit(h.db())).action, 'system.bootstrap');
  });

  it('builds a tree of any depth with materialised paths and audits each change', async () => {
    const root = await makeOrg(h.db(), { name: '某市人民政府', kind: 'city' });
    const admin = await makeUser(h.db(), [['sysadmin', root]]);
    const county = await createOrg(h.ctx(admin.actor), { parentId: root.id, kind: 'county', name: '某县人民政府' });
    const bureau = await createOrg(h.ctx(admin.actor), {
      parentId: county.id,
      kind: 'agency',
      name: '某县教育局',
      code: demoUscc(7),
    });
    const section = await createOrg(h.ctx(admin.actor), { parentId: bureau.id, kind: 'section', name: '办公室' });
    assert.equal(section.path, `${root.path}${county.id}/${bureau.id}/${section.id}/`);
    assert.equal(section.depth, 3);
    const under = await listOrgs(h.db(), { underPaths: [bureau.path] });
    assert.deepEqual(
      under.map((o) => o.name),
      ['某县教育局', '办公室'],
    );
    const ev = await lastAudit(h.db());
    assert.equal(ev.action, 'org.create');
    assert.match(ev.summary, /办公室/);

    await updateOrg(h.ctx(admin.actor), bureau.id, {
      kind: 'agency',
      name: '某县教育体育局',
      code: demoUscc(7),
      phone: '0371-1234567',
    });
    assert.match((await lastAudit(h.db())).summary, /名称、联系电话/);
  });

  it('rejects bad input with field errors and leaves no partial row', async () => {
    const root = await makeOrg(h.db());
    const admin = await makeUser(h.db(), [['agency_admin', root]]);
    const before = await h
      .db()
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await assert.rejects(
      createOrg(h.ctx(admin.actor), { parentId: root.id, kind: 'agency', name: '', code: 'bad' }),
      (e: { errors: Array<{ field: string }> }) => {
        assert.deepEqual(e.errors.map((x) => x.field).sort(), ['code', 'name']);
        return true;
      },
    );
    await assert.rejects(createOrg(h.ctx(admin.actor), { parentId: 999999, kind: 'agency', name: '无上级' }), {
      code: 'org_not_found',
    });
    const after = await h
      .db()
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  it('an agency admin cannot create orgs outside the subtree', async () => {
    const root = await makeOrg(h.db());
    const a = await makeOrg(h.db(), { parent: root });
    const b = await makeOrg(h.db(), { parent: root });
    const admin = await makeUser(h.db(), [['agency_admin', a]]);
    await assert.rejects(createOrg(h.ctx(admin.actor), { parentId: b.id, kind: 'section', name: '越权' }), {
      code: 'forbidden',
    });
  });

  it('creates users with scoped grants; agency admins cannot grant system roles', async () => {
    const root = await makeOrg(h.db());
    const a = await makeOrg(h.db(), { parent: root });
    const admin = await makeUser(h.db(), [['agency_admin', a]]);
    const { user, oneTimePassword } = await createUser(h.ctx(admin.actor), {
      username: `ed${randomBytes(3).toString('hex')}`,
      displayName: '张三',
      grants: [{ role: 'editor', orgId: a.id }],
    });
    assert.equal(user.must_change_password, 1);
    assert.ok(oneTimePassword.length >= 12);
    await assert.rejects(grantRole(h.ctx(admin.actor), { userId: user.id, role: 'supervisor', orgId: a.id }), {
      code: 'role_not_grantable',
    });
    await assert.rejects(grantRole(h.ctx(admin.actor), { userId: user.id, role: 'nope', orgId: a.id }), {
      code: 'role_unknown',
    });
    await grantRole(h.ctx(admin.actor), { userId: user.id, role: 'approver', orgId: a.id });
    const grants = await grantsOf(h.db(), user.id);
    assert.deepEqual(grants.map((g) => g.role).sort(), ['approver', 'editor']);
    await revokeRole(h.ctx(admin.actor), grants.find((g) => g.role === 'approver')!.id);
    assert.equal((await lastAudit(h.db())).action, 'role.revoke');
  });

  it("a role grant needs the right to manage the target user: another agency's admin cannot take over a user", async () => {
    const root = await makeOrg(h.db());
    const fin = await makeOrg(h.db(), { parent: root, name: '财政局' });
    const edu = await makeOrg(h.db(), { parent: root, name: '教育局' });
    const finAdmin = await makeUser(h.db(), [['agency_admin', fin]]);
    const eduAdmin = await makeUser(h.db(), [['agency_admin', edu]]);
    const eduEditor = await makeUser(h.db(), [['editor', edu]]);
    await assert.rejects(grantRole(h.ctx(finAdmin.actor), { userId: eduEditor.id, role: 'editor', orgId: fin.id }), {
      code: 'user_not_manageable',
    });
    assert.deepEqual(
      (await grantsOf(h.db(), eduEditor.id)).map((g) => g.orgId),
      [edu.id],
      'nothing granted',
    );
    await resetPassword(h.ctx(eduAdmin.actor), eduEditor.id);
    await grantRole(h.ctx(eduAdmin.actor), { userId: eduEditor.id, role: 'approver', orgId: edu.id });
  });

  it('sessions expire when idle and after the absolute limit; logout everywhere ends them', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['editor', root]]);
    const t0 = new Date('2026-03-02T01:00:00Z');
    const policy = { idleMinutes: 30, absoluteHours: 2 };
    const token = await createSession(h.db(), u.id, t0, policy, { ip: null, userAgent: null });
    assert.deepEqual(await resolveSession(h.db(), token, new Date(t0.getTime() + 20 * 60_000), policy), {
      userId: u.id,
    });
    assert.equal(await resolveSession(h.db(), token, new Date(t0.getTime() + 60 * 60_000), policy), null, 'idle');
    const t2 = await createSession(h.db(), u.id, t0, policy, { ip: null, userAgent: null });
    for (let m = 25; m < 120; m += 25) await resolveSession(h.db(), t2, new Date(t0.getTime() + m * 60_000), policy);
    assert.equal(await resolveSession(h.db(), t2, new Date(t0.getTime() + 121 * 60_000), policy), null, 'absolute');
    const t3 = await createSession(h.db(), u.id, t0, policy, { ip: null, userAgent: null });
    await deleteUserSessions(h.db(), u.id);
    assert.equal(await resolveSession(h.db(), t3, t0, policy), null);
  });

  it('locks logins after repeated failures with one generic message', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['editor', root]]);
    const ctx = h.ctx({ ...systemActor('t'), kind: 'public', ip: '10.9.9.9' });
    for (let i = 0; i < 5; i++)
      await assert.rejects(login(ctx, { username: u.username, password: 'wrong' }), { code: 'login_failed' });
    await assert.rejects(login(ctx, { username: u.username, password: 'Test-Password-2026' }), {
      code: 'login_locked',
    });
    await assert.rejects(login(ctx, { username: 'nobody-here', password: 'x' }), { code: 'login_failed' });
  });

  it('audit verify detects edited, deleted and inserted rows', async () => {
    assert.deepEqual((await verifyAuditLog(h.db(), h.config)).problems, []);
    const rows = await h.db().selectFrom('audit_events').select('seq').orderBy('seq').execute();
    assert.ok(rows.length >= 5);
    const mid = rows[2].seq;
    await h.db().updateTable('audit_events').set({ summary: '篡改' }).where('seq', '=', mid).execute();
    let r = await verifyAuditLog(h.db(), h.config);
    assert.deepEqual(
      r.problems.map((p) => [p.seq, p.problem]),
      [[mid, 'edited']],
    );
    await h.db().deleteFrom('audit_events').where('seq', '=', mid).execute();
    r = await verifyAuditLog(h.db(), h.config);
    assert.ok(r.problems.some((p) => p.problem === 'gap' && p.seq === mid + 1));
    assert.ok(r.problems.some((p) => p.problem === 'broken_link'));
  });

  it('an API token cannot expire in the past (issue 16 item 10)', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['editor', root]]);
    const today = h.ctx(u.actor).now().toISOString().slice(0, 10);
    await assert.rejects(createToken(h.ctx(u.actor), { name: '过期', roles: ['editor'], expiresOn: '2020-01-01' }), {
      code: 'token_expiry_past',
    });
    await assert.rejects(createToken(h.ctx(u.actor), { name: '乱', roles: ['editor'], expiresOn: '2026-02-30' }), {
      code: 'date_invalid',
    });
    assert.ok(
      (
        await createToken(h.ctx(u.actor), {
          name: '明年',
          roles: ['editor'],
          expiresOn: `${Number(today.slice(0, 4)) + 1}-12-31`,
        })
      ).token,
    );
  });
});
