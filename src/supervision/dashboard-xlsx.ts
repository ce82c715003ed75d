/** The dashboard as an XLSX sheet and as CSV rows (same cells as the page). */
import ExcelJS from 'exceljs';
import { fitRowHeights, setPrint } from '../platform/office/xlsx-print.js';
import { textUnits } from '../platform/office/text-width.rules.js';
import { formatFigure } from './dashboard.rules.js';
import type { Dashboard } from './build-dashboard.js';

/**
 * XLSX of the dashboard, numbers kept as numbers; printed on A4 landscape at the page width with the
 * period and header rows on every page, header labels wrapped in columns of their own width.
 */
export async function dashboardXlsx(d: Dashboard): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('监督检查', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  const header = ['单位', ...d.columns.map((c) => (c.format === 'pct' ? `${c.label}（%）` : c.label))];
  ws.addRow([`统计期间：${d.from} 至 ${d.to}`]);
  ws.addRow(header);
  ws.getRow(2).font = { bold: true };
  ws.getRow(2).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const r of [...d.rows, d.total]) {
    const row = ws.addRow([
      r.orgName,
      ...d.columns.map((c) =>
        !c.available
          ? '暂无数据'
          : c.format === 'text' || c.format === 'score'
            ? formatFigure(c, r.values[c.key], true)
            : (r.values[c.key] ?? '—'),
      ),
    ]);
    // Numbers right with a space before the next column, words centred; all on the line of the unit's name.
    row.eachCell((cell, col) => {
      if (col > 1)
        cell.alignment =
          typeof cell.value === 'number'
            ? { horizontal: 'right', indent: 1, vertical: 'middle' }
            : { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
  }
  ws.getRow(ws.rowCount).font = { bold: true, name: 'Calibri', size: 11 };
  ws.getColumn(1).width = 24;
  ws.getColumn(1).alignment = { wrapText: true, vertical: 'middle' };
  // A header label wraps in up to four lines, a word in a cell (不合格（单项否决）) in up to two; numbers
  // always fit, so the page stays readable.
  header.slice(1).forEach((h, i) => {
    const words = ws
      .getColumn(i + 2)
      .values.slice(3)
      .map((v) => (typeof v === 'string' ? Math.ceil(textUnits(v) / 2) + 2 : 0));
    ws.getColumn(i + 2).width = Math.min(12, Math.max(8, Math.ceil(textUnits(h) / 4) + 2, ...words));
  });
  ws.mergeCells(1, 1, 1, header.length);
  // Measured at 12 pt for 11 pt text: CJK fonts set lines taller than Latin ones (header labels were cut).
  fitRowHeights(ws, { lastRow: ws.rowCount, lastCol: header.length, fontPt: 12, fromRow: 2 });
  setPrint(ws, { landscape: header.length > 6, titleRows: [1, 2], lastRow: ws.rowCount, lastCol: header.length });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
