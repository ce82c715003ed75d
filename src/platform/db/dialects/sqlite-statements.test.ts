import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { cachingHandle } from './sqlite.js';

describe('SQLite prepared-statement cache', () => {
  it('reuses a statement for the same SQL, and prepares a fresh one while the cached one is being iterated', () => {
    const raw = new BetterSqlite3(':memory:');
    const h = cachingHandle(raw);
    h.prepare('create table t (x integer)').run();
    for (let i = 0; i < 3; i++) h.prepare('insert into t values (?)').run(i);
    const a = h.prepare('select x from t order by x');
    assert.equal(h.prepare('select x from t order by x'), a, 'same SQL, same statement');
    const seen: number[] = [];
    for (const row of a.iterate() as Iterable<{ x: number }>) {
      // while `a` iterates, the same SQL gets its own statement (better-sqlite3 refuses a busy one)
      const inner = h.prepare('select x from t order by x');
      assert.notEqual(inner, a);
      assert.equal(inner.all().length, 3);
      seen.push(row.x);
    }
    assert.deepEqual(seen, [0, 1, 2]);
    h.close();
  });
});

describe('SQLite page cache', () => {
  it('is GONGKAI_SQLITE_CACHE_MB per connection (64 MB by default), the driver’s own without a setting', async () => {
    const { loadConfig } = await import('../../config.js');
    const { openSqlite } = await import('./sqlite.js');
    const pages = (mb?: number) => {
      const d = openSqlite(':memory:', mb);
      const kib = d.raw.pragma('cache_size', { simple: true });
      d.raw.close();
      return kib;
    };
    assert.equal(pages(loadConfig({}, '/srv/gk').sqliteCacheMb), -64 * 1024);
    assert.equal(pages(loadConfig({ GONGKAI_SQLITE_CACHE_MB: '8' }, '/srv/gk').sqliteCacheMb), -8 * 1024);
    assert.equal(pages(), -16000); // better-sqlite3's build default (16 MB)
    assert.throws(() => loadConfig({ GONGKAI_SQLITE_CACHE_MB: '1' }), /GONGKAI_SQLITE_CACHE_MB/);
  });
});
