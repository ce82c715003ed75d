import { it } from 'node:test';
import assert from 'node:assert/strict';
import { passesFilters, rankRows, type WindowRow } from './window-rows.rules.js';

const row = (id: number, score: number, over: Partial<WindowRow> = {}): WindowRow => ({
  id,
  score,
  published_on: '2020-05-01',
  org_id: 1,
  org_name: '县财政局',
  category_id: 10,
  category_name: '政策文件',
  topic: '综合政务',
  genre: '通知',
  validity: '有效',
  year: 2020,
  ...over,
});

it('a window row passes the facet filters and the date range as the SQL applies them', () => {
  assert.equal(passesFilters(row(1, 1), {}), true);
  assert.equal(passesFilters(row(1, 1), { orgId: 1, year: 2020, genre: '通知' }), true);
  assert.equal(passesFilters(row(1, 1), { orgId: 2 }), false);
  assert.equal(passesFilters(row(1, 1, { topic: null }), { topic: '综合政务' }), false);
  assert.equal(passesFilters(row(1, 1), { topic: '' }), true, 'an empty filter is no filter');
  assert.equal(passesFilters(row(1, 1), { from: '2020-05-01', to: '2020-05-01' }), true);
  assert.equal(passesFilters(row(1, 1), { from: '2020-05-02' }), false);
  assert.equal(passesFilters(row(1, 1, { published_on: null }), { to: '2030-01-01' }), false, 'no date: outside');
});

it('window rows rank by score, then newest published, then newest id; by date without scores', () => {
  const rows = [
    row(1, 2, { published_on: '2019-01-01' }),
    row(2, 5),
    row(3, 2, { published_on: '2021-01-01' }),
    row(4, 2, { published_on: '2021-01-01' }),
    row(5, 1, { published_on: null }),
  ];
  assert.deepEqual(
    rankRows(rows, true, 3, 1).map((r) => r.id),
    [2, 4, 3],
  );
  assert.deepEqual(
    rankRows(rows, true, 3, 2).map((r) => r.id),
    [1, 5],
  );
  assert.deepEqual(
    rankRows(rows, false, 10, 1).map((r) => r.id),
    [4, 3, 2, 1, 5],
  );
});
