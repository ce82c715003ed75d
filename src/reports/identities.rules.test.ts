import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkIdentities, t3Cell, t4Cell } from './identities.rules.js';
import {
  TABLE3_ROWS_2019,
  TABLE3_ROWS_2021,
  TABLE3_COLUMNS,
  TABLE2_2021,
  TABLE2_2019,
  resultGroupSpan,
  emptyTables,
  table4CellLabel,
} from './report-format.rules.js';
import { sampleTables } from './fixtures/sample-tables.js';

describe('report format (国办公开办函〔2021〕30号 and 〔2019〕60号)', () => {
  it('table 三 has 25 numeric rows in 2021 and 23 in 2019, with verbatim labels', () => {
    assert.equal(TABLE3_ROWS_2021.length, 25);
    assert.equal(TABLE3_ROWS_2019.length, 23);
    assert.equal(TABLE3_ROWS_2021[0].label, '一、本年新收政府信息公开申请数量');
    assert.equal(TABLE3_ROWS_2021[3].label, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    assert.equal(TABLE3_ROWS_2021[6].label, '3.危及“三安全一稳定”');
    assert.equal(TABLE3_ROWS_2021.at(-1)?.label, '四、结转下年度继续办理');
    assert.equal(TABLE3_ROWS_2021.at(-2)?.label, '（七）总计');
    assert.ok(TABLE3_ROWS_2019.some((r) => r.label === '（六）其他处理' && r.kind === 'leaf'));
    assert.equal(new Set(TABLE3_ROWS_2021.map((r) => r.label)).size, 25, 'labels are unique');
  });
  it('the 三 cell spans 22 rows (2021) and 20 rows (2019)', () => {
    assert.equal(resultGroupSpan('2021'), 22);
    assert.equal(resultGroupSpan('2019'), 20);
  });
  it('table 三 has the 7 columns in order; table 二 has 4 blocks (2021) and 5 (2019)', () => {
    assert.deepEqual(
      [...TABLE3_COLUMNS],
      ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    );
    assert.deepEqual(
      TABLE2_2021.map((b) => b.caption),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
    );
    assert.equal(TABLE2_2021[3].columns[0], '本年收费金额（单位：万元）');
    assert.equal(TABLE2_2019.length, 5);
    assert.equal(TABLE2_2019[0].rows[1].label, '规范性文件');
  });
  it('table 四 has 15 cells in 3 groups', () => {
    assert.equal(table4CellLabel(0), '行政复议·结果维持');
    assert.equal(table4CellLabel(9), '未经复议直接起诉·总计');
    assert.equal(table4CellLabel(14), '复议后起诉·总计');
    assert.equal(emptyTables('2021').table4.length, 15);
  });
});

describe('identities (REFERENCE §2.1)', () => {
  it('a consistent report has no violations, in both formats and for many seeds', () => {
    for (let s = 1; s < 50; s++) {
      assert.deepEqual(checkIdentities(sampleTables('2021', s)), []);
      assert.deepEqual(checkIdentities(sampleTables('2019', s)), []);
    }
    assert.deepEqual(checkIdentities(emptyTables('2021')), []);
  });
  it('总计 column ≠ sum of six columns names the row and column', () => {
    const t = sampleTables('2021', 3);
    t.table3['3.3'][6] = (t.table3['3.3'][6] ?? 0) + 1;
    const v = checkIdentities(t);
    const rt = v.find((x) => x.code === 'row_total');
    assert.ok(rt);
    assert.equal(rt.row, '3.危及“三安全一稳定”');
    assert.equal(rt.column, '总计');
    assert.equal(rt.actual, rt.expected + 1);
    assert.match(rt.message, /表三“3\.危及“三安全一稳定””行“总计”列应为 \d+（六类申请人之和），实为 \d+。/);
    // The same change also breaks （七）总计 in the 总计 column.
    assert.ok(v.some((x) => x.code === 'outcome_total' && x.column === '总计'));
  });
  it('（七）总计 ≠ sum of leaves names the column', () => {
    const t = sampleTables('2021', 4);
    t.table3['5.2'][0] = (t.table3['5.2'][0] ?? 0) + 2;
    t.table3['5.2'][6] = (t.table3['5.2'][6] ?? 0) + 2;
    const v = checkIdentities(t);
    const codes = v.map((x) => `${x.code}:${x.column}`).sort();
    assert.deepEqual(codes, ['outcome_total:总计', 'outcome_total:自然人']);
    assert.equal(v[0].expected - v[0].actual, 2);
    assert.match(v[0].message, /“（七）总计”行“自然人”列应为/);
  });
  it('一 + 二 ≠ 三（七）+ 四 in a column', () => {
    const t = sampleTables('2021', 5);
    t.table3.new[1] = (t.table3.new[1] ?? 0) + 1;
    t.table3.new[6] = (t.table3.new[6] ?? 0) + 1;
    const v = checkIdentities(t);
    assert.deepEqual(v.map((x) => `${x.code}:${x.column}`).sort(), ['balance:商业企业', 'balance:总计']);
    const b = v.find((x) => x.column === '商业企业')!;
    assert.equal(b.expected, b.actual + 1);
    assert.match(
      b.message,
      /表三“商业企业”列：一、本年新收（\d+）加二、上年结转（\d+）为 \d+，应等于三（七）总计（\d+）加四、结转下年度（\d+），实为 \d+。/,
    );
  });
  it('blank cells (null) count as 0', () => {
    const t = emptyTables('2019');
    for (const k of Object.keys(t.table3)) t.table3[k] = t.table3[k].map(() => null);
    t.table4 = t.table4.map(() => null);
    assert.deepEqual(checkIdentities(t), []);
  });
  it('table 四: a group total printed as 0 against 10 + 1 (as in a real publication)', () => {
    const t = sampleTables('2021', 6);
    t.table4.splice(0, 5, 10, 1, 0, 0, 0);
    t.table4.splice(10, 5, 5, 0, 0, 0, 0);
    const v = checkIdentities(t);
    assert.equal(v.length, 2);
    assert.deepEqual([v[0].row, v[0].column, v[0].expected, v[0].actual], ['行政复议', '总计', 11, 0]);
    assert.deepEqual([v[1].row, v[1].expected, v[1].actual], ['复议后起诉', 5, 0]);
    assert.equal(v[0].message, '表四“行政复议”的“总计”应为 11（结果维持、结果纠正、其他结果、尚未审结之和），实为 0。');
  });
  it("this year's 二 must equal last year's 四", () => {
    const last = sampleTables('2021', 7);
    const t = sampleTables('2021', 8);
    t.table3.carried = [...last.table3.next];
    // Keep 一 + 二 = 三 + 四 by adjusting 一.
    t.table3.new = t.table3.total.map((x, c) => (x ?? 0) + (t.table3.next[c] ?? 0) - (t.table3.carried[c] ?? 0));
    assert.deepEqual(checkIdentities(t, last), []);
    const prev = {
      table3: { ...last.table3, next: last.table3.next.map((x, c) => (c === 0 || c === 6 ? (x ?? 0) + 1 : x)) },
    };
    const v = checkIdentities(t, prev);
    assert.deepEqual(
      v.map((x) => `${x.code}:${x.column}`),
      ['carry_over:自然人', 'carry_over:总计'],
    );
    assert.match(v[0].message, /应等于上年报告“四、结转下年度继续办理”的 \d+，实为 \d+。/);
  });
  it('with unknown cells (the checker): an identity using one is not judged, absent rows are not “missing_row”', () => {
    const t = sampleTables('2021', 10);
    t.table3['3.1'][0] = (t.table3['3.1'][0] ?? 0) + 5;
    delete t.table3['4.2'];
    t.table4[0] = (t.table4[0] ?? 0) + 1;
    const strict = checkIdentities(t);
    assert.ok(strict.some((v) => v.code === 'missing_row'));
    const v = checkIdentities(t, null, { unknown: new Set([t3Cell('3.1', 0), t4Cell(2)]) });
    // 3.1 自然人 is unknown: its row total and the 自然人 column are not judged; 4.2 is absent: no column sum
    // is judged; 行政复议 uses the unknown 四:2. What is left: nothing broken.
    assert.deepEqual(v, []);
    const known = checkIdentities(t, null, { unknown: new Set() });
    assert.deepEqual(
      known.map((x) => `${x.code}:${x.row}:${x.column}`),
      ['row_total:1.属于国家秘密:总计', 'table4_total:行政复议:总计'],
    );
  });
  it('a missing row is reported, not a crash', () => {
    const t = sampleTables('2021', 9);
    delete t.table3['4.2'];
    const v = checkIdentities(t);
    assert.ok(v.some((x) => x.code === 'missing_row' && x.row === '2.没有现成信息需要另行制作'));
  });
});

describe('jurisdiction summary', () => {
  it('adds up reports cell by cell; the sum of consistent reports is consistent', async () => {
    const { sumTables } = await import('./summary.rules.js');
    const a = sampleTables('2021', 1);
    const b = sampleTables('2021', 2);
    const s = sumTables('2021', [a, b, sampleTables('2019', 3)]);
    assert.equal(s.counted, 2);
    assert.equal(s.tables.table3.total[6], (a.table3.total[6] ?? 0) + (b.table3.total[6] ?? 0));
    assert.equal(s.tables.table4[14], (a.table4[14] ?? 0) + (b.table4[14] ?? 0));
    assert.deepEqual(checkIdentities(s.tables), []);
  });
});
