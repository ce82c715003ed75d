import ExcelJS from 'exceljs';
import { fitRowHeights, setPrint } from '../platform/office/xlsx-print.js';
import type { ReportTables } from './report-format.rules.js';
import { placeCells, reportLayouts } from './table-layout.js';
import { printSpec } from './table-print.rules.js';

const SHEETS = ['表二 主动公开', '表三 依申请公开', '表四 复议诉讼'];
const FONT_PT = 10;
/** Column widths in Excel characters: 表二 label and values; 表三 三 / group / label / 7 numbers; 表四 15 cells. */
const WIDTHS: Array<(width: number) => number[]> = [
  (width) => [26, ...Array.from({ length: width - 1 }, () => 16)],
  () => [4, 10, 28, ...Array.from({ length: 7 }, () => 8)],
  (width) => Array.from({ length: width }, () => 7),
];

/**
 * The three tables as an XLSX workbook, one sheet each, with the official labels, merged header cells and
 * numbers as numbers; printed on A4 at the page width (表四's fifteen columns landscape), the title and
 * header rows repeated on every page, a width per column and row heights that fit the wrapped labels.
 */
export async function exportReportXlsx(t: ReportTables, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  reportLayouts(t).forEach((l, i) => {
    const index = i as 0 | 1 | 2;
    const spec = printSpec(l, index);
    const ws = wb.addWorksheet(SHEETS[i], { views: [{ state: 'frozen', ySplit: 1 + spec.headerRows }] });
    ws.getCell(1, 1).value = `${title} ${l.title}`;
    ws.getCell(1, 1).font = { name: '宋体', bold: true, size: 12 };
    ws.getCell(1, 1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    ws.mergeCells(1, 1, 1, l.width);
    const top = 2;
    for (const { cell, r, c } of placeCells(l.rows)) {
      const x = ws.getCell(top + r, 1 + c);
      x.value = cell.numeric ? (cell.value ?? null) : cell.text;
      x.font = { name: '宋体', size: FONT_PT, bold: !!cell.header };
      x.alignment = {
        vertical: 'middle',
        horizontal: cell.numeric || cell.header || (cell.rs ?? 1) > 1 ? 'center' : 'left',
        wrapText: true,
      };
      x.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
      if ((cell.rs ?? 1) > 1 || (cell.cs ?? 1) > 1)
        ws.mergeCells(top + r, 1 + c, top + r + (cell.rs ?? 1) - 1, c + (cell.cs ?? 1));
    }
    WIDTHS[index](l.width).forEach((w, j) => (ws.getColumn(j + 1).width = w));
    const lastRow = top + l.rows.length - 1;
    ws.getRow(1).height = 24;
    fitRowHeights(ws, { lastRow, lastCol: l.width, fontPt: FONT_PT, fromRow: 2 });
    setPrint(ws, {
      landscape: l.width > 10,
      titleRows: spec.headerRows ? [1, 1 + spec.headerRows] : undefined,
      lastRow,
      lastCol: l.width,
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
