/**
 * The official tables laid out for paper (pure): column widths per column, and vertical merges below
 * the header rows replaced by cells of one row each. A merged cell that crosses a page break is drawn
 * differently by every office suite (LibreOffice repeats or overprints its label), so the label of a
 * merged body cell (“三、本年度办理结果”, “（三）不予公开” …) is broken into lines and the lines are
 * put into the rows it spans, centred; the rows between carry no horizontal rules, so on paper it reads
 * as one merged cell, and a page break can fall anywhere. Header rows keep their merges: they repeat
 * together on every page.
 */
import { textUnits, wrapUnits } from '../platform/office/text-width.rules.js';
import { placeCells, type LayoutCell, type LayoutTable } from './table-layout.js';

/** A cell on paper: one row high below the header, with which of its rules to draw. */
export interface PrintCell extends LayoutCell {
  /** First grid column. */
  col: number;
  /** Draw the top / bottom rule (false inside a former vertical merge). */
  top: boolean;
  bottom: boolean;
  /** One row's share of a former vertical merge (its label centred). */
  part?: boolean;
}

/** How a table is printed: header rows (repeated on each page) and column widths in millimetres. */
export interface PrintSpec {
  headerRows: number;
  widthsMm: number[];
}

/** Table 二: the label column and equal value columns (the blocks have their own captions; no repeated header). */
const table2Widths = (width: number, total: number): number[] => [
  56,
  ...Array.from({ length: width - 1 }, () => (total - 56) / (width - 1)),
];

/**
 * Widths on the 156 mm type area (GB/T 9704-2012): table 三 gives its seven number columns room for four
 * characters of 小五 (商业企业 on one line), its group column “不予公开” and its label column ten characters;
 * table 四 has fifteen equal columns.
 */
export function printSpec(l: LayoutTable, index: 0 | 1 | 2, total = 156): PrintSpec {
  if (index === 1)
    return {
      headerRows: 3,
      widthsMm: [8, 15, 33.1, ...Array.from({ length: 7 }, () => 99.9 / 7)].map((w) => (w * total) / 156),
    };
  if (index === 2) return { headerRows: 3, widthsMm: Array.from({ length: l.width }, () => total / l.width) };
  return { headerRows: 0, widthsMm: table2Widths(l.width, total) };
}

/** Characters (in half ems) that fit on one line of a cell `mm` wide in type of `pt` points, with `padMm` inside. */
export const unitsIn = (mm: number, pt: number, padMm = 1.4): number =>
  Math.max(2, Math.floor(((mm - padMm) / ((pt * 25.4) / 72)) * 2));

const ORDINAL = /^([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)(.+)$/u;

/**
 * A label broken into lines of `units`: after its ordinal (“（三）”, “三、”) first, when it does not fit on
 * one line; in a column two characters wide the rest runs one character a line, as the official form prints it.
 */
export function labelLines(text: string, units: number): string[] {
  const m = ORDINAL.exec(text);
  if (!m || textUnits(text) <= units) return wrapUnits(text, units);
  return [...wrapUnits(m[1], units), ...wrapUnits(m[2], units <= 4 ? 2 : units)];
}

/**
 * The rows on paper. `lineUnits(col, cs)` says how many half ems fit on one line of a cell starting at
 * `col` spanning `cs` columns; a merged body cell's label is wrapped to that width and spread over its
 * rows, centred (a label longer than the rows keeps its remainder in the last row).
 */
export function printRows(
  l: LayoutTable,
  headerRows: number,
  lineUnits: (col: number, cs: number) => number,
): PrintCell[][] {
  const out: PrintCell[][] = l.rows.map(() => []);
  for (const { cell, r, c } of placeCells(l.rows)) {
    const rs = cell.rs ?? 1;
    if (rs === 1 || r < headerRows) {
      if (r < headerRows && r + rs > headerRows) throw new Error('a header cell may not reach into the body');
      out[r].push({ ...cell, col: c, top: true, bottom: true });
      continue;
    }
    const lines = labelLines(cell.text, lineUnits(c, cell.cs ?? 1));
    const fitted = lines.length > rs ? [...lines.slice(0, rs - 1), lines.slice(rs - 1).join('')] : lines;
    const offset = Math.floor((rs - fitted.length) / 2);
    for (let i = 0; i < rs; i++) {
      out[r + i].push({
        ...cell,
        text: fitted[i - offset] ?? '',
        rs: 1,
        col: c,
        top: i === 0,
        bottom: i === rs - 1,
        part: true,
      });
    }
  }
  for (const row of out) row.sort((a, b) => a.col - b.col);
  return out;
}
