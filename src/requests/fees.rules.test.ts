import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeFee, perPageFee, perRequestFee, perRequestTotal } from './fees.rules.js';

test('按件计收: k-th request of the same applicant in a natural month (国办函〔2020〕109号 第四条)', () => {
  const table: Array<[number, number]> = [
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [60, 400],
    [61, 500],
  ];
  for (const [k, fee] of table) assert.equal(perRequestFee(k), fee, `k=${k}`);
});

test('按件计收: 45 requests in a month = 5,500元 (REFERENCE §3 worked example)', () => {
  assert.equal(perRequestTotal(45), 5500);
  assert.equal(perRequestTotal(10), 0);
  assert.equal(perRequestTotal(30), 2000);
});

test('按量计收: tiers by page (第五条)', () => {
  const table: Array<[number, number]> = [
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ];
  for (const [pages, fee] of table) assert.equal(perPageFee(pages), fee, `pages=${pages}`);
});

test('one method per request (第三条)', () => {
  assert.equal(computeFee({ method: 'per_page', pages: 250 }), 4700);
  assert.equal(computeFee({ method: 'per_request', ordinalInMonth: 45 }), 300);
  assert.throws(() => perRequestFee(0), RangeError);
  assert.throws(() => perPageFee(-1), RangeError);
});
