import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearchParams } from './search.rules.js';

it('a filter that is no number is named by its label, not its parameter; the page number is forgiven', () => {
  const { request, errors } = parseSearchParams({ q: '预算', org: 'abc', category: '7', year: '二〇二四', page: '-1' });
  assert.deepEqual(
    errors.map((e) => [e.field, e.message]),
    [
      ['org', '筛选条件“机构”无效：应为数字编号。'],
      ['year', '筛选条件“年份”无效：应为数字编号。'],
    ],
  );
  assert.deepEqual(request.filters, { categoryId: 7 });
  assert.equal(request.page.page, 1);
});
