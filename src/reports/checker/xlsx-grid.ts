import type { CellValue } from 'exceljs';
import { cellId, type Grid, type GridCell } from './grid.rules.js';

function valueText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return v.result === undefined || v.result === null ? '' : valueText(v.result as CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

/** Every worksheet of an XLSX workbook as an expanded grid (merged ranges share one cell id). */
export async function xlsxGrids(buf: Buffer): Promise<Grid[]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const ids = new Map<string, number>();
    const grid: Grid = [];
    const cols = Math.min(ws.columnCount, 200);
    for (let r = 1; r <= Math.min(ws.rowCount, 5000); r++) {
      const row = ws.getRow(r);
      const out: GridCell[] = [];
      for (let c = 1; c <= cols; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        let id = ids.get(master.address);
        if (id === undefined) ids.set(master.address, (id = cellId()));
        out.push({ text: valueText(master.value).trim(), id });
      }
      grid.push(out);
    }
    grids.push(grid);
  });
  return grids;
}
