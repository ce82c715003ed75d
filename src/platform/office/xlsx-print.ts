/**
 * Print set-up of XLSX sheets (no domain knowledge): A4, fit to the page width (fitToPage with
 * fitToWidth = 1 and fitToHeight = 0, so long tables run on over as many pages as they need), landscape
 * when asked, repeated title rows, a print area that ends at the table (no blank pages), page numbers;
 * column widths from the text and row heights that fit wrapped labels, including merged cells.
 */
import type ExcelJS from 'exceljs';
import { textUnits, wrapUnits } from './text-width.rules.js';

/** How a sheet is printed. */
export interface SheetPrint {
  landscape?: boolean;
  /** First and last row repeated at the top of every page (1-based). */
  titleRows?: [number, number];
  lastRow: number;
  lastCol: number;
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A4 (paperSize 9), fit to width, margins in inches, centred, page numbers in the footer. */
export function setPrint(ws: ExcelJS.Worksheet, o: SheetPrint): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: o.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    printArea: `A1:${colLetter(o.lastCol)}${o.lastRow}`,
    printTitlesRow: o.titleRows ? `${o.titleRows[0]}:${o.titleRows[1]}` : undefined,
  };
  ws.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
}

/** Excel's date of an ISO calendar date (`YYYY-MM-DD`, midnight UTC: independent of the machine's zone). */
export function excelDate(iso: string | null | undefined): Date | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  return new Date(`${iso}T00:00:00Z`);
}

/** The number format shown for dates. */
export const DATE_FORMAT = 'yyyy-mm-dd';

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return '0000-00-00';
  if (typeof v === 'object') return 'richText' in v ? v.richText.map((r) => r.text).join('') : '';
  return String(v);
};

/** The extent of each top-left cell of a merge (or single cell) in rows 1…lastRow. */
function blocks(
  ws: ExcelJS.Worksheet,
  lastRow: number,
  lastCol: number,
): Array<{ r: number; c: number; rs: number; cs: number; text: string }> {
  const out: Array<{ r: number; c: number; rs: number; cs: number; text: string }> = [];
  for (let r = 1; r <= lastRow; r++)
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      let cs = 1;
      while (
        c + cs <= lastCol &&
        ws.getCell(r, c + cs).isMerged &&
        ws.getCell(r, c + cs).master.address === cell.address
      )
        cs++;
      let rs = 1;
      while (
        r + rs <= lastRow &&
        ws.getCell(r + rs, c).isMerged &&
        ws.getCell(r + rs, c).master.address === cell.address
      )
        rs++;
      out.push({ r, c, rs, cs, text: cellText(cell.value) });
    }
  return out;
}

/** Sets each column's width to its widest single-column text (in Excel characters), within [min, max]. */
export function fitColumnWidths(
  ws: ExcelJS.Worksheet,
  o: { fromRow: number; lastRow: number; lastCol: number; min: number; max: number },
): void {
  const widest = new Map<number, number>();
  for (const b of blocks(ws, o.lastRow, o.lastCol)) {
    if (b.r < o.fromRow || b.cs > 1) continue;
    const w = Math.max(0, ...b.text.split('\n').map(textUnits));
    widest.set(b.c, Math.max(widest.get(b.c) ?? 0, w));
  }
  for (let c = 1; c <= o.lastCol; c++)
    ws.getColumn(c).width = Math.min(o.max, Math.max(o.min, (widest.get(c) ?? 0) + 2));
}

/**
 * Row heights that fit the wrapped text at `fontPt` (one line ≈ 1.35 × the type size), merged cells
 * included: a merge taller than its rows makes them taller, evenly.
 */
export function fitRowHeights(
  ws: ExcelJS.Worksheet,
  o: { lastRow: number; lastCol: number; fontPt: number; fromRow?: number },
): void {
  const line = o.fontPt * 1.35;
  const width = (c: number, cs: number): number => {
    let w = 0;
    for (let i = 0; i < cs; i++) w += ws.getColumn(c + i).width ?? 9;
    return Math.max(2, Math.floor(w * (11 / o.fontPt)) - 1);
  };
  const heights = new Map<number, number>();
  const all = blocks(ws, o.lastRow, o.lastCol).filter((b) => b.r >= (o.fromRow ?? 1));
  const need = (b: (typeof all)[number]) => wrapUnits(b.text, width(b.c, b.cs)).length * line + 4;
  for (const b of all.filter((x) => x.rs === 1)) heights.set(b.r, Math.max(heights.get(b.r) ?? line + 4, need(b)));
  for (const b of all.filter((x) => x.rs > 1)) {
    const rows = Array.from({ length: b.rs }, (_, i) => b.r + i);
    const have = rows.reduce((s, r) => s + (heights.get(r) ?? line + 4), 0);
    const more = need(b) - have;
    if (more > 0) for (const r of rows) heights.set(r, (heights.get(r) ?? line + 4) + more / b.rs);
  }
  for (const [r, h] of heights) ws.getRow(r).height = Math.ceil(h);
}
