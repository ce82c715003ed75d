import { it } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../app/build-app.js';
import { describeApp, Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { createToken } from '../../orgs/api-tokens.js';
import { testClock } from '../../../test/helpers/clock.js';

describeApp('foundation over HTTP', (h) => {
  it('serves health, readiness, metrics and the OpenAPI document', async () => {
    const c = h.client();
    assert.equal((await c.get('/healthz')).statusCode, 200);
    assert.deepEqual((await c.get('/readyz')).json(), { status: 'ok', dialect: h.dialect });
    assert.match((await c.get('/metrics')).body, /gongkai_http_requests_total/);
    const doc = (await c.get('/api/v1/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/orgs/{id}']);
    assert.match((await c.get('/api/v1/docs')).body, /开放接口/);
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const res = await h.client().get('/');
    assert.equal(res.statusCode, 200);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  it('every page can be read in traditional characters and in the large-text mode, both persisted in cookies', async () => {
    await makeOrg(h.db(), { name: '某县人民政府' });
    const c = h.client();
    const set = await c.get('/prefs/script?v=hant&back=/');
    assert.equal(set.statusCode, 303);
    assert.equal(set.headers.location, '/');
    const page = await c.get('/');
    assert.match(page.body, /政務公開/);
    assert.match(page.body, /lang="zh-Hant"/);
    await c.get('/prefs/elder?on=1&back=//evil.example');
    const elder = await c.get('/');
    assert.match(elder.body, /class="portal elder"/);
    assert.equal((await c.get('/prefs/elder?on=1&back=//evil.example')).headers.location, '/', 'no open redirect');
    for (const back of ['/%5Cevil.com', '/%5C%5Cevil.com', '%2F%09%2Fevil.com', 'https%3A%2F%2Fevil.com']) {
      assert.equal((await c.get(`/prefs/elder?on=1&back=${back}`)).headers.location, '/', back);
      assert.equal((await c.get(`/prefs/script?v=hans&back=${back}`)).headers.location, '/', back);
    }
    assert.equal((await c.get('/prefs/elder?on=0&back=%2Fgk%3Fpage%3D2')).headers.location, '/gk?page=2');
  });

  it('after login follows only a console path on this site', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['editor', root]]);
    for (const [next, expected] of [
      ['/console/items', '/console/items'],
      ['/console\\evil.com', '/console'],
      ['//evil.com/console', '/console'],
      ['/consolex', '/console'],
    ]) {
      const c = h.client();
      const res = await c.post(
        '/console/login',
        { username: u.username, password: TEST_PASSWORD, next },
        { from: '/console/login' },
      );
      assert.equal(res.headers.location, expected, next);
    }
  });

  it('shows Chinese error pages and JSON errors', async () => {
    const c = h.client();
    const page = await c.get('/no/such/page');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /页面不存在/);
    const api = await c.get('/api/v1/nothing');
    assert.deepEqual(api.json(), { errors: [{ code: 'not_found', message: '您访问的页面不存在。' }] });
  });

  it('a wrong login gets one generic message; the form survives', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['editor', root]]);
    const c = h.client();
    const bad = await c.login(u.username, 'wrong-password');
    assert.equal(bad.statusCode, 401);
    assert.match(bad.body, /用户名或密码错误/);
    const unknown = await c.login('nobody', 'wrong-password');
    assert.match(unknown.body, /用户名或密码错误/);
    const ok = await c.login(u.username);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/console');
    assert.equal((await c.get('/console')).statusCode, 200);
  });

  it('locks the account after repeated failures', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['editor', root]]);
    const c = h.client();
    for (let i = 0; i < 5; i++) assert.equal((await c.login(u.username, 'nope')).statusCode, 401);
    const locked = await c.login(u.username);
    assert.equal(locked.statusCode, 429);
    assert.match(locked.body, /登录失败次数过多/);
  });

  it('rejects a form post without a CSRF token and changes nothing', async () => {
    const root = await makeOrg(h.db());
    const admin = await makeUser(h.db(), [['agency_admin', root]]);
    const c = h.client();
    await c.login(admin.username);
    const before = await h
      .db()
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await c.post(
      '/console/orgs',
      { parentId: String(root.id), kind: 'agency', name: '无令牌' },
      { csrf: false },
    );
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /表单已过期/);
    const after = await h
      .db()
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  it("a CSRF token is bound to its session: the attacker's own cookie and token do not work with a victim's session", async () => {
    const root = await makeOrg(h.db());
    const victim = await makeUser(h.db(), [['editor', root]]);
    const attacker = await makeUser(h.db(), [['editor', root]]);
    const v = h.client();
    await v.login(victim.username);
    const a = h.client();
    await a.login(attacker.username);
    const attackerToken = await a.csrf('/console/account');
    const forged = new Client(h.app());
    forged.cookies.set('gk_session', v.cookies.get('gk_session')!);
    forged.cookies.set('_csrf', a.cookies.get('_csrf')!);
    const countTokens = async () =>
      Number(
        (
          await h
            .db()
            .selectFrom('api_tokens')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countTokens();
    const cookie = [...forged.cookies].map(([k, x]) => `${k}=${x}`).join('; ');
    const res = await h.app().inject({
      method: 'POST',
      url: '/console/account/tokens',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({ _csrf: attackerToken, name: '攻击者的令牌', roles: 'editor' }).toString(),
    });
    assert.equal(res.statusCode, 403);
    assert.equal(await countTokens(), before, 'no token was created');
    // An anonymous visitor's token (e.g. planted before login) is no good after login either, and login rotates the secret.
    const c = h.client();
    const anonToken = await c.csrf('/console/login');
    const secretBefore = c.cookies.get('_csrf');
    await c.login(victim.username);
    assert.notEqual(c.cookies.get('_csrf'), secretBefore, 'the CSRF secret is rotated at login');
    const stale = await h.app().inject({
      method: 'POST',
      url: '/console/account/tokens',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `gk_session=${c.cookies.get('gk_session')}; _csrf=${secretBefore}`,
      },
      payload: new URLSearchParams({ _csrf: anonToken, name: '旧令牌', roles: 'editor' }).toString(),
    });
    assert.equal(stale.statusCode, 403);
    assert.equal(
      (await c.post('/console/account/tokens', { name: '正常令牌', roles: 'editor' }, { from: '/console/account' }))
        .statusCode,
      201,
    );
    assert.equal(await countTokens(), before + 1);
  });

  it('forces the change of an initial password before anything else', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['agency_admin', root]], { mustChange: true });
    const c = h.client();
    const r = await c.login(u.username);
    assert.equal(r.headers.location, '/console/password');
    assert.equal((await c.get('/console/orgs')).headers.location, '/console/password');
    const weak = await c.post('/console/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
      confirmPassword: 'short',
    });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /至少需要 10 个字符/);
    const good = await c.post('/console/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Neues-Passwort-77',
      confirmPassword: 'Neues-Passwort-77',
    });
    assert.equal(good.statusCode, 303);
    assert.equal((await c.get('/console/orgs')).statusCode, 200);
  });

  it('role-restricted routes answer 403 to other roles', async () => {
    const root = await makeOrg(h.db());
    const editor = await makeUser(h.db(), [['editor', root]]);
    const c = h.client();
    await c.login(editor.username);
    for (const url of ['/console/orgs', '/console/users', '/console/audit'])
      assert.equal((await c.get(url)).statusCode, 403, url);
    assert.equal((await h.client().get('/console/orgs')).headers.location, '/console/login?next=%2Fconsole%2Forgs');
  });

  it('an agency administrator creates an agency and a user in the console, audited', async () => {
    const root = await makeOrg(h.db());
    const admin = await makeUser(h.db(), [['agency_admin', root]]);
    const c = h.client();
    await c.login(admin.username);
    const bad = await c.post(
      '/console/orgs',
      { parentId: String(root.id), kind: 'agency', name: '', code: '123' },
      { from: '/console/orgs' },
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请填写机构名称/);
    const res = await c.post(
      '/console/orgs',
      { parentId: String(root.id), kind: 'agency', name: '某县审计局', phone: '0371-1234567' },
      { from: '/console/orgs' },
    );
    assert.equal(res.statusCode, 303);
    const org = await h.db().selectFrom('orgs').selectAll().where('name', '=', '某县审计局').executeTakeFirstOrThrow();
    const u = await c.post(
      '/console/users',
      { username: 'audit.editor', displayName: '赵六', role: 'editor', orgId: String(org.id) },
      { from: '/console/users' },
    );
    assert.equal(u.statusCode, 201);
    assert.match(u.body, /一次性密码/);
    const audit = await c.get('/console/audit?action=user.create');
    assert.match(audit.body, /audit\.editor/);
    assert.match(audit.body, /<td>用户 · 新建 <code class="muted">user\.<wbr\/>create<\/code><\/td>/);
  });

  it('oversized bodies get 413', async () => {
    const res = await h.app().inject({
      method: 'POST',
      url: '/console/login',
      payload: 'x='.padEnd(2 * 1024 * 1024, 'a'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.statusCode, 413);
  });

  it('API tokens: scoped, revocable, last-used recorded; bad ids and roles get coded 4xx', async () => {
    const root = await makeOrg(h.db());
    const admin = await makeUser(h.db(), [
      ['agency_admin', root],
      ['editor', root],
    ]);
    const { token, row } = await createToken(h.ctx(admin.actor), { name: '同步', roles: ['agency_admin'] });
    const auth = { authorization: `Bearer ${token}` };
    const me = await h.client().get('/api/v1/me', auth);
    assert.equal(me.statusCode, 200);
    assert.deepEqual((me.json() as { tokenRoles: string[] }).tokenRoles, ['agency_admin']);
    const used = await h
      .db()
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.ok(used.last_used_at);
    const unknown = await h.app().inject({ method: 'GET', url: '/api/v1/orgs/999999', headers: auth });
    assert.equal(unknown.statusCode, 404);
    assert.equal((unknown.json() as { errors: Array<{ code: string }> }).errors[0].code, 'org_not_found');
    const badRole = await h.app().inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: auth,
      payload: { username: 'x.y', displayName: 'X', grants: [{ role: 'king', orgId: root.id }] },
    });
    assert.equal(badRole.statusCode, 400);
    assert.equal((badRole.json() as { errors: Array<{ code: string }> }).errors[0].code, 'role_unknown');
    const created = await h.app().inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: auth,
      payload: { parentId: root.id, kind: 'agency', name: 'API 新建局' },
    });
    assert.equal(created.statusCode, 201);
    await h
      .db()
      .updateTable('api_tokens')
      .set({ revoked_at: testClock().toISOString() })
      .where('id', '=', row.id)
      .execute();
    const revoked = await h.client().get('/api/v1/me', auth);
    assert.equal(revoked.statusCode, 401);
    assert.equal((revoked.json() as { errors: Array<{ code: string }> }).errors[0].code, 'token_invalid');
  });

  it('two application nodes on one database share sessions', async () => {
    const root = await makeOrg(h.db());
    const u = await makeUser(h.db(), [['agency_admin', root]]);
    const c1 = h.client();
    await c1.login(u.username);
    const node2 = await buildApp(h.config, h.database());
    try {
      const c2 = new Client(node2);
      c2.cookies = new Map(c1.cookies);
      const res = await c2.get('/console/orgs');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(u.username));
    } finally {
      await node2.close();
    }
  });
});
