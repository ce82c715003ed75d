import { it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { Pagination } from './components.js';

const html = (page: number, total: number) =>
  renderToString(<Pagination page={page} total={total} perPage={20} baseUrl="/gk/1?sort=date" />);

it('pagination: the pages around this one; a page past the end says so and links to the last', () => {
  assert.match(html(2, 71), /共 71 条，第 2\/4 页/);
  assert.match(html(2, 71), /page=1" rel="prev">上一页.*page=3" rel="next">下一页/);
  assert.equal(html(1, 5), '<p class="muted">共 5 条</p>');
  const past = html(50, 71);
  assert.match(past, /共 71 条 4 页，没有第 50 页。/);
  assert.match(past, /<a href="\/gk\/1\?sort=date&amp;page=4">转到第 4 页<\/a>/);
  assert.doesNotMatch(past, /上一页|50\/4/);
  assert.match(html(3, 0), /没有第 3 页。.*转到第 1 页/);
});
