import type { ReportTables } from './report-format.rules.js';
import { placeCells, reportLayouts } from './table-layout.js';

const SHEETS = ['表二 主动公开', '表三 依申请公开', '表四 复议诉讼'];

/** The three tables as an XLSX workbook, one sheet each, with the official labels and merged header cells. */
export async function exportReportXlsx(t: ReportTables, title: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  reportLayouts(t).forEach((l, i) => {
    const ws = wb.addWorksheet(SHEETS[i]);
    ws.getCell(1, 1).value = `${title} ${l.title}`;
    ws.getCell(1, 1).font = { name: '宋体', bold: true, size: 12 };
    ws.mergeCells(1, 1, 1, l.width);
    const top = 2;
    for (const { cell, r, c } of placeCells(l.rows)) {
      const x = ws.getCell(top + r, 1 + c);
      x.value = cell.numeric ? (cell.value ?? null) : cell.text;
      x.font = { name: '宋体', size: 10, bold: !!cell.header };
      x.alignment = { vertical: 'middle', horizontal: cell.numeric || cell.header ? 'center' : 'left', wrapText: true };
      x.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      if ((cell.rs ?? 1) > 1 || (cell.cs ?? 1) > 1) ws.mergeCells(top + r, 1 + c, top + r + (cell.rs ?? 1) - 1, c + (cell.cs ?? 1));
    }
    ws.columns.forEach((col, j) => (col.width = j === 0 ? 24 : 12));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
