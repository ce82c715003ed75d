import {
  TABLE2_2019,
  TABLE2_2021,
  TABLE2_LABEL_HEADER,
  TABLE3_APPLICANT_HEADER,
  TABLE3_COLUMNS,
  TABLE3_LEGAL_GROUP,
  TABLE3_NOTE,
  TABLE3_RESULT_GROUP,
  TABLE4_CELLS,
  TABLE4_GROUPS,
  TABLE4_TOP,
  SECTION_TITLES,
  resultGroupSpan,
  table4CellLabel,
  table3Rows,
  type ReportTables,
} from './report-format.rules.js';
import { t2Field, t3Field, t4Field } from './tables-input.rules.js';

/** One source cell of an official table: a label or a number, with its merge. */
export interface LayoutCell {
  text: string;
  /** True for numeric data cells (right-aligned, written as numbers). */
  numeric?: boolean;
  value?: number | null;
  header?: boolean;
  /** Form field name of a numeric cell (t2_…, t3_…, t4_…). */
  name?: string;
  /** Accessible name of a numeric cell, e.g. “表三 1.属于国家秘密 自然人”. */
  aria?: string;
  rs?: number;
  cs?: number;
}

/** One of the three tables, as rows of source cells (HTML-like rowspan/colspan). */
export interface LayoutTable {
  title: string;
  /** Grid width. */
  width: number;
  rows: LayoutCell[][];
}

const label = (text: string, o: Partial<LayoutCell> = {}): LayoutCell => ({ text, ...o });
const head = (text: string, o: Partial<LayoutCell> = {}): LayoutCell => ({ text, header: true, ...o });
const val = (v: number | null | undefined, o: Partial<LayoutCell> = {}): LayoutCell => ({
  text: v === null || v === undefined ? '' : String(v),
  numeric: true,
  value: v ?? null,
  ...o,
});

/** Table 二: caption rows spanning the grid, then header and data rows per block. */
export function table2Layout(t: ReportTables): LayoutTable {
  const blocks = t.format === '2021' ? TABLE2_2021 : TABLE2_2019;
  const width = Math.max(...blocks.map((b) => b.columns.length)) + 1;
  const rows: LayoutCell[][] = [];
  let n2 = 0;
  for (const b of blocks) {
    const cs = (i: number): number => (i === b.columns.length - 1 ? width - b.columns.length : 1);
    rows.push([head(b.caption, { cs: width })]);
    rows.push([head(TABLE2_LABEL_HEADER), ...b.columns.map((c, i) => head(c, { cs: cs(i) }))]);
    for (const r of b.rows) {
      const idx = n2++;
      rows.push([
        label(r.label),
        ...b.columns.map((_, i) =>
          val(t.table2[r.label]?.[i], { cs: cs(i), name: t2Field(idx, i), aria: `表二 ${r.label} ${b.columns[i]}` }),
        ),
      ]);
    }
  }
  return { title: SECTION_TITLES[1], width, rows };
}

/** Table 三: three header rows, the 三 cell spanning 22 (2021) or 20 (2019) rows, group cells beside leaves. */
export function table3Layout(t: ReportTables): LayoutTable {
  const all = table3Rows(t.format);
  const rows: LayoutCell[][] = [
    [head(TABLE3_NOTE, { rs: 3, cs: 3 }), head(TABLE3_APPLICANT_HEADER, { cs: 7 })],
    [head('自然人', { rs: 2 }), head(TABLE3_LEGAL_GROUP, { cs: 5 }), head('总计', { rs: 2 })],
    TABLE3_COLUMNS.slice(1, 6).map((c) => head(c)),
  ];
  const seen = new Set<string>();
  let first = true;
  for (const r of all) {
    const lead: LayoutCell[] = [];
    if (r.kind === 'new' || r.kind === 'carried' || r.kind === 'next') lead.push(label(r.label, { cs: 3 }));
    else {
      if (first) lead.push(label(TABLE3_RESULT_GROUP, { rs: resultGroupSpan(t.format) }));
      first = false;
      if (r.group) {
        if (!seen.has(r.group)) lead.push(label(r.group, { rs: all.filter((x) => x.group === r.group).length }));
        seen.add(r.group);
        lead.push(label(r.label));
      } else lead.push(label(r.label, { cs: 2 }));
    }
    rows.push([
      ...lead,
      ...TABLE3_COLUMNS.map((_, c) =>
        val(t.table3[r.key]?.[c], { name: t3Field(r.key, c), aria: `表三 ${r.label} ${TABLE3_COLUMNS[c]}` }),
      ),
    ]);
  }
  return { title: SECTION_TITLES[2], width: 10, rows };
}

/** Table 四: 行政复议 (5) and 行政诉讼 (10) with merged header cells, one data row of 15. */
export function table4Layout(t: ReportTables): LayoutTable {
  return {
    title: SECTION_TITLES[3],
    width: 15,
    rows: [
      TABLE4_TOP.map((g) => head(g.label, { cs: g.span })),
      [...TABLE4_CELLS.map((c) => head(c, { rs: 2 })), ...TABLE4_GROUPS.slice(1).map((g) => head(g, { cs: 5 }))],
      [...TABLE4_CELLS, ...TABLE4_CELLS].map((c) => head(c)),
      Array.from({ length: 15 }, (_, i) => val(t.table4[i], { name: t4Field(i), aria: `表四 ${table4CellLabel(i)}` })),
    ],
  };
}

/** The three tables in order. */
export const reportLayouts = (t: ReportTables): LayoutTable[] => [table2Layout(t), table3Layout(t), table4Layout(t)];

/** Places source cells on a grid: [row, col] of each cell's top-left position. */
export function placeCells(rows: LayoutCell[][]): Array<{ cell: LayoutCell; r: number; c: number }> {
  const taken = new Set<string>();
  const out: Array<{ cell: LayoutCell; r: number; c: number }> = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r},${c}`)) c++;
      out.push({ cell, r, c });
      for (let i = 0; i < (cell.rs ?? 1); i++) for (let j = 0; j < (cell.cs ?? 1); j++) taken.add(`${r + i},${c + j}`);
      c += cell.cs ?? 1;
    }
  });
  return out;
}
