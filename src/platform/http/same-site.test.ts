import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sameSitePath } from './same-site.js';

it('follows only same-site paths', () => {
  for (const ok of ['/', '/gk/items/1', '/gk?q=%E5%85%AC%E5%BC%80&page=2', '/console/items#x'])
    assert.equal(sameSitePath(ok), ok, ok);
  const hostile = [
    '/\\evil.com',
    '/%5Cevil.com',
    '//evil.com',
    '/%2F/evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    'https://evil.com',
    'evil.com',
    'javascript:alert(1)',
    '/%E0%A4%A',
    '',
    '\\\\evil.com',
    '/\\/evil.com',
  ];
  for (const bad of hostile) assert.equal(sameSitePath(bad), '/', JSON.stringify(bad));
  assert.equal(sameSitePath('//evil.com', '/console'), '/console');
});
