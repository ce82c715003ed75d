/**
 * The identities an annual report's tables must satisfy (国办公开办函〔2021〕30号, table 三 header note
 * “第一项加第二项之和，等于第三项加第四项之和”; derived sums, REFERENCE §2.1).
 */
import { TABLE3_COLUMNS, TOTAL_COL, table3Rows, table4CellLabel, type ReportTables } from './report-format.rules.js';

/** Which identity a violation breaks. */
export type IdentityCode = 'balance' | 'row_total' | 'outcome_total' | 'table4_total' | 'carry_over' | 'missing_row';

/** One violated identity, naming the cell it concerns. */
export interface Violation {
  code: IdentityCode;
  table: '三' | '四';
  /** Row label (verbatim) or table-四 group. */
  row: string;
  /** Column label. */
  column: string;
  expected: number;
  actual: number;
  /** The whole finding in Chinese. */
  message: string;
}

/** Short names of the identities, in Chinese. */
export const IDENTITY_NAMES: Record<IdentityCode, string> = {
  balance: '一＋二＝三（七）＋四',
  row_total: '总计列＝六类申请人之和',
  outcome_total: '（七）总计＝各项办理结果之和',
  table4_total: '表四各组总计＝四项之和',
  carry_over: '本年二＝上年四',
  missing_row: '表格完整',
};

const n = (v: number | null | undefined): number => v ?? 0;
const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/** Key of a table-三 cell (row key, column index 0–6), as used in IdentityOptions.unknown. */
export const t3Cell = (key: string, col: number): string => `三:${key}:${col}`;
/** Key of a table-四 cell (index 0–14). */
export const t4Cell = (index: number): string => `四:${index}`;

/**
 * How to treat cells a published report does not give. Without options (reports kept in Gongkai), an
 * absent row is reported as missing and blank cells count as 0. With `unknown` (the checker reading a
 * published file), absent rows and the listed cells are unknown: an identity that uses one is neither
 * held nor broken, so it is skipped and no missing_row is reported (the checker says what is missing).
 */
export interface IdentityOptions {
  unknown?: ReadonlySet<string>;
}

/** A lookup that says whether every cell an identity uses is known. */
function knownCells(t: ReportTables, opts: IdentityOptions | undefined): (cells: string[]) => boolean {
  const unknown = opts?.unknown;
  if (!unknown) return () => true;
  return (cells) =>
    cells.every((k) => {
      if (unknown.has(k)) return false;
      const [table, key, col] = k.split(':');
      return table === '四' ? t.table4[Number(key)] !== undefined : t.table3[key]?.[Number(col)] !== undefined;
    });
}

/**
 * This year's 二、上年结转 = last year's 四、结转下年度继续办理, column by column (REFERENCE §2.1 [D]:
 * the cross-year check). Columns whose cells are unknown this year are skipped.
 */
export function checkCarryOver(
  t: ReportTables,
  previous: Pick<ReportTables, 'table3'>,
  opts?: IdentityOptions,
): Violation[] {
  const out: Violation[] = [];
  const known = knownCells(t, opts);
  const prev = previous.table3.next;
  const b = t.table3.carried;
  if (!prev || !b) return out;
  const label = table3Rows(t.format).find((r) => r.key === 'carried')?.label ?? '二、上年结转政府信息公开申请数量';
  TABLE3_COLUMNS.forEach((col, c) => {
    if (!known([t3Cell('carried', c)]) || n(prev[c]) === n(b[c])) return;
    out.push({
      code: 'carry_over',
      table: '三',
      row: label,
      column: col,
      expected: n(prev[c]),
      actual: n(b[c]),
      message: `表三“二、上年结转政府信息公开申请数量”行“${col}”列应等于上年报告“四、结转下年度继续办理”的 ${fmt(n(prev[c]))}，实为 ${fmt(n(b[c]))}。`,
    });
  });
  return out;
}

/**
 * Checks tables 三 and 四 (and, when last year's report is given, this year's 二 against last year's 四).
 * Blank cells count as 0. Returns [] when the report is consistent. See IdentityOptions for unknown cells.
 */
export function checkIdentities(
  t: ReportTables,
  previous?: Pick<ReportTables, 'table3'> | null,
  opts?: IdentityOptions,
): Violation[] {
  const out: Violation[] = [];
  const rows = table3Rows(t.format);
  const known = knownCells(t, opts);
  const get = (key: string): Array<number | null> | undefined => t.table3[key];
  const label = (key: string): string => rows.find((r) => r.key === key)?.label ?? key;
  const column = (key: string, c: number): string[] => [t3Cell(key, c)];
  const row = (key: string): string[] => TABLE3_COLUMNS.map((_, c) => t3Cell(key, c));

  if (!opts?.unknown)
    for (const r of rows)
      if (!get(r.key))
        out.push({
          code: 'missing_row',
          table: '三',
          row: r.label,
          column: '',
          expected: 0,
          actual: 0,
          message: `表三缺少“${r.label}”行。`,
        });

  // 总计 column = sum of the six applicant columns, every row.
  for (const r of rows) {
    const v = get(r.key);
    if (!v || !known(row(r.key))) continue;
    const sum = v.slice(0, TOTAL_COL).reduce<number>((a, x) => a + n(x), 0);
    if (sum !== n(v[TOTAL_COL]))
      out.push({
        code: 'row_total',
        table: '三',
        row: r.label,
        column: '总计',
        expected: sum,
        actual: n(v[TOTAL_COL]),
        message: `表三“${r.label}”行“总计”列应为 ${fmt(sum)}（六类申请人之和），实为 ${fmt(n(v[TOTAL_COL]))}。`,
      });
  }

  const leaves = rows.filter((r) => r.kind === 'leaf');
  const total = get('total');
  TABLE3_COLUMNS.forEach((col, c) => {
    // （七）总计 = sum of the leaf rows.
    if (total && known([...leaves.map((r) => t3Cell(r.key, c)), t3Cell('total', c)])) {
      const sum = leaves.reduce((a, r) => a + n(get(r.key)?.[c]), 0);
      if (sum !== n(total[c]))
        out.push({
          code: 'outcome_total',
          table: '三',
          row: label('total'),
          column: col,
          expected: sum,
          actual: n(total[c]),
          message: `表三“（七）总计”行“${col}”列应为 ${fmt(sum)}（各项办理结果之和），实为 ${fmt(n(total[c]))}。`,
        });
    }
    // 一 + 二 = 三（七）+ 四.
    const a = get('new'),
      b = get('carried'),
      nx = get('next');
    if (a && b && total && nx && known(['new', 'carried', 'total', 'next'].flatMap((k) => column(k, c)))) {
      const left = n(a[c]) + n(b[c]);
      const right = n(total[c]) + n(nx[c]);
      if (left !== right)
        out.push({
          code: 'balance',
          table: '三',
          row: '一＋二＝三（七）＋四',
          column: col,
          expected: left,
          actual: right,
          message: `表三“${col}”列：一、本年新收（${fmt(n(a[c]))}）加二、上年结转（${fmt(n(b[c]))}）为 ${fmt(left)}，应等于三（七）总计（${fmt(n(total[c]))}）加四、结转下年度（${fmt(n(nx[c]))}），实为 ${fmt(right)}。`,
        });
    }
  });
  if (previous) out.push(...checkCarryOver(t, previous, opts));

  // Table 四: each group's 总计 = its four cells.
  for (let g = 0; g < 3; g++) {
    if (!known([0, 1, 2, 3, 4].map((i) => t4Cell(g * 5 + i)))) continue;
    const cells = t.table4.slice(g * 5, g * 5 + 5);
    const sum = cells.slice(0, 4).reduce<number>((a, x) => a + n(x), 0);
    const [group] = table4CellLabel(g * 5 + 4).split('·');
    if (sum !== n(cells[4]))
      out.push({
        code: 'table4_total',
        table: '四',
        row: group,
        column: '总计',
        expected: sum,
        actual: n(cells[4]),
        message: `表四“${group}”的“总计”应为 ${fmt(sum)}（结果维持、结果纠正、其他结果、尚未审结之和），实为 ${fmt(n(cells[4]))}。`,
      });
  }
  return out;
}
