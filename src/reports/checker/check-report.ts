import path from 'node:path';
import { checkIdentities, type Violation } from '../identities.rules.js';
import { FORMAT_NAMES, type ReportFormat, type ReportTables } from '../report-format.rules.js';
import { extractReport } from './extract.rules.js';
import { readFileBytes, readGrids, UnreadableReport, type DocKind } from './read-grids.js';
import { reportOrigin } from './report-origin.rules.js';
import { verdictOf, verdictSummary, type Verdict } from './verdict.rules.js';

/** The result of checking one report file. */
export interface CheckResult {
  file: string;
  verdict: Verdict;
  kind?: DocKind;
  format?: ReportFormat;
  /** A remark on the format, e.g. a 2021 table 二 with a 2019-style table 三. */
  formatNote?: string;
  /** Agency and year read from the title (null when they could not be told). */
  agency: string | null;
  year: number | null;
  found: { table2: boolean; table3: boolean; table4: boolean };
  tables?: ReportTables;
  /** Cells that are not numbers (identities.rules t3Cell/t4Cell keys). */
  unknown: string[];
  /** Broken identities: table, row, column, expected and actual. */
  violations: Violation[];
  /** What is missing or unreadable, in Chinese: why (part of) the report cannot be judged. */
  missing: string[];
  /** Remarks that do not change the verdict, in Chinese. */
  notes: string[];
  /** One-line summary in Chinese. */
  summary: string;
}

const NONE = { table2: false, table3: false, table4: false };

/** The result for a file that could not be read at all: 无法判断, with the reason. */
export function unreadable(file: string, reason: string): CheckResult {
  const base = {
    file,
    agency: null,
    year: null,
    found: NONE,
    unknown: [],
    violations: [],
    missing: [reason],
    notes: [],
  };
  return { ...base, verdict: 'undetermined', summary: verdictSummary('undetermined', base) };
}

/**
 * Checks a published annual report (PDF, HTML, DOCX, XLSX or tab-separated text) against the identities
 * of REFERENCE §2.1. The verdict is 一致, 有误 (each broken identity with its cell) or 无法判断 (with what
 * is missing). Never throws for bad input.
 */
export async function checkReportBytes(
  buf: Buffer,
  file: string,
  previous?: Pick<ReportTables, 'table3'> | null,
): Promise<CheckResult> {
  let doc;
  try {
    doc = await readGrids(buf, path.basename(file));
  } catch (e) {
    return unreadable(file, e instanceof UnreadableReport ? e.message : '文件无法读取：内容已损坏或格式不正确。');
  }
  const { kind, grids, lead, notes } = doc;
  const origin = reportOrigin(lead, file);
  const ex = extractReport(grids);
  const missing: string[] = [];
  if (!grids.length) missing.push('文件中没有表格。');
  else {
    if (!ex.found.table3) missing.push('未找到表三（收到和处理政府信息公开申请情况）。');
    if (!ex.found.table4 && !ex.problems.some((p) => p.startsWith('表四')))
      missing.push('未找到表四（政府信息公开行政复议、行政诉讼情况）。');
  }
  missing.push(...ex.missingRows.map((label) => `表三缺少“${label}”行。`), ...ex.problems);
  // A scanned page explains a missing table; otherwise it is only a remark.
  if (missing.length) missing.push(...notes);
  const remarks = missing.length ? [] : [...notes];
  if (!ex.found.table2 && (ex.found.table3 || ex.found.table4))
    remarks.push('未找到表二（主动公开政府信息情况），表二不参与勾稽关系核对。');
  const t = ex.tables;
  const found = ex.found.table3 || ex.found.table4;
  const violations = found ? checkIdentities(t, previous, { unknown: new Set(ex.unknown) }) : [];
  const format = found ? t.format : undefined;
  const formatNote =
    ex.table2Format && ex.found.table3 && ex.table2Format !== t.format
      ? `表二为${FORMAT_NAMES[ex.table2Format]}，表三为${FORMAT_NAMES[t.format]}（（六）其他处理${t.format === '2019' ? '单行' : '分三项'}）。`
      : undefined;
  const parts = {
    file,
    kind,
    format,
    formatNote,
    ...origin,
    found: ex.found,
    unknown: ex.unknown,
    violations,
    missing,
    notes: remarks,
  };
  const verdict = verdictOf(parts);
  return { ...parts, verdict, tables: found ? t : undefined, summary: verdictSummary(verdict, parts) };
}

/** Checks a report file on disk (see checkReportBytes). */
export async function checkReportFile(
  file: string,
  previous?: Pick<ReportTables, 'table3'> | null,
): Promise<CheckResult> {
  try {
    return await checkReportBytes(await readFileBytes(file), file, previous);
  } catch (e) {
    return unreadable(file, e instanceof UnreadableReport ? e.message : '文件无法打开。');
  }
}
