/** XLSX of the 任务分解表: export of the tasks, and reading an uploaded sheet into header + rows. */
import ExcelJS from 'exceljs';
import { DATE_FORMAT, excelDate, fitRowHeights, setPrint } from '../platform/office/xlsx-print.js';
import { isTaskOverdue, taskStateLabel } from './tasks.rules.js';
import { TASK_COLUMNS } from './tasks-import.rules.js';
import type { TaskView } from './tasks.store.js';
import { refuseUnsafeArchive } from '../platform/archive-limits.js';

/**
 * The tasks as an XLSX workbook (one sheet, header row frozen): 完成时限 as a real date, long texts
 * wrapped in rows tall enough, printed on A4 landscape at the page width with the header on every page.
 */
export async function tasksToXlsx(tasks: readonly TaskView[], today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...TASK_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  for (const t of tasks) {
    ws.addRow([
      t.seq,
      t.year,
      t.category,
      t.content,
      t.responsible_name,
      t.department_name ?? '',
      excelDate(t.deadline) ?? t.deadline,
      t.evidence_required,
      taskStateLabel(t.state),
      isTaskOverdue(t, today) ? '是' : '否',
    ]);
  }
  [6, 6, 14, 50, 20, 14, 12, 30, 8, 8].forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    col.alignment = { vertical: 'top', wrapText: true };
  });
  ws.getColumn(7).numFmt = DATE_FORMAT;
  ws.getColumn(7).alignment = { vertical: 'top', horizontal: 'center' };
  fitRowHeights(ws, { lastRow: ws.rowCount, lastCol: TASK_COLUMNS.length, fontPt: 11 });
  setPrint(ws, { landscape: true, titleRows: [1, 1], lastRow: ws.rowCount, lastCol: TASK_COLUMNS.length });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v)
      return v.result == null ? '' : v.result instanceof Date ? v.result.toISOString().slice(0, 10) : String(v.result);
    return '';
  }
  return String(v);
};

/** Reads the first sheet: its first row as header, the rest as text cells with their row numbers; null when not an XLSX. */
export async function readSheet(
  data: Buffer,
): Promise<{ header: string[]; rows: Array<{ rowNumber: number; cells: string[] }> } | null> {
  const wb = new ExcelJS.Workbook();
  if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50) refuseUnsafeArchive(data, 'file', true);
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return null;
  const width = ws.columnCount;
  const read = (r: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(r.getCell(i + 1).value));
  const header = read(ws.getRow(1));
  const rows: Array<{ rowNumber: number; cells: string[] }> = [];
  ws.eachRow((r, n) => {
    if (n > 1) rows.push({ rowNumber: n, cells: read(r) });
  });
  return { header, rows };
}
