import type { Ctx } from '../platform/context.js';
import type { ReportCell } from './tables-input.rules.js';
import {
  TABLE3_COLUMNS,
  TOTAL_COL,
  emptyTables,
  table3Rows,
  type ReportFormat,
  type ReportTables,
} from './report-format.rules.js';

/** The organisation a report is computed for. */
export interface ReportOrg {
  id: number;
  path: string;
  name: string;
}

/**
 * Where the counts of a report come from. Other capabilities (requests, catalogue, reconsideration
 * records) register one; each function returns counts for the organisation and calendar year, or
 * null when it has nothing to say. Applicant columns are the six of table 三 (no 总计: it is computed).
 */
export interface ReportSource {
  name: string;
  /** Table 三: 'new' (一), 'next' (四) and leaf rows keyed by outcome code ('1', '2', '3.1' … '6.3'): 6 numbers each. */
  table3?(ctx: Ctx, org: ReportOrg, year: number): Promise<Record<string, number[]> | null>;
  /** Table 二: row label → values in the format's column order. */
  table2?(ctx: Ctx, org: ReportOrg, year: number): Promise<Record<string, number[]> | null>;
  /** Table 四: for each of 行政复议, 未经复议直接起诉, 复议后起诉 the 4 counts 结果维持, 结果纠正, 其他结果, 尚未审结. */
  table4?(ctx: Ctx, org: ReportOrg, year: number): Promise<number[][] | null>;
  /**
   * The records counted in one cell, for the console's drill-down (a page of them, with the total), or why
   * the cell has none (a figure entered by hand); null when the cell is not this source's. Runs as the
   * reader: a source refuses (AppError forbidden) when the reader may not see its records.
   */
  records?(
    ctx: Ctx,
    org: ReportOrg,
    year: number,
    cell: ReportCell,
    page: { limit: number; offset: number },
  ): Promise<CellRecords | EnteredCell | null>;
  /** 信息处理费 actually collected in the year, in yuan (for section 六). */
  feesCollected?(ctx: Ctx, org: ReportOrg, year: number): Promise<number | null>;
}

const sources: ReportSource[] = [];

/** Registers a source of counts (once, at start-up). */
export function registerReportSource(s: ReportSource): void {
  if (!sources.some((x) => x.name === s.name)) sources.push(s);
}

/** The registered sources (for display). */
export const reportSources = (): readonly ReportSource[] => sources;

const add = (a: number[], b: number[] | undefined): number[] => a.map((x, i) => x + (b?.[i] ?? 0));

/**
 * Computes a report's tables from the registered sources: sums per cell, 总计 column = the six columns,
 * （七）= the leaf rows; 二 from the sources, else last year's 四; 一 and 四 from the sources, else
 * derived from 一 + 二 = 三（七）+ 四. Without sources, every count is 0.
 */
export async function computeTables(
  ctx: Ctx,
  org: ReportOrg,
  year: number,
  format: ReportFormat,
  previous: ReportTables | null,
): Promise<{ tables: ReportTables; fees: number | null }> {
  const t = emptyTables(format);
  const six = (): number[] => Array.from({ length: TOTAL_COL }, () => 0);
  const acc: Record<string, number[]> = {};
  let fees: number | null = null;
  for (const s of sources) {
    const t3 = await s.table3?.(ctx, org, year);
    for (const [k, v] of Object.entries(t3 ?? {})) {
      const key = format === '2019' && k.startsWith('6.') ? '6' : k;
      acc[key] = add(acc[key] ?? six(), v);
    }
    const t2 = await s.table2?.(ctx, org, year);
    for (const [label, v] of Object.entries(t2 ?? {}))
      if (t.table2[label]) t.table2[label] = t.table2[label].map((x, i) => (x ?? 0) + (v[i] ?? 0));
    const t4 = await s.table4?.(ctx, org, year);
    t4?.forEach((g, gi) => g.slice(0, 4).forEach((x, i) => (t.table4[gi * 5 + i] = (t.table4[gi * 5 + i] ?? 0) + x)));
    const f = await s.feesCollected?.(ctx, org, year);
    if (f !== null && f !== undefined) fees = (fees ?? 0) + f;
  }
  for (let g = 0; g < 3; g++)
    t.table4[g * 5 + 4] = t.table4.slice(g * 5, g * 5 + 4).reduce<number>((a, x) => a + (x ?? 0), 0);
  const withTotal = (v: number[]): number[] => [...v, v.reduce((a, x) => a + x, 0)];
  const leaves = table3Rows(format).filter((r) => r.kind === 'leaf');
  for (const r of leaves) t.table3[r.key] = withTotal(acc[r.key] ?? six());
  t.table3.total = TABLE3_COLUMNS.map((_, c) => leaves.reduce((a, r) => a + (t.table3[r.key][c] ?? 0), 0));
  // 二 from the records when a source counts it (the identity 本年二 = 上年四 then checks it), else last year's 四.
  t.table3.carried = acc.carried
    ? withTotal(acc.carried)
    : previous?.table3.next
      ? previous.table3.next.map((x) => x ?? 0)
      : withTotal(six());
  // 一 + 二 = 三（七）+ 四: a count the sources do not give is derived from the others.
  const closed = (c: number): number => t.table3.total[c] ?? 0;
  const carried = (c: number): number => t.table3.carried[c] ?? 0;
  const newer =
    acc.new ??
    (acc.next
      ? six().map((_, c) => Math.max(0, closed(c) + acc.next![c] - carried(c)))
      : six().map((_, c) => Math.max(0, closed(c) - carried(c))));
  const next = acc.next ?? six().map((_, c) => Math.max(0, newer[c] + carried(c) - closed(c)));
  t.table3.new = withTotal(newer);
  t.table3.next = withTotal(next);
  return { tables: t, fees };
}

/** A page of the records counted in a cell: columns, rows (the first cell is the link text) and the total. */
export interface CellRecords {
  /** What the rows are, e.g. “依申请公开申请”. */
  what: string;
  columns: readonly string[];
  rows: Array<{ href: string; cells: string[] }>;
  total: number;
}

/** A cell not computed from records: why, and where it is entered. */
export interface EnteredCell {
  entered: string;
  href?: string;
}

/** The records behind one cell, from the source that owns it (tables 二, 三 and 四 each have one); null when none does. */
export async function recordsForCell(
  ctx: Ctx,
  org: ReportOrg,
  year: number,
  cell: ReportCell,
  page: { limit: number; offset: number },
): Promise<CellRecords | EnteredCell | null> {
  for (const s of sources) {
    const r = await s.records?.(ctx, org, year, cell, page);
    if (r) return r;
  }
  return null;
}
