import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blockText, glyphsOf, type PdfPage, type Segment, type TextBox } from './geometry.rules.js';
import { bandOf, ruledTables } from './ruled-tables.rules.js';
import { documentGrids, pageBlocks } from './page-grids.rules.js';
import { distinctCells, type Grid } from '../grid.rules.js';

/** Rulings of a grid: horizontal lines at ys from x0 to x1, vertical lines at xs from y0 to y1. */
const grid = (xs: number[], ys: number[]): Segment[] => [
  ...ys.map((y) => ({ x0: xs[0], y0: y, x1: xs[xs.length - 1], y1: y })),
  ...xs.map((x) => ({ x0: x, y0: ys[0], x1: x, y1: ys[ys.length - 1] })),
];
/** A run of text at (x, y) of size 10, about 10 points a CJK character. */
const run = (text: string, x: number, y: number): TextBox => ({
  text,
  x,
  y,
  w: [...text].reduce((a, ch) => a + (/[\x20-\x7e]/.test(ch) ? 5 : 10), 0),
  h: 10,
});
const texts = (g: Grid): string[][] => g.map((row) => distinctCells(row).map((c) => c.text));

describe('PDF geometry', () => {
  it('a run is cut into glyphs by estimated widths (CJK one em, digits half)', () => {
    const g = glyphsOf(run('总计12', 100, 0));
    assert.deepEqual(
      g.map((x) => [x.ch, x.left, x.right]),
      [
        ['总', 100, 110],
        ['计', 110, 120],
        ['1', 120, 125],
        ['2', 125, 130],
      ],
    );
    assert.equal(glyphsOf({ text: '三、本', x: 0, y: 0, w: 10, h: 30, vertical: true })[2].cy, 25);
  });
  it('glyphs of one cell read line by line, Latin words apart', () => {
    const glyphs = [
      ...glyphsOf(run('1.本机关不掌握', 0, 0)),
      ...glyphsOf(run('相关政府信息', 0, 14)),
      ...glyphsOf(run('a', 100, 30)),
      ...glyphsOf(run('b', 120, 30)),
    ];
    assert.equal(blockText(glyphs), '1.本机关不掌握相关政府信息a b');
  });
});

describe('ruled tables', () => {
  it('rows and columns from the rulings; a missing wall merges two cells (a span)', () => {
    const segs = grid([0, 50, 100, 150], [0, 20, 40]).filter((s) => !(s.x0 === 50 && s.x1 === 50));
    segs.push({ x0: 50, y0: 20, x1: 50, y1: 40 }); // the wall at x=50 exists in the second row only
    const [t] = ruledTables(segs);
    assert.deepEqual(t.xs, [0, 50, 100, 150]);
    assert.deepEqual(t.ys, [0, 20, 40]);
    assert.deepEqual(t.cell, [
      [0, 0, 1],
      [2, 3, 4],
    ]);
  });
  it('a double border and a border drawn cell by cell are one line; lines that do not touch are separate tables', () => {
    const segs = [
      ...grid([0, 60, 120], [0, 20, 40]),
      { x0: 0, y0: 41, x1: 120, y1: 41 },
      { x0: 0, y0: 20, x1: 60, y1: 20 },
      ...grid([0, 60], [100, 120]),
    ];
    const tables = ruledTables(segs);
    assert.equal(tables.length, 2);
    assert.equal(tables[0].ys.length, 3);
    assert.equal(tables[0].cells, 4);
    assert.equal(tables[1].cells, 1);
  });
  it('a table without outer side borders ends where its horizontal rulings end', () => {
    const segs: Segment[] = [0, 20, 40].map((y) => ({ x0: 0, y0: y, x1: 200, y1: y }));
    segs.push({ x0: 100, y0: 0, x1: 100, y1: 40 }, { x0: 150, y0: 0, x1: 150, y1: 40 });
    const [t] = ruledTables(segs);
    assert.deepEqual(t.xs, [0, 100, 150, 200]);
    assert.equal(bandOf(t.xs, 10), 0);
    assert.equal(bandOf(t.xs, 200), -1);
  });
});

describe('page grids', () => {
  const page = (boxes: TextBox[], segments: Segment[] = []): PdfPage => ({ width: 600, height: 800, boxes, segments });

  it('text goes to the cell under it: a label wrapped in its cell is one cell, a run across a ruling is split', () => {
    const p = page(
      [
        run('1.属于国家', 5, 105),
        run('秘密', 5, 117),
        run('3', 105, 110),
        run('0  3', 150, 110),
        run('二、主动公开政府信息情况', 5, 50),
      ],
      grid([0, 100, 140, 200], [100, 130]),
    );
    const blocks = pageBlocks(p);
    assert.deepEqual(
      blocks.map((b) => [b.ruled, b.rows.map((r) => distinctCells(r).map((c) => c.text))]),
      [
        [false, [['二、主动公开政府信息情况']]],
        [true, [['1.属于国家秘密', '3', '0 3']]],
      ],
    );
  });
  it('without rulings, a line falls into cells at gaps wider than a character', () => {
    const [b] = pageBlocks(page([run('行政许可', 10, 10), run('447228', 200, 10)]));
    assert.deepEqual(
      distinctCells(b.rows[0]).map((c) => c.text),
      ['行政许可', '447228'],
    );
  });
  it('a table ending one page and a table with the same edges starting the next are one table; page numbers are dropped', () => {
    const p1 = page(
      [run('（一）予以公开', 5, 705), run('5', 105, 705), run('- 4 -', 280, 760)],
      grid([0, 100, 200], [650, 700, 720]),
    );
    p1.boxes.push(run('表头', 5, 660));
    const p2 = page(
      [run('- 5 -', 280, 20), run('（七）总计', 5, 105), run('9', 105, 105), run('五、存在的主要问题', 5, 200)],
      grid([0, 100, 200], [100, 120]),
    );
    const grids = documentGrids([p1, p2]);
    assert.deepEqual(grids.map(texts), [
      [
        ['表头', ''],
        ['（一）予以公开', '5'],
        ['（七）总计', '9'],
      ],
      [['五、存在的主要问题']],
    ]);
  });
  it('a table that does not reach the next page is not joined', () => {
    const p1 = page([run('甲', 5, 105)], grid([0, 100, 200], [100, 120]));
    p1.boxes.push(run('正文在表格之后', 5, 300));
    const p2 = page([run('乙', 5, 105)], grid([0, 100, 200], [100, 120]));
    assert.equal(documentGrids([p1, p2]).length, 3);
  });
});
