import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyIndexPattern,
  checkIndexPattern,
  DEFAULT_INDEX_PATTERN,
  formatIndexNo,
  indexCounterScope,
  indexPeriod,
  indexPrefix,
  isPlausibleIndexNo,
} from './index-number.rules.js';

describe('索引号 (前段码/后段码)', () => {
  it('takes the 组织机构代码 out of a 统一社会信用代码', () => {
    assert.equal(indexPrefix('11419999MB1003000X', 3), 'MB1003000');
  });
  it('drops the hyphen of a 9-character code', () => assert.equal(indexPrefix('01427688-8', 3), '014276888'));
  it('falls back to the agency id', () => assert.equal(indexPrefix(null, 42), 'GK0000042'));
  it('is 20 characters with a 5-digit serial', () => {
    const n = formatIndexNo('000014349', 2018, 222);
    assert.equal(n, '000014349/2018-00222');
    assert.equal(n.length, 20);
  });
  it('counter scope is per agency and year', () => assert.equal(indexCounterScope(7, 2026), 'index:7:2026'));
  it('accepts real variants', () => {
    for (const s of [
      '000014349/2018-00222',
      '0142768-8/2022-00185',
      '11341702486344515H/202110-00013',
      '3212000002/2018-354983',
    ])
      assert.ok(isPlausibleIndexNo(s), s);
    for (const s of ['', 'abc', '000014349-2018-00222', '000014349/18-1']) assert.ok(!isPlausibleIndexNo(s), s);
  });
  it('applies per-agency patterns', () => {
    const v = { code: '113417024', date: '2021-10-08', serial: 13 };
    assert.equal(applyIndexPattern(DEFAULT_INDEX_PATTERN, v), '113417024/2021-00013');
    assert.equal(applyIndexPattern('{code}/{yyyymm}-{serial:5}', v), '113417024/202110-00013');
    assert.equal(indexPeriod('{code}/{yyyymm}-{serial:5}', v.date), '202110');
    assert.equal(indexPeriod(DEFAULT_INDEX_PATTERN, v.date), '2021');
    assert.equal(checkIndexPattern(DEFAULT_INDEX_PATTERN), null);
    assert.match(checkIndexPattern('{code}/{yyyy}')!, /流水号/);
    assert.match(checkIndexPattern('{code}-{serial:5}')!, /年份/);
    assert.match(checkIndexPattern('{code}/{yyyy}-{serial:9}')!, /3 到 8 位/);
    assert.match(checkIndexPattern('{name}/{yyyy}-{serial:5}')!, /无法识别的占位符/);
  });
});
