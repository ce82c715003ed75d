import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { labelLines, printRows, printSpec, unitsIn } from './table-print.rules.js';
import { table3Layout, table4Layout } from './table-layout.js';
import { emptyTables, TABLE3_RESULT_GROUP } from './report-format.rules.js';

describe('tables laid out for paper', () => {
  it('table 三: widths fill the 156 mm type area; numbers get four 小五 characters, the label column ten', () => {
    const l = table3Layout(emptyTables('2021'));
    const spec = printSpec(l, 1);
    assert.equal(spec.headerRows, 3);
    assert.ok(Math.abs(spec.widthsMm.reduce((a, b) => a + b, 0) - 156) < 1e-9);
    assert.equal(unitsIn(spec.widthsMm[3], 9), 8);
    assert.equal(unitsIn(spec.widthsMm[2], 9), 19);
  });

  it('no cell below the header spans rows; a merged label is spread over its rows, centred, its rules kept only outside', () => {
    const l = table3Layout(emptyTables('2021'));
    const spec = printSpec(l, 1);
    const rows = printRows(l, 3, (c, cs) =>
      unitsIn(
        spec.widthsMm.slice(c, c + cs).reduce((a, b) => a + b, 0),
        9,
      ),
    );
    assert.equal(rows.length, 28);
    assert.deepEqual(
      rows
        .slice(3)
        .flat()
        .filter((c) => (c.rs ?? 1) > 1),
      [],
    );
    assert.ok(
      rows
        .slice(0, 3)
        .flat()
        .some((c) => (c.rs ?? 1) === 3),
      'the header keeps its merges',
    );
    // 三、本年度办理结果 over 22 rows: “三、” then one character a line, centred (7 rows above, 7 below).
    const col0 = rows.slice(5, 27).map((r) => r.find((c) => c.col === 0)!);
    assert.deepEqual(
      col0.map((c) => c.text).join('|'),
      ['', '', '', '', '', '', '', '三、', '本', '年', '度', '办', '理', '结', '果', '', '', '', '', '', '', ''].join(
        '|',
      ),
    );
    assert.deepEqual(
      [col0[0].top, col0[0].bottom, col0[10].top, col0[10].bottom, col0[21].top, col0[21].bottom],
      [true, false, false, false, false, true],
    );
    assert.ok(col0.every((c) => c.part && c.text !== TABLE3_RESULT_GROUP));
    // （三）不予公开 over its 8 rows: the ordinal, then the rest.
    const g3 = rows.slice(7, 15).map((r) => r.find((c) => c.col === 1)!.text);
    assert.deepEqual(g3, ['', '', '', '（三）', '不予公开', '', '', '']);
    // Every row still has its 7 numbers.
    assert.ok(rows.slice(3).every((r) => r.filter((c) => c.numeric).length === 7));
  });

  it('labels break after their ordinal; a two-character column runs one character a line', () => {
    assert.deepEqual(labelLines('（五）不予处理', 8), ['（五）', '不予处理']);
    assert.deepEqual(labelLines('（五）不予处理', 14), ['（五）不予处理']);
    assert.deepEqual(labelLines('三、本年度', 4), ['三、', '本', '年', '度']);
    assert.deepEqual(labelLines('信访举报投诉类申请', 8), ['信访举报', '投诉类申', '请']);
  });

  it('table 四: fifteen equal columns, its three header rows kept together', () => {
    const l = table4Layout(emptyTables('2021'));
    const spec = printSpec(l, 2);
    assert.deepEqual([spec.headerRows, spec.widthsMm.length], [3, 15]);
    assert.ok(spec.widthsMm.every((w) => Math.abs(w - 10.4) < 1e-9));
    assert.throws(() => printRows(l, 2, () => 8), /header cell may not reach into the body/);
  });
});
