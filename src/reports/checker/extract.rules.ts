/**
 * Finds tables 二, 三 and 四 of an annual report (国办公开办函〔2021〕30号 or 〔2019〕60号 format,
 * REFERENCE §2.1–2.2) in the tables of a published document, by their labels, and reads their numbers.
 */
import {
  TABLE2_2019,
  TABLE2_2021,
  TABLE3_ROWS_2019,
  TABLE3_ROWS_2021,
  TABLE4_CELLS,
  TABLE4_GROUPS,
  TABLE4_TOP,
  table3Rows,
  type ReportFormat,
  type ReportTables,
} from '../report-format.rules.js';
import { distinctCells, normLabel, readNumber, type Grid, type GridCell } from './grid.rules.js';

/** What was found in a document. */
export interface Extracted {
  tables: ReportTables;
  found: { table2: boolean; table3: boolean; table4: boolean };
  /** Format of table 二 when found (a report may mix: 2021 table 二 with a 2019-style table 三). */
  table2Format: ReportFormat | null;
  /** Cells that could not be read as numbers, and other remarks, in Chinese. */
  problems: string[];
}

const stripNote = (label: string): string => label.replace(/（[^（）]*）$/, '');

interface Matcher {
  key: string;
  norms: string[];
}

const T3_LEAVES = new Map<string, Matcher>();
for (const r of [...TABLE3_ROWS_2021, ...TABLE3_ROWS_2019]) {
  if (T3_LEAVES.has(r.key)) continue;
  T3_LEAVES.set(r.key, { key: r.key, norms: [...new Set([normLabel(r.label), normLabel(stripNote(r.label))])] });
}

/** True when a normalised cell names the label (exact, or one a prefix of the other when long enough). */
function labelMatches(cell: string, norms: string[]): boolean {
  for (const n of norms) {
    if (cell === n) return true;
    const [short, long] = cell.length < n.length ? [cell, n] : [n, cell];
    if (short.length >= 6 && long.startsWith(short)) return true;
  }
  return false;
}

function t3KeyOf(text: string): string | null {
  const c = normLabel(text);
  if (!c) return null;
  for (const m of T3_LEAVES.values()) if (labelMatches(c, m.norms)) return m.key;
  return null;
}

/**
 * For text layers whose labels are broken over several cells (and prefixed by fragments of a merged
 * group label): joins the text cells before the trailing numbers and matches a suffix of the join.
 */
function joinedLabel(cells: GridCell[]): [number, string | null] {
  let end = cells.length;
  while (end > 0 && readNumber(cells[end - 1].text).kind !== 'text') end--;
  if (end === 0 || cells.length - end < 7) return [-1, null];
  const joined = normLabel(cells.slice(0, end).map((c) => c.text).join(''));
  for (let i = 0; i < Math.min(joined.length - 2, 12); i++) {
    const k = t3KeyOf(joined.slice(i));
    if (k) return [end - 1, k];
  }
  return [-1, null];
}

/** Reads `count` cells after index `from` as numbers; records unreadable ones. */
function readValues(cells: GridCell[], from: number, count: number, where: string, problems: string[]): Array<number | null> | null {
  const vals = cells.slice(from, from + count);
  if (vals.length < count) return null;
  return vals.map((cell, i) => {
    const v = readNumber(cell.text);
    if (v.kind === 'number') return v.value;
    if (v.kind === 'text') problems.push(`${where}第 ${i + 1} 个数字“${cell.text.trim().slice(0, 20)}”无法识别，按 0 计。`);
    return null;
  });
}

function extractTable3(grids: Grid[], problems: string[]): { rows: Record<string, Array<number | null>>; format: ReportFormat } | null {
  const rows: Record<string, Array<number | null>> = {};
  for (const grid of grids)
    for (const row of grid) {
      const cells = distinctCells(row);
      let at = -1;
      let key: string | null = null;
      for (let i = 0; i < cells.length; i++) {
        const k = t3KeyOf(cells[i].text);
        if (k) [at, key] = [i, k];
      }
      if (key === null) [at, key] = joinedLabel(cells);
      if (key === null || rows[key]) continue;
      // The 2021 （六）其他处理 group cell has no numbers: only a row with numbers after it is the 2019 row.
      const vals = readValues(cells, at + 1, 7, `表三“${cells[at].text.trim()}”行`, problems);
      if (!vals) continue;
      rows[key] = vals;
    }
  const has2021 = ['6.1', '6.2', '6.3'].some((k) => rows[k]);
  if (!Object.keys(rows).length) return null;
  const format: ReportFormat = has2021 ? '2021' : '2019';
  if (format === '2021') delete rows['6'];
  return { rows, format };
}

function extractTable4(grids: Grid[], problems: string[]): Array<number | null> | null {
  const labels = new Set([...TABLE4_TOP.map((t) => t.label), ...TABLE4_GROUPS, ...TABLE4_CELLS].map(normLabel));
  for (const grid of grids)
    for (let r = 0; r < grid.length; r++) {
      const norms = distinctCells(grid[r]).map((c) => normLabel(c.text));
      if (!norms.includes('行政复议') || !norms.includes('行政诉讼')) continue;
      for (let k = r + 1; k < Math.min(grid.length, r + 14); k++) {
        const cells = distinctCells(grid[k]);
        if (cells.some((c) => labels.has(normLabel(c.text)))) continue;
        const nums = cells.filter((c) => readNumber(c.text).kind !== 'text');
        if (nums.length < 15) continue;
        return readValues(nums, nums.length - 15, 15, '表四', problems);
      }
    }
  return null;
}

function extractTable2(grids: Grid[], problems: string[]): { rows: Record<string, Array<number | null>>; format: ReportFormat } | null {
  const labels = new Map<string, { label: string; count: number; format: ReportFormat }>();
  for (const [format, blocks] of [['2019', TABLE2_2019], ['2021', TABLE2_2021]] as const)
    for (const b of blocks)
      for (const row of b.rows) {
        const prev = labels.get(normLabel(row.label));
        labels.set(normLabel(row.label), { label: row.label, count: Math.max(prev?.count ?? 0, b.columns.length), format });
      }
  const rows: Record<string, Array<number | null>> = {};
  let format: ReportFormat | null = null;
  for (const grid of grids)
    for (const row of grid) {
      const cells = distinctCells(row);
      const at = cells.findIndex((c) => labels.has(normLabel(c.text)));
      if (at < 0) continue;
      const def = labels.get(normLabel(cells[at].text))!;
      if (rows[def.label]) continue;
      const after = cells.slice(at + 1).filter((c) => readNumber(c.text).kind !== 'text');
      if (!after.length) continue;
      const vals = readValues(after, 0, Math.min(after.length, def.count), `表二“${def.label}”行`, problems);
      if (!vals) continue;
      rows[def.label] = vals;
      if (def.label === '行政规范性文件') format = '2021';
      if (def.label === '规范性文件' || def.label === '政府集中采购' || def.label === '其他对外管理服务事项') format ??= '2019';
    }
  if (!Object.keys(rows).length) return null;
  return { rows, format: format ?? (Object.values(rows).some((v) => v.length > 1 && !rows['规章']) ? '2019' : '2021') };
}

/** Finds and reads tables 二, 三 and 四 in the grids of a document. */
export function extractReport(grids: Grid[]): Extracted {
  const problems: string[] = [];
  const t3 = extractTable3(grids, problems);
  const t4 = extractTable4(grids, problems);
  const t2 = extractTable2(grids, problems);
  const format: ReportFormat = t3?.format ?? t2?.format ?? '2021';
  const tables: ReportTables = { format, table2: t2?.rows ?? {}, table3: t3?.rows ?? {}, table4: t4 ?? [] };
  if (t3) {
    const missing = table3Rows(format).filter((r) => !t3.rows[r.key]);
    if (missing.length > 3 && missing.length === table3Rows(format).length) problems.push('表三未找到任何数据行。');
  }
  return { tables, found: { table2: !!t2, table3: !!t3, table4: !!t4 }, table2Format: t2?.format ?? null, problems };
}
