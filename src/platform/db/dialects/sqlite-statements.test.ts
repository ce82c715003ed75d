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
