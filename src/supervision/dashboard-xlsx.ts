/** The dashboard as an XLSX sheet and as CSV rows (same cells as the page). */
import { formatFigure } from './dashboard.rules.js';
import type { Dashboard } from './build-dashboard.js';

/** Header and text rows of a dashboard (the 合计 row last). */
export function dashboardTable(d: Pick<Dashboard, 'columns' | 'rows' | 'total'>): { header: string[]; rows: string[][] } {
  const header = ['单位', ...d.columns.map((c) => c.label)];
  const rows = [...d.rows, d.total].map((r) => [r.orgName, ...d.columns.map((c) => formatFigure(c, r.values[c.key], c.available))]);
  return { header, rows };
}

/** XLSX of the dashboard, numbers kept as numbers. */
export async function dashboardXlsx(d: Dashboard): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('监督检查', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  ws.addRow([`统计期间：${d.from} 至 ${d.to}`]);
  ws.addRow(['单位', ...d.columns.map((c) => (c.format === 'pct' ? `${c.label}（%）` : c.label))]);
  ws.getRow(2).font = { bold: true };
  for (const r of [...d.rows, d.total]) {
    ws.addRow([r.orgName, ...d.columns.map((c) => (!c.available ? '暂无数据' : c.format === 'text' || c.format === 'score' ? formatFigure(c, r.values[c.key], true) : (r.values[c.key] ?? '—')))]);
  }
  ws.getColumn(1).width = 28;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
