/**
 * The jurisdiction summary (the supervising office adds up all agencies' tables, 条例第四十九条第二款 /
 * 国办公开办函〔2021〕30号 same layout): cell-wise sums of reports of one format.
 */
import { emptyTables, type ReportFormat, type ReportTables } from './report-format.rules.js';

/** Adds up tables of the same format cell by cell (blank = 0); reports of another format are skipped. */
export function sumTables(
  format: ReportFormat,
  list: readonly ReportTables[],
): { tables: ReportTables; counted: number } {
  const out = emptyTables(format);
  let counted = 0;
  const add = (a: Array<number | null>, b: Array<number | null> | undefined): Array<number | null> =>
    a.map((x, i) => Math.round(((x ?? 0) + (b?.[i] ?? 0)) * 10_000) / 10_000);
  for (const t of list) {
    if (t.format !== format) continue;
    counted++;
    for (const k of Object.keys(out.table2)) out.table2[k] = add(out.table2[k], t.table2[k]);
    for (const k of Object.keys(out.table3)) out.table3[k] = add(out.table3[k], t.table3[k]);
    out.table4 = add(out.table4, t.table4);
  }
  return { tables: out, counted };
}
