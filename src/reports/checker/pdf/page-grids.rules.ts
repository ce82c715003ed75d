/**
 * Grids from PDF pages. Text inside a ruled table goes to the cell under it (a wrapped label is one
 * cell); text outside ruled tables becomes lines, cut into cells where the gap between two characters
 * is wider than a character (how a table without rulings still falls into columns). A ruled table that
 * ends a page and one that starts the next page with the same left and right edges are one table.
 */
import { cellId, type Grid, type GridCell } from '../grid.rules.js';
import { blockText, glyphsOf, linesOf, type Glyph, type PdfPage } from './geometry.rules.js';
import { bandOf, ruledTables } from './ruled-tables.rules.js';

/** A piece of a page in reading order: a ruled table or one line of text. */
export interface Block {
  top: number;
  bottom: number;
  left: number;
  right: number;
  ruled: boolean;
  rows: GridCell[][];
  /** Plain text of the block (furniture detection). */
  text: string;
}

/** Same character drawn twice at (almost) the same place: fake bold or a shadow. */
function dedupe(glyphs: Glyph[]): Glyph[] {
  const seen = new Set<string>();
  return glyphs.filter((g) => {
    const k = `${g.ch}:${Math.round(g.cx)}:${Math.round(g.cy)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Cuts a line of text into cells where two characters are more than a character apart. */
function lineCells(line: Glyph[]): GridCell[] {
  const cells: Glyph[][] = [];
  for (const g of line) {
    const cur = cells.at(-1);
    const prev = cur?.at(-1);
    if (cur && prev && g.left - prev.right <= 0.9 * Math.min(g.size, prev.size)) cur.push(g);
    else cells.push([g]);
  }
  return cells.map((gs) => ({ text: blockText(gs), id: cellId() }));
}

/** The blocks of one page, top to bottom. */
export function pageBlocks(page: PdfPage): Block[] {
  const glyphs = dedupe(page.boxes.flatMap(glyphsOf));
  const tables = ruledTables(page.segments);
  const inCell = tables.map((t) => Array.from({ length: t.cells }, (): Glyph[] => []));
  const free: Glyph[] = [];
  for (const g of glyphs) {
    const i = tables.findIndex((t) => bandOf(t.ys, g.cy) >= 0 && bandOf(t.xs, g.cx) >= 0);
    if (i < 0) free.push(g);
    else inCell[i][tables[i].cell[bandOf(tables[i].ys, g.cy)][bandOf(tables[i].xs, g.cx)]].push(g);
  }
  const blocks: Block[] = tables.map((t, i) => {
    const ids = inCell[i].map(() => cellId());
    const texts = inCell[i].map((gs) => blockText(gs));
    const rows = t.cell.map((row) => row.map((k) => ({ text: texts[k], id: ids[k] })));
    return {
      top: t.ys[0],
      bottom: t.ys[t.ys.length - 1],
      left: t.xs[0],
      right: t.xs[t.xs.length - 1],
      ruled: true,
      rows,
      text: texts.join(''),
    };
  });
  for (const line of linesOf(free)) {
    const top = Math.min(...line.map((g) => g.cy - g.size / 2));
    const bottom = Math.max(...line.map((g) => g.cy + g.size / 2));
    const cells = lineCells(line);
    blocks.push({
      top,
      bottom,
      left: line[0].left,
      right: line[line.length - 1].right,
      ruled: false,
      rows: [cells],
      text: cells.map((c) => c.text).join(''),
    });
  }
  // A ruled table that holds nothing but lines (a frame, a text box) is not a table.
  return blocks.filter((b) => !b.ruled || b.text).sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A page number (“- 4 -”, “第4页 共6页”, “4/6”) near the top or bottom edge of the page. */
const furniture = (b: Block, page: PdfPage): boolean =>
  !b.ruled &&
  (b.bottom < page.height * 0.12 || b.top > page.height * 0.88) &&
  /^[-—–\s]*(第?\s*\d+\s*页?)(\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?[-—–\s]*$/.test(b.text);

/** A ruled table that ended a page, and its edges. */
interface OpenTable {
  grid: Grid;
  left: number;
  right: number;
}

/**
 * The grids of a document: each ruled table (joined with its continuation on the next page) and each
 * run of text lines between tables.
 */
export function documentGrids(pages: PdfPage[]): Grid[] {
  const grids: Grid[] = [];
  // The ruled table that ended the previous page, which this page may continue.
  let open: OpenTable | null = null;
  let text: Grid | null = null;
  for (const page of pages) {
    const blocks = pageBlocks(page).filter((b) => !furniture(b, page));
    const carried: OpenTable | null = open;
    open = null;
    for (const [i, b] of blocks.entries()) {
      if (!b.ruled) {
        if (!text) grids.push((text = []));
        text.push(...b.rows);
        continue;
      }
      text = null;
      const continues: boolean =
        i === 0 && carried !== null && Math.abs(carried.left - b.left) <= 4 && Math.abs(carried.right - b.right) <= 4;
      const grid: Grid = continues && carried ? carried.grid : b.rows;
      if (grid === b.rows) grids.push(grid);
      else grid.push(...b.rows);
      if (i === blocks.length - 1) open = { grid, left: b.left, right: b.right };
    }
  }
  return grids;
}
