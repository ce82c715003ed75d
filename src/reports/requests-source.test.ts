import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromRequestStatistics } from './requests-source.js';

describe('report source: request records', () => {
  it('maps the requests tally rows to table-三 keys (six applicant columns) and table 四 (four counts per group)', () => {
    const row = (n: number): number[] => [n, 0, 0, 0, 0, 0, n];
    const m = fromRequestStatistics({
      table: { 一: row(5), 二: row(1), '三.1': row(3), '三.6.2': row(1), '三.(七)': row(4), 四: row(2) },
      balanced: true,
      feesCollected: 0,
      table4: [
        [1, 0, 0, 1, 2],
        [0, 0, 0, 0, 0],
        [0, 1, 0, 0, 1],
      ],
    });
    assert.deepEqual(m.table3, {
      new: [5, 0, 0, 0, 0, 0],
      carried: [1, 0, 0, 0, 0, 0],
      '1': [3, 0, 0, 0, 0, 0],
      '6.2': [1, 0, 0, 0, 0, 0],
      next: [2, 0, 0, 0, 0, 0],
    });
    assert.deepEqual(m.table4, [
      [1, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 1, 0, 0],
    ]);
  });
});

describe('report source: catalogue', () => {
  it('maps the catalogue table 二 to the 2021 row labels', async () => {
    const { fromCatalogTable2 } = await import('./catalog-source.js');
    const m = fromCatalogTable2({
      year: 2025,
      rules: { made: 1, abolished: 0, inForce: 4 },
      normative: { made: 3, abolished: 1, inForce: 20 },
      licensing: 7,
      penalties: 2,
      enforcement: 0,
      feesWan: '1.25',
    });
    assert.deepEqual(m['行政规范性文件'], [3, 1, 20]);
    assert.deepEqual(m['行政事业性收费'], [1.25]);
    assert.deepEqual(m['行政许可'], [7]);
  });
});
