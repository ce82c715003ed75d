/**
 * A table read from any source, with merged cells expanded: every position holds the text of the cell
 * that covers it and that cell's id, so colspan/rowspan copies can be told from distinct cells.
 * Label normalisation and number reading for published annual reports (条例第五十条; REFERENCE §2).
 */

/** One position of an expanded table. */
export interface GridCell {
  text: string;
  /** Same id = the same (merged) source cell. */
  id: number;
}

/** An expanded table: rows of positions. */
export type Grid = GridCell[][];

/** A source cell before expansion. */
export interface RawCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

let nextId = 1;
/** A fresh cell id. */
export const cellId = (): number => nextId++;

/** Expands rows of raw cells (HTML-like rowspan/colspan) into a grid. */
export function expandRows(rows: RawCell[][]): Grid {
  const grid: Grid = [];
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c]) c++;
      const id = cellId();
      const rs = Math.max(1, Math.min(cell.rowspan ?? 1, 100));
      const cs = Math.max(1, Math.min(cell.colspan ?? 1, 100));
      for (let i = 0; i < rs; i++) {
        grid[r + i] ??= [];
        for (let j = 0; j < cs; j++) grid[r + i][c + j] = { text: cell.text, id };
      }
      c += cs;
    }
  });
  for (const row of grid) for (let c = 0; c < row.length; c++) row[c] ??= { text: '', id: cellId() };
  return grid.slice(0, rows.length);
}

/** The distinct cells of a row, left to right (a colspan cell once). */
export function distinctCells(row: GridCell[]): GridCell[] {
  const out: GridCell[] = [];
  for (const cell of row) if (cell && out.at(-1)?.id !== cell.id) out.push(cell);
  return out;
}

/**
 * Normalises a label for comparison: full-width → half-width (NFKC), and drops spaces and
 * punctuation (、．，：；“”（）【】〔〕 and their ASCII forms, dashes).
 */
export function normLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000、.,:;"'“”‘’()[\]【】〔〕《》<>\-—–_·・…!！?？/]/g, '')
    .trim();
}

/** A cell read as a number: a value, blank (null: empty, “—”, “/”, “无”), or not a number (text). */
export type CellNumber = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'text' };

/** Reads a cell as a number (full-width digits, thousands separators, “—” and empty cells allowed). */
export function readNumber(text: string): CellNumber {
  const t = text.normalize('NFKC').replace(/[\s\u00a0,]/g, '');
  if (t === '' || /^[-—–―~〜/\\]+$/.test(t) || t === '无') return { kind: 'blank' };
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return { kind: 'number', value: Number(t) };
  return { kind: 'text' };
}
