import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache, pageCacheKey } from './page-cache.js';

const page = (html: string) => ({ html, etag: `W/"${html.length}"`, lastModified: null });
const parts = { version: 'v1', day: '2026-11-16', siteName: '示例县政务公开', hant: false, elder: false, url: '/gk' };

test('a key differs by every part: version, day, site name, script, 长者模式, URL', () => {
  const base = pageCacheKey(parts);
  for (const change of [
    { version: 'v2' },
    { day: '2026-11-17' },
    { siteName: '示例市政务公开' },
    { hant: true },
    { elder: true },
    { url: '/gk?page=2' },
  ])
    assert.notEqual(pageCacheKey({ ...parts, ...change }), base, JSON.stringify(change));
  assert.equal(pageCacheKey({ ...parts }), base);
});

test('least recently used pages go first once the byte limit is passed; a page larger than the limit is not kept', () => {
  const one = 'x'.repeat(1000);
  const cache = new PageCache(3 * (one.length * 2 + 300));
  cache.set('a', page(one));
  cache.set('b', page(one));
  cache.set('c', page(one));
  assert.equal(cache.stats().entries, 3);
  assert.ok(cache.get('a'), 'a used again: now the most recent');
  cache.set('d', page(one));
  assert.equal(cache.get('b'), undefined, 'b was the least recently used');
  assert.ok(cache.get('a') && cache.get('c') && cache.get('d'));
  assert.ok(cache.stats().bytes <= cache.maxBytes);
  cache.set('huge', page('y'.repeat(10_000)));
  assert.equal(cache.get('huge'), undefined);
  cache.set('a', page('short'));
  assert.equal(cache.get('a')?.html, 'short', 'a key stored again replaces its page');
});
