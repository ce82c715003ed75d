import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, toCsv } from '../platform/csv.js';
import { checkImportTable, normalizeDate } from './import-rows.rules.js';

describe('CSV', () => {
  it('round-trips quotes, commas, newlines and Chinese, with a BOM', () => {
    const rows = [
      ['名称', '正文'],
      ['关于“十四五”规划的通知', '第一行\n第二行, 含逗号 "引号"'],
    ];
    assert.deepEqual(parseCsv(toCsv(rows)), rows);
  });
  it('defuses formulas on export', () => assert.equal(toCsv([['=1+1', '-2']]), "\ufeff'=1+1,'-2\r\n"));
});

describe('import rows', () => {
  const header = ['索引号', '名称', '发文字号', '成文日期', '生成日期', '发布日期', '体裁', '有效性'];
  it('normalizes common date spellings', () => {
    assert.equal(normalizeDate('2026/1/5'), '2026-01-05');
    assert.equal(normalizeDate('2026年1月5日'), '2026-01-05');
    assert.equal(normalizeDate('2026.11.27'), '2026-11-27');
  });
  it('reports every bad row with its number', () => {
    const t = [
      header,
      [
        '000014349/2020-00001',
        '好的一行',
        '示政发〔2020〕1号',
        '2020-01-02',
        '2020-01-02',
        '2020-01-03',
        '通知',
        '有效',
      ],
      ['000014349/2020-00002', '', '乱写的文号', '2020-01-05', '2020-01-02', '2020-01-03', '通知', '有效'],
      ['000014349/2020-00001', '重复索引号', '', '', '2020-01-02', '2020-01-03', '报告', '有效'],
      ['000014349/2020-00004', '坏体裁', '', '', '2020-01-02', '', '便条', '作废'],
    ];
    const { rows, errors } = checkImportTable(t, '2026-12-07');
    assert.deepEqual(
      rows.map((r) => r.row),
      [2],
    );
    assert.deepEqual([...new Set(errors.map((e) => e.row))], [3, 4, 5]);
    const msgs = errors.map((e) => `${e.row}:${e.message}`).join('\n');
    assert.match(msgs, /3:请填写名称/);
    assert.match(msgs, /3:发文字号“乱写的文号”无法识别/);
    assert.match(msgs, /3:成文日期（2020-01-05）不能晚于发布日期（2020-01-03）/);
    assert.match(msgs, /4:索引号“000014349\/2020-00001”与第 2 行重复/);
    assert.match(msgs, /5:体裁“便条”不在公文种类中/);
    assert.match(msgs, /5:缺少发布日期/);
    assert.match(msgs, /5:有效性“作废”/);
  });
  it('names missing columns', () => {
    assert.deepEqual(
      checkImportTable([['名称', '生成日期']], '2026-12-07').errors.map((e) => e.message),
      ['缺少“索引号”列。', '缺少“发布日期”列。'],
    );
  });
});
