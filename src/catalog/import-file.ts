import type { CellValue } from 'exceljs';
import { invalid } from '../platform/errors.js';
import { parseCsv } from '../platform/csv.js';
import { sniff } from './attachment-files.js';

/** Text of a cell as the user sees it (dates as YYYY-MM-DD). */
function cellText(v: CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result == null ? '' : String(v.result);
    return '';
  }
  return String(v);
}

/** Reads an import file: XLSX (first sheet) or CSV in UTF-8 or GB18030/GBK. */
export async function readImportTable(data: Buffer): Promise<string[][]> {
  const t = await sniff(data);
  if (t.ext === 'xlsx') {
    // exceljs is loaded on first use: it would cost every process start 0.3–0.8 s and ~25 MB.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw invalid('import_empty', '表格中没有工作表。', 'file');
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    });
    return rows;
  }
  if (t.ext && t.ext !== 'csv') throw invalid('import_type', '请上传 CSV 或 XLSX 文件。', 'file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('gb18030').decode(data);
  }
  return parseCsv(text);
}
