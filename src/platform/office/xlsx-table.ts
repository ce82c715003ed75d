/** A plain table as XLSX: header row first, dates as real dates, frozen and repeated header, A4 landscape. */
import ExcelJS from 'exceljs';
import { DATE_FORMAT, excelDate, fitColumnWidths, fitRowHeights, setPrint } from './xlsx-print.js';

/**
 * A one-sheet workbook of `table` (header row first): columns whose header ends with 日期 hold dates
 * (yyyy-mm-dd), long texts wrap in columns of a fitting width, the header row repeats on every printed page.
 */
export async function tableXlsx(table: readonly string[][], sheetName: string): Promise<Buffer> {
  const [header = [], ...rows] = table;
  const dateCols = header.map((h, i) => (h.endsWith('日期') ? i : -1)).filter((i) => i >= 0);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v, i) => (dateCols.includes(i) ? (excelDate(v) ?? v) : v)));
  fitColumnWidths(ws, { fromRow: 1, lastRow: ws.rowCount, lastCol: header.length, min: 8, max: 36 });
  for (let c = 1; c <= header.length; c++) {
    const col = ws.getColumn(c);
    col.alignment = { vertical: 'top', wrapText: true };
    if (dateCols.includes(c - 1)) {
      col.numFmt = DATE_FORMAT;
      col.width = 12;
      col.alignment = { vertical: 'top', horizontal: 'center' };
    }
  }
  fitRowHeights(ws, { lastRow: ws.rowCount, lastCol: header.length, fontPt: 11 });
  setPrint(ws, { landscape: true, titleRows: [1, 1], lastRow: ws.rowCount, lastCol: header.length });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
