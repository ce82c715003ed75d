/**
 * Rows of an imported 任务分解表, pure: header mapping, date normalisation, per-row validation with
 * Chinese messages naming the row. All-or-nothing: the caller saves only when no row has an error.
 */
import type { FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { validateTask, type TaskFields } from './tasks.rules.js';

/** Column headers of the table (export and import). */
export const TASK_COLUMNS = [
  '序号',
  '年度',
  '类别',
  '任务内容',
  '责任单位',
  '责任科室',
  '完成时限',
  '佐证材料要求',
  '状态',
  '是否逾期',
] as const;
/** Columns an import must have. */
export const REQUIRED_IMPORT_COLUMNS = ['类别', '任务内容', '责任单位', '完成时限', '佐证材料要求'] as const;

/** 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日 → 2026-06-30; anything else → null. */
export function normaliseDate(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** Finds the index of each known header in the header row; reports missing required columns. */
export function mapHeader(header: readonly string[]): { index: Record<string, number>; errors: FieldError[] } {
  const index: Record<string, number> = {};
  header.forEach((h, i) => {
    const k = h.replace(/\s+/g, '');
    if ((TASK_COLUMNS as readonly string[]).includes(k) && index[k] === undefined) index[k] = i;
  });
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => index[c] === undefined);
  return {
    index,
    errors: missing.length
      ? [{ code: 'import_columns_missing', message: `表头缺少以下列：${missing.join('、')}。`, field: 'file' }]
      : [],
  };
}

/** An org the import may name: the agencies of the jurisdiction (name and short name). */
export interface NamedOrg {
  id: number;
  name: string;
  shortName: string | null;
  parentId: number | null;
}

/** Validates every data row; returns fields for all rows, or every row's errors (第 N 行：…). */
export function parseTaskRows(
  rows: ReadonlyArray<{ rowNumber: number; cells: readonly string[] }>,
  index: Record<string, number>,
  year: number,
  orgs: readonly NamedOrg[],
): { tasks: TaskFields[]; errors: FieldError[] } {
  const byName = new Map<string, NamedOrg[]>();
  for (const o of orgs)
    for (const n of new Set([o.name, o.shortName].filter((x): x is string => !!x)))
      byName.set(n, [...(byName.get(n) ?? []), o]);
  const tasks: TaskFields[] = [];
  const errors: FieldError[] = [];
  const cell = (r: readonly string[], col: string) => (index[col] === undefined ? '' : (r[index[col]] ?? '').trim());
  for (const { rowNumber, cells } of rows) {
    if (cells.every((c) => !c.trim())) continue;
    const rowErrors: string[] = [];
    const respName = cell(cells, '责任单位');
    const resp = byName.get(respName);
    if (respName && !resp) rowErrors.push(`责任单位“${respName}”不在本级管辖范围内`);
    else if (resp && resp.length > 1) rowErrors.push(`责任单位“${respName}”有重名，请填写全称`);
    const depName = cell(cells, '责任科室');
    const dep = depName ? (byName.get(depName) ?? []).find((o) => o.parentId === resp?.[0]?.id) : undefined;
    if (depName && resp?.length === 1 && !dep) rowErrors.push(`责任科室“${depName}”不是${respName}的内设机构`);
    const rawDeadline = cell(cells, '完成时限');
    const deadline = normaliseDate(rawDeadline);
    if (rawDeadline && !deadline) rowErrors.push(`完成时限“${rawDeadline}”不是有效日期（如 2026-06-30）`);
    const v = validateTask({
      year,
      category: cell(cells, '类别'),
      content: cell(cells, '任务内容'),
      responsibleOrgId: resp?.length === 1 ? resp[0].id : respName ? -1 : null,
      departmentOrgId: dep?.id ?? null,
      deadline: deadline ?? (rawDeadline ? '2000-01-01' : ''),
      evidenceRequired: cell(cells, '佐证材料要求'),
    });
    for (const e of v.errors)
      if (!(e.field === 'responsibleOrgId' && respName) && !(e.field === 'deadline' && rawDeadline))
        rowErrors.push(e.message.replace(/。$/, ''));
    if (rowErrors.length)
      errors.push({
        code: 'import_row_invalid',
        message: `第 ${rowNumber} 行：${rowErrors.join('；')}。`,
        field: 'file',
      });
    else if (v.fields) tasks.push(v.fields);
  }
  if (!errors.length && !tasks.length)
    errors.push({ code: 'import_empty', message: '表格中没有任务数据。', field: 'file' });
  return { tasks, errors };
}
