import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app/build-app.js';
import { describeDb } from '../../../test/helpers/db.js';

const PROXY = '127.0.0.2';

describeDb('client address behind a reverse proxy (GONGKAI_TRUST_PROXY)', (h) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp({ ...h.config, trustProxy: [PROXY] }, h.database());
    await app.ready();
  });
  after(() => app.close());

  /** A failed sign-in from `remoteAddress` (with an X-Forwarded-For header); returns the address recorded for it. */
  async function recordedAddress(remoteAddress: string, forwardedFor?: string): Promise<string | null> {
    const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    const form = await app.inject({ url: '/console/login', remoteAddress, headers });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? assert.fail('no CSRF token');
    const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await app.inject({
      method: 'POST',
      url: '/console/login',
      remoteAddress,
      headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, username: 'nobody', password: 'wrong-password' }).toString(),
    });
    assert.match(res.body, /用户名或密码/);
    const row = await h.db().selectFrom('login_attempts').select('ip').orderBy('id', 'desc').executeTakeFirstOrThrow();
    return row.ip;
  }

  it('records the address the configured proxy forwards', async () => {
    assert.equal(await recordedAddress(PROXY, '203.0.113.7'), '203.0.113.7');
  });

  it('records the socket address when someone else sends X-Forwarded-For', async () => {
    assert.equal(await recordedAddress('198.51.100.9', '203.0.113.7'), '198.51.100.9');
  });

  it('takes the address the proxy appended, not one the client wrote before it', async () => {
    assert.equal(await recordedAddress(PROXY, '6.6.6.6, 203.0.113.8'), '203.0.113.8');
  });
});
