import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from './config.js';

test('defaults: SQLite under ./data on 127.0.0.1:3000', () => {
  const c = loadConfig({}, '/srv/gk');
  assert.equal(c.db, 'sqlite');
  assert.equal(c.sqliteFile, '/srv/gk/data/gongkai.db');
  assert.equal(c.port, 3000);
  assert.equal(c.host, '127.0.0.1');
  assert.ok(Object.isFrozen(c) && Object.isFrozen(c.limits));
});

test('port and data folder are configurable', () => {
  const c = loadConfig({ GONGKAI_PORT: '8080', GONGKAI_DATA_DIR: '/var/lib/gk' }, '/');
  assert.equal(c.port, 8080);
  assert.equal(c.sqliteFile, '/var/lib/gk/gongkai.db');
});

test('an invalid or missing production value stops start-up with a message naming it', () => {
  assert.throws(
    () => loadConfig({ GONGKAI_PORT: 'abc' }),
    (e: unknown) => e instanceof ConfigError && /GONGKAI_PORT/.test(e.message),
  );
  assert.throws(() => loadConfig({ GONGKAI_DB: 'postgres' }), /GONGKAI_DATABASE_URL/);
  assert.throws(() => loadConfig({ GONGKAI_ENV: 'production' }), /GONGKAI_PUBLIC_URL/);
  assert.throws(() => loadConfig({ GONGKAI_DB: 'mysql' }), /GONGKAI_DB/);
  const all = (() => {
    try {
      loadConfig({ GONGKAI_PORT: '99999', GONGKAI_SMTP_URL: 'http://x' });
    } catch (e) {
      return (e as ConfigError).problems;
    }
    return [];
  })();
  assert.equal(all.length, 2, 'every problem is reported at once');
});

test('PostgreSQL is one setting away', () => {
  const c = loadConfig({ GONGKAI_DB: 'postgres', GONGKAI_DATABASE_URL: 'postgres://u@127.0.0.1/gk' });
  assert.equal(c.db, 'postgres');
  assert.equal(c.databaseUrl, 'postgres://u@127.0.0.1/gk');
  assert.equal(c.pgListen, true, 'nodes listen for public changes unless told not to');
  assert.equal(loadConfig({ GONGKAI_PG_LISTEN: 'off' }).pgListen, false);
  assert.throws(() => loadConfig({ GONGKAI_PG_LISTEN: 'no' }), /GONGKAI_PG_LISTEN: must be one of on, off/);
});

test('proxies trusted for X-Forwarded-*: none by default, loopback in production, or a list', () => {
  assert.deepEqual(loadConfig({}).trustProxy, []);
  assert.deepEqual(
    loadConfig({ GONGKAI_ENV: 'production', GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn' }).trustProxy,
    ['loopback'],
  );
  assert.deepEqual(
    loadConfig({
      GONGKAI_ENV: 'production',
      GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn',
      GONGKAI_TRUST_PROXY: 'off',
    }).trustProxy,
    [],
  );
  assert.deepEqual(loadConfig({ GONGKAI_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1,fd00::/8' }).trustProxy, [
    '10.0.0.5',
    '192.168.0.0/16',
    '::1',
    'fd00::/8',
  ]);
  for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', ' , '])
    assert.throws(() => loadConfig({ GONGKAI_TRUST_PROXY: bad }), /GONGKAI_TRUST_PROXY/, bad);
});

test('the access log is on unless GONGKAI_ACCESS_LOG=off', () => {
  assert.equal(loadConfig({}, '/').accessLog, true);
  assert.equal(loadConfig({ GONGKAI_ACCESS_LOG: 'off' }, '/').accessLog, false);
  assert.throws(
    () => loadConfig({ GONGKAI_ACCESS_LOG: 'no' }, '/'),
    (e: unknown) => e instanceof ConfigError && /GONGKAI_ACCESS_LOG/.test(e.message),
  );
});
