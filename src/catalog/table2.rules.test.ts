import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { article20Item1, validateFigures, type Table2Item } from './table2.rules.js';

const doc = (over: Partial<Table2Item>): Table2Item => ({
  is_rule: 0,
  is_normative: 1,
  written_on: '2024-03-01',
  published_on: '2024-03-05',
  validity: '有效',
  validity_on: null,
  ...over,
});

describe('table 二 第二十条第（一）项', () => {
  it('counts made, abolished and in force for the year', () => {
    const items = [
      doc({}), // made 2024, in force
      doc({ written_on: '2023-05-01' }), // older, in force
      doc({ written_on: '2023-05-01', validity: '废止', validity_on: '2024-06-30' }), // abolished 2024
      doc({ written_on: '2024-01-10', validity: '已修订', validity_on: '2024-12-01' }), // made and replaced in 2024
      doc({ written_on: '2025-01-02' }), // next year
      doc({ is_rule: 1, is_normative: 0 }),
    ];
    const r = article20Item1(items, 2024);
    assert.deepEqual(r.normative, { made: 2, abolished: 1, inForce: 2 });
    assert.deepEqual(r.rules, { made: 1, abolished: 0, inForce: 1 });
    assert.deepEqual(article20Item1(items, 2023).normative, { made: 2, abolished: 0, inForce: 2 });
  });
  it('validates entered figures', () => {
    assert.deepEqual(validateFigures({ licensing: '12', penalties: '', enforcement: '0', feesWan: '003.50' }).values, {
      licensing: 12,
      penalties: 0,
      enforcement: 0,
      fees_wan: '3.5',
    });
    const bad = validateFigures({ licensing: '-1', penalties: '1.5', enforcement: 'x', feesWan: '1.23456' });
    assert.deepEqual(
      bad.errors.map((e) => e.field),
      ['licensing', 'penalties', 'enforcement', 'feesWan'],
    );
  });
});
