/**
 * Reading report numbers typed into the console or sent to the API (format of 国办公开办函〔2021〕30号,
 * REFERENCE §2.1): every cell a non-negative integer (the 收费金额 and 采购金额 may be decimal; 2019
 * “本年增/减” may be negative); a blank cell is 0.
 */
import type { FieldError } from '../platform/errors.js';
import {
  TABLE2_2019,
  TABLE2_2021,
  TABLE3_COLUMNS,
  emptyTables,
  table3Rows,
  table4CellLabel,
  type ReportFormat,
  type ReportTables,
} from './report-format.rules.js';

/** Form field name of a table-三 cell. */
export const t3Field = (key: string, c: number): string => `t3_${key.replace('.', '_')}_${c}`;
/** Form field name of a table-四 cell. */
export const t4Field = (i: number): string => `t4_${i}`;
/** Form field name of a table-二 cell (row index within the format, column). */
export const t2Field = (row: number, c: number): string => `t2_${row}_${c}`;

/** Rows of table 二 of a format, flattened, with their decimal/negative rules. */
export function table2RowsOf(
  format: ReportFormat,
): Array<{ label: string; columns: readonly string[]; decimal: boolean; signed: boolean }> {
  return (format === '2021' ? TABLE2_2021 : TABLE2_2019).flatMap((b) =>
    b.rows.map((r) => ({
      label: r.label,
      columns: b.columns,
      decimal: !!r.decimal || b.columns.some((c) => c.includes('金额')),
      signed: b.columns.includes('本年增/减'),
    })),
  );
}

function readCell(raw: string | undefined, opts: { decimal?: boolean; signed?: boolean }): number | 'bad' {
  const t = (raw ?? '').normalize('NFKC').trim();
  if (t === '' || t === '—' || t === '-') return 0;
  const re = opts.decimal ? /^\d+(\.\d{1,4})?$/ : opts.signed ? /^[+-]?\d+$/ : /^\d+$/;
  if (!re.test(t) || t.length > 12) return 'bad';
  return Number(t);
}

/**
 * Reads the three tables from form fields (t2_…, t3_…, t4_…). The 总计 column and row （七） are taken as
 * typed (the identities then check them). Bad cells → errors naming the cell in Chinese.
 */
export function parseTablesInput(
  format: ReportFormat,
  get: (field: string) => string | undefined,
): { tables: ReportTables | null; errors: FieldError[] } {
  const t = emptyTables(format);
  const errors: FieldError[] = [];
  table2RowsOf(format).forEach((r, i) => {
    t.table2[r.label] = r.columns.map((col, c) => {
      const v = readCell(get(t2Field(i, c)), r);
      if (v === 'bad') {
        errors.push({
          code: 'cell_invalid',
          field: t2Field(i, c),
          message: `表二“${r.label}”行“${col}”列应为${r.decimal ? '数字（可带小数）' : r.signed ? '整数' : '非负整数'}。`,
        });
        return 0;
      }
      return v;
    });
  });
  for (const r of table3Rows(format))
    t.table3[r.key] = TABLE3_COLUMNS.map((col, c) => {
      const v = readCell(get(t3Field(r.key, c)), {});
      if (v === 'bad') {
        errors.push({
          code: 'cell_invalid',
          field: t3Field(r.key, c),
          message: `表三“${r.label}”行“${col}”列应为非负整数。`,
        });
        return 0;
      }
      return v;
    });
  t.table4 = t.table4.map((_, i) => {
    const v = readCell(get(t4Field(i)), {});
    if (v === 'bad') {
      errors.push({ code: 'cell_invalid', field: t4Field(i), message: `表四“${table4CellLabel(i)}”应为非负整数。` });
      return 0;
    }
    return v;
  });
  return { tables: errors.length ? null : t, errors };
}

/** Checks a ReportTables value from JSON (API, database): shape and cell types. */
export function validTablesShape(x: unknown): x is ReportTables {
  if (!x || typeof x !== 'object') return false;
  const t = x as Partial<ReportTables>;
  if (t.format !== '2021' && t.format !== '2019') return false;
  const numOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));
  if (!Array.isArray(t.table4) || t.table4.length !== 15 || !t.table4.every(numOrNull)) return false;
  if (!t.table3 || typeof t.table3 !== 'object') return false;
  for (const r of table3Rows(t.format)) {
    const v = t.table3[r.key];
    if (!Array.isArray(v) || v.length !== 7 || !v.every(numOrNull)) return false;
  }
  return !!t.table2 && typeof t.table2 === 'object';
}

/** One numeric cell of a report, from its field name. */
export type ReportCell =
  | { table: '二'; label: string; col: number }
  | { table: '三'; key: string; col: number }
  | { table: '四'; index: number };

/** Reads a field name (t2_<row>_<col>, t3_<key>_<col>, t4_<i>) as a cell of a format's tables; null when there is no such cell. */
export function reportCellOf(field: string, format: ReportFormat): ReportCell | null {
  let m = /^t2_(\d+)_(\d+)$/.exec(field);
  if (m) {
    const r = table2RowsOf(format)[Number(m[1])];
    return r && Number(m[2]) < r.columns.length ? { table: '二', label: r.label, col: Number(m[2]) } : null;
  }
  m = /^t3_([a-z0-9_]+)_(\d)$/.exec(field);
  if (m) {
    const row = table3Rows(format).find((r) => t3Field(r.key, 0) === `t3_${m![1]}_0`);
    return row && Number(m[2]) < TABLE3_COLUMNS.length ? { table: '三', key: row.key, col: Number(m[2]) } : null;
  }
  m = /^t4_(\d+)$/.exec(field);
  return m && Number(m[1]) < 15 ? { table: '四', index: Number(m[1]) } : null;
}

/** True when two reports hold the same numbers (a blank cell equals 0): saving text alone keeps a computed report computed. */
export function sameNumbers(a: ReportTables, b: ReportTables): boolean {
  const flat = (t: ReportTables): string =>
    JSON.stringify(
      [
        t.format,
        Object.entries(t.table2).sort(([x], [y]) => x.localeCompare(y)),
        Object.entries(t.table3).sort(([x], [y]) => x.localeCompare(y)),
        t.table4,
      ],
      (_k, v: unknown) => (v === null ? 0 : v),
    );
  return flat(a) === flat(b);
}
