/**
 * Finds tables 二, 三 and 四 of an annual report (国办公开办函〔2021〕30号 or 〔2019〕60号 format,
 * REFERENCE §2.1–2.2) in the tables of a published document and reads their numbers. The document is
 * read as one sequence of rows (every table and text line in order), so a table continued on the next
 * page, or a text layer whose rows are lines, reads the same as one HTML table.
 */
import {
  TABLE2_2019,
  TABLE2_2021,
  TABLE3_COLUMNS,
  TABLE4_CELLS,
  TABLE4_GROUPS,
  TABLE4_TOP,
  table3Rows,
  type ReportFormat,
  type ReportTables,
} from '../report-format.rules.js';
import { t3Cell, t4Cell } from '../identities.rules.js';
import { distinctCells, normLabel, readNumber, type Grid, type GridCell } from './grid.rules.js';
import { alignTable3, labelSimilarity, type FigureRow } from './table3-align.rules.js';

/** What was found in a document. */
export interface Extracted {
  /** Rows of table 三 not found are absent; blank cells and unreadable cells are null. */
  tables: ReportTables;
  found: { table2: boolean; table3: boolean; table4: boolean };
  /** Format of table 二 when found (a report may mix: 2021 table 二 with a 2019-style table 三). */
  table2Format: ReportFormat | null;
  /** Cells that hold something other than a number (t3Cell/t4Cell keys): the identities using them are undecided. */
  unknown: string[];
  /** Labels of the official table-三 rows with no figures in the document. */
  missingRows: string[];
  /** What could not be read, in Chinese. */
  problems: string[];
}

type Line = GridCell[];

const CJK = /[\u3400-\u9fff]/g;
/** A cell that stands where a figure should: a number, a blank, or short text with a digit (“10件”). */
const figureLike = (text: string): boolean => {
  if (readNumber(text).kind !== 'text') return true;
  return /\d/.test(text) && text.trim().length <= 8 && (text.match(CJK)?.length ?? 0) <= 1;
};
const isNumber = (text: string): boolean => readNumber(text).kind === 'number';
const hasText = (line: Line): boolean => line.some((c) => readNumber(c.text).kind === 'text');

/** Number of figure-like cells at the end of a line. */
function trailing(line: Line): number {
  let k = 0;
  while (k < line.length && figureLike(line[line.length - 1 - k].text)) k++;
  return k;
}

/** Reads cells as numbers; cells that are not numbers go to `unknown` with a problem. */
function readCells(
  cells: Line,
  keys: string[],
  where: (i: number) => string,
  unknown: string[],
  problems: string[],
): Array<number | null> {
  return cells.map((cell, i) => {
    const v = readNumber(cell.text);
    if (v.kind === 'number') return v.value;
    if (v.kind === 'text') {
      unknown.push(keys[i]);
      problems.push(`${where(i)}“${cell.text.trim().slice(0, 20)}”不是数字，无法核对。`);
    }
    return null;
  });
}

const LABEL_LINES = 2;

/** A table-三 row of figures: 7 figure cells at the end (a few more are blank cells of a wide grid). */
const isFigureRow = (line: Line): boolean => {
  const k = trailing(line);
  return k >= 7 && k <= 9 && (line.slice(-7).some((c) => isNumber(c.text)) || line.length > k);
};

/** Candidate label texts of the figure row at `at`: its text cells, and joined with label-only lines around it. */
function labelTexts(lines: Line[], at: number): string[] {
  const line = lines[at];
  const own = line
    .slice(0, line.length - 7)
    .map((c) => c.text)
    .filter((t) => t.trim() && readNumber(t).kind === 'text');
  const labelOnly = (l: Line | undefined): boolean => !!l && hasText(l) && !l.some((c) => isNumber(c.text));
  const before: string[] = [];
  for (let i = at - 1; i >= 0 && before.length < LABEL_LINES && labelOnly(lines[i]); i--)
    before.unshift(lines[i].map((c) => c.text).join(''));
  const after: string[] = [];
  for (let i = at + 1; i < lines.length && after.length < LABEL_LINES && labelOnly(lines[i]); i++)
    after.push(lines[i].map((c) => c.text).join(''));
  const joined = own.join('');
  const texts = new Set(own);
  for (let a = 0; a <= before.length; a++)
    for (let b = 0; b <= after.length; b++)
      texts.add(before.slice(before.length - a).join('') + joined + after.slice(0, b).join(''));
  texts.delete('');
  return [...texts];
}

const NEW_LABEL = '一、本年新收政府信息公开申请数量';
const NEXT_LABEL = '四、结转下年度继续办理';

function extractTable3(
  lines: Line[],
  prefer: ReportFormat,
  unknown: string[],
  problems: string[],
): { rows: Record<string, Array<number | null>>; format: ReportFormat; missing: string[] } | null {
  let at = lines.map((l, i) => (isFigureRow(l) ? i : -1)).filter((i) => i >= 0);
  if (!at.length) return null;
  const texts = new Map(at.map((i) => [i, labelTexts(lines, i)]));
  const best = (i: number, label: string): number =>
    Math.max(0, ...texts.get(i)!.map((t) => labelSimilarity(t, label)));
  // Keep to the table: from the row most like 一、本年新收 to the row most like 四、结转下年度 after it.
  const start = at.find((i) => best(i, NEW_LABEL) >= 0.6);
  if (start !== undefined) at = at.filter((i) => i >= start);
  const end = [...at].reverse().find((i) => best(i, NEXT_LABEL) >= 0.6);
  if (end !== undefined) at = at.filter((i) => i <= end);
  const figureRows: FigureRow[] = at.map((i) => ({ texts: texts.get(i)! }));
  const { format, rows: picked, missing } = alignTable3(figureRows, prefer);
  if (picked.size < 5) return null;
  const rows: Record<string, Array<number | null>> = {};
  for (const r of table3Rows(format)) {
    const k = picked.get(r.key);
    if (k === undefined) continue;
    rows[r.key] = readCells(
      lines[at[k]].slice(-7),
      TABLE3_COLUMNS.map((_, c) => t3Cell(r.key, c)),
      (c) => `表三“${r.label}”行“${TABLE3_COLUMNS[c]}”列`,
      unknown,
      problems,
    );
  }
  return { rows, format, missing: missing.map((r) => r.label) };
}

const TABLE4_LABELS = new Set([...TABLE4_TOP.map((t) => t.label), ...TABLE4_GROUPS, ...TABLE4_CELLS].map(normLabel));

function extractTable4(lines: Line[], unknown: string[], problems: string[]): Array<number | null> | null {
  const has = (l: Line | undefined, word: string): boolean => !!l?.some((c) => normLabel(c.text).includes(word));
  for (let r = 0; r < lines.length; r++) {
    if (!has(lines[r], '行政复议') || ![0, 1, 2, 3].some((d) => has(lines[r + d], '行政诉讼'))) continue;
    for (let k = r + 1; k < Math.min(lines.length, r + 14); k++) {
      const line = lines[k];
      if (line.some((c) => TABLE4_LABELS.has(normLabel(c.text)))) continue;
      const n = trailing(line);
      if (line.slice(-n).filter((c) => isNumber(c.text)).length < 5) continue;
      let cells = line.slice(-n);
      if (n > 15 && cells.filter((c) => isNumber(c.text)).length === 15) cells = cells.filter((c) => isNumber(c.text));
      if (cells.length !== 15) {
        problems.push(`表四的数字行有 ${cells.length} 个单元格（应为 15 个），无法对应到各栏。`);
        return null;
      }
      return readCells(
        cells,
        cells.map((_, i) => t4Cell(i)),
        (i) => `表四“${TABLE4_GROUPS[Math.floor(i / 5)]}·${TABLE4_CELLS[i % 5]}”`,
        unknown,
        problems,
      );
    }
  }
  return null;
}

function extractTable2(
  lines: Line[],
  problems: string[],
): { rows: Record<string, Array<number | null>>; format: ReportFormat } | null {
  const labels = new Map<string, { label: string; count: number; format: ReportFormat }>();
  for (const [format, blocks] of [
    ['2019', TABLE2_2019],
    ['2021', TABLE2_2021],
  ] as const)
    for (const b of blocks)
      for (const row of b.rows) {
        const prev = labels.get(normLabel(row.label));
        labels.set(normLabel(row.label), {
          label: row.label,
          count: Math.max(prev?.count ?? 0, b.columns.length),
          format,
        });
      }
  const rows: Record<string, Array<number | null>> = {};
  let format: ReportFormat | null = null;
  lines.forEach((cells, i) => {
    const at = cells.findIndex((c) => labels.has(normLabel(c.text)));
    if (at < 0) return;
    const def = labels.get(normLabel(cells[at].text))!;
    if (rows[def.label]) return;
    // A label alone on its line (a text layer) has its figures on the next line.
    let after = cells.slice(at + 1).filter((c) => figureLike(c.text));
    if (!after.length && at === cells.length - 1 && lines[i + 1]?.every((c) => figureLike(c.text)))
      after = lines[i + 1];
    if (!after.length) return;
    const vals = after.slice(0, def.count).map((c) => {
      const v = readNumber(c.text);
      if (v.kind === 'text') problems.push(`表二“${def.label}”行的“${c.text.trim().slice(0, 20)}”不是数字。`);
      return v.kind === 'number' ? v.value : null;
    });
    rows[def.label] = vals;
    if (def.label === '行政规范性文件') format = '2021';
    if (def.label === '规范性文件' || def.label === '政府集中采购' || def.label === '其他对外管理服务事项')
      format ??= '2019';
  });
  if (!Object.keys(rows).length) return null;
  return { rows, format: format ?? (Object.values(rows).some((v) => v.length > 1 && !rows['规章']) ? '2019' : '2021') };
}

/** Finds and reads tables 二, 三 and 四 in the grids of a document. */
export function extractReport(grids: Grid[]): Extracted {
  const lines = grids.flatMap((g) => g.map((row) => distinctCells(row))).filter((l) => l.some((c) => c.text.trim()));
  const problems: string[] = [];
  const unknown: string[] = [];
  const t2 = extractTable2(lines, problems);
  const t3 = extractTable3(lines, t2?.format ?? '2021', unknown, problems);
  const t4 = extractTable4(lines, unknown, problems);
  const format: ReportFormat = t3?.format ?? t2?.format ?? '2021';
  const tables: ReportTables = { format, table2: t2?.rows ?? {}, table3: t3?.rows ?? {}, table4: t4 ?? [] };
  return {
    tables,
    found: { table2: !!t2, table3: !!t3, table4: !!t4 },
    table2Format: t2?.format ?? null,
    unknown,
    missingRows: t3?.missing ?? [],
    problems,
  };
}
