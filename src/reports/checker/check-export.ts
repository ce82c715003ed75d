/**
 * The verdicts of a batch as CSV (one line per finding) and XLSX (a 结论 sheet with one row per report
 * and a 明细 sheet with one row per finding). The 结论 column holds exactly 一致, 有误 or 无法判断.
 */
import type { CheckResult } from './check-report.js';
import { VERDICT_NAMES } from './verdict.rules.js';

/** One finding of a report: a broken identity (with its cell), something missing, or the verdict alone. */
export interface FindingRow {
  file: string;
  agency: string;
  year: string;
  format: string;
  verdict: string;
  table: string;
  row: string;
  column: string;
  expected: string;
  actual: string;
  note: string;
}

const DETAIL_HEAD = ['文件', '单位', '年度', '格式', '结论', '表', '行', '列', '应为', '实为', '说明'];
const SUMMARY_HEAD = ['文件', '单位', '年度', '格式', '结论', '不一致处数', '无法核对处数', '说明'];

/** The findings of each report, in order: violations, then what is missing; a report with neither gives one row. */
export function findingRows(results: CheckResult[]): FindingRow[] {
  return results.flatMap((r) => {
    const base = {
      file: r.file,
      agency: r.agency ?? '',
      year: r.year ? String(r.year) : '',
      format: r.format ? `${r.format}年格式` : '',
      verdict: VERDICT_NAMES[r.verdict],
    };
    const none = { table: '', row: '', column: '', expected: '', actual: '' };
    const rows: FindingRow[] = [
      ...r.violations.map((v) => ({
        ...base,
        table: `表${v.table}`,
        row: v.row,
        column: v.column,
        expected: String(v.expected),
        actual: String(v.actual),
        note: v.message,
      })),
      ...r.missing.map((m) => ({ ...base, ...none, note: m })),
    ];
    return rows.length ? rows : [{ ...base, ...none, note: r.summary }];
  });
}

const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const detailCells = (f: FindingRow): string[] => [
  f.file,
  f.agency,
  f.year,
  f.format,
  f.verdict,
  f.table,
  f.row,
  f.column,
  f.expected,
  f.actual,
  f.note,
];

/** CSV, one line per finding (UTF-8 with BOM so that spreadsheet programs read the Chinese). */
export function resultsCsv(results: CheckResult[]): string {
  const lines = findingRows(results).map((f) => detailCells(f).map(csvField).join(','));
  return '\ufeff' + [DETAIL_HEAD.join(','), ...lines].join('\r\n') + '\r\n';
}

/** XLSX with the 结论 sheet (one row per report) and the 明细 sheet (one row per finding). */
export async function resultsXlsx(results: CheckResult[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const summary = wb.addWorksheet('结论');
  summary.addRow(SUMMARY_HEAD).font = { bold: true };
  for (const r of results)
    summary.addRow([
      r.file,
      r.agency ?? '',
      r.year ?? '',
      r.format ? `${r.format}年格式` : '',
      VERDICT_NAMES[r.verdict],
      r.violations.length,
      r.missing.length,
      r.summary,
    ]);
  const detail = wb.addWorksheet('明细');
  detail.addRow(DETAIL_HEAD).font = { bold: true };
  for (const f of findingRows(results))
    detail.addRow([
      ...detailCells(f).slice(0, 8),
      f.expected === '' ? '' : Number(f.expected),
      f.actual === '' ? '' : Number(f.actual),
      f.note,
    ]);
  for (const ws of [summary, detail]) {
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 36 : i === ws.columnCount - 1 ? 80 : 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
