import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache, pageCacheKey } from './page-cache.js';

const page = (html: string) => ({ body: Buffer.from(html), etag: `W/"${html.length}"`, lastModified: null });
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
  const cache = new PageCache(3 * (one.length + 300));
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
  assert.equal(cache.get('a')?.body.toString(), 'short', 'a key stored again replaces its page');
});

test('a page is stored on its second render: one pass over many pages leaves the pages read again in place', () => {
  const one = 'x'.repeat(1000);
  const cache = new PageCache(3 * (one.length + 300), 100);
  assert.equal(cache.offer('home', page(one)), false, 'first render: only remembered');
  assert.equal(cache.get('home'), undefined);
  assert.equal(cache.offer('home', page(one)), true, 'second render: stored');
  assert.ok(cache.get('home'));
  // A crawler renders 1,000 other pages once each: none is stored, home stays.
  for (let i = 0; i < 1000; i++) assert.equal(cache.offer(`/gk/items/${i}`, page(one)), false);
  assert.ok(cache.get('home'), 'home is still served from memory');
  assert.equal(cache.stats().entries, 1);
  // The filter is bounded: it forgets everything once it holds its limit of keys.
  assert.ok(cache.stats().seenOnce <= 100);
  // A page read twice among the crawl is stored.
  cache.offer('/gk/items/5000', page(one));
  cache.offer('/gk/items/5001', page(one));
  assert.equal(cache.offer('/gk/items/5000', page(one)), true);
  assert.ok(cache.get('/gk/items/5000') && cache.get('home'));
});
