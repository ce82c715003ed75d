/** Maps an identity violation (REFERENCE §2.1) to the form field of the cell it concerns. */
import type { Violation } from './identities.rules.js';
import { TABLE3_COLUMNS, TABLE4_GROUPS, table3Rows, type ReportFormat } from './report-format.rules.js';
import { t3Field, t4Field } from './tables-input.rules.js';

/** The form field of the cell a violation names (the 总计 cell, the carried-over cell …), or undefined. */
export function violationField(v: Violation, format: ReportFormat): string | undefined {
  if (v.table === '四') {
    const g = TABLE4_GROUPS.indexOf(v.row as (typeof TABLE4_GROUPS)[number]);
    return g >= 0 ? t4Field(g * 5 + 4) : undefined;
  }
  const c = TABLE3_COLUMNS.indexOf(v.column as (typeof TABLE3_COLUMNS)[number]);
  if (c < 0) return undefined;
  if (v.code === 'balance') return t3Field('next', c);
  const row = table3Rows(format).find((r) => r.label === v.row);
  return row ? t3Field(row.key, c) : undefined;
}
