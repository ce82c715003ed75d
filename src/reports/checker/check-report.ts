import path from 'node:path';
import { checkIdentities, type Violation } from '../identities.rules.js';
import { FORMAT_NAMES, type ReportFormat, type ReportTables } from '../report-format.rules.js';
import { extractReport } from './extract.rules.js';
import { readFileBytes, readGrids, UnreadableReport, type DocKind } from './read-grids.js';

/** The verdict on one report file. */
export type CheckStatus = 'consistent' | 'inconsistent' | 'incomplete' | 'unreadable';

/** Status names shown to users. */
export const STATUS_NAMES: Record<CheckStatus, string> = {
  consistent: '勾稽关系一致',
  inconsistent: '勾稽关系有误',
  incomplete: '表格不完整',
  unreadable: '无法读取',
};

/** The result of checking one report. */
export interface CheckResult {
  file: string;
  status: CheckStatus;
  kind?: DocKind;
  format?: ReportFormat;
  /** A remark on the format, e.g. a 2021 table 二 with a 2019-style table 三. */
  formatNote?: string;
  found: { table2: boolean; table3: boolean; table4: boolean };
  tables?: ReportTables;
  violations: Violation[];
  /** Unreadable cells, missing tables, the reason a file is unreadable: in Chinese. */
  problems: string[];
  /** One-line summary in Chinese. */
  summary: string;
}

const NONE = { table2: false, table3: false, table4: false };

/**
 * Checks a published annual report (HTML, DOCX, XLSX or tab-separated text) against the identities of
 * REFERENCE §2.1. Never throws for bad input: an unreadable file gets status 'unreadable' and a reason.
 */
export async function checkReportBytes(buf: Buffer, file: string, previous?: Pick<ReportTables, 'table3'> | null): Promise<CheckResult> {
  const name = path.basename(file);
  try {
    const { kind, grids } = await readGrids(buf, name);
    const ex = extractReport(grids);
    if (!ex.found.table3 && !ex.found.table4) {
      const problems = [grids.length ? '未找到表三（收到和处理政府信息公开申请情况）和表四（行政复议、行政诉讼情况）。' : '文件中没有表格。'];
      return { file, status: 'unreadable', kind, found: ex.found, violations: [], problems, summary: `${STATUS_NAMES.unreadable}：${problems[0]}` };
    }
    const problems = [...ex.problems];
    if (!ex.found.table3) problems.push('未找到表三（收到和处理政府信息公开申请情况）。');
    if (!ex.found.table4) problems.push('未找到表四（政府信息公开行政复议、行政诉讼情况），或其数据行不足 15 个数字。');
    if (!ex.found.table2) problems.push('未找到表二（主动公开政府信息情况）。');
    const t = ex.tables;
    let violations = checkIdentities(t, previous);
    if (!ex.found.table3) violations = violations.filter((v) => v.table !== '三');
    if (!ex.found.table4) violations = violations.filter((v) => v.table !== '四');
    const format = t.format;
    const formatNote =
      ex.table2Format && ex.found.table3 && ex.table2Format !== format
        ? `表二为${FORMAT_NAMES[ex.table2Format]}，表三为${FORMAT_NAMES[format]}（（六）其他处理${format === '2019' ? '单行' : '分三项'}）。`
        : undefined;
    const status: CheckStatus = violations.length ? 'inconsistent' : !ex.found.table3 || !ex.found.table4 ? 'incomplete' : 'consistent';
    const summary =
      status === 'consistent'
        ? `${STATUS_NAMES.consistent}（${FORMAT_NAMES[format]}）。`
        : status === 'incomplete'
          ? `${STATUS_NAMES.incomplete}：${problems.filter((p) => p.startsWith('未找到表三') || p.startsWith('未找到表四')).join('')}`
          : `${STATUS_NAMES.inconsistent}：发现 ${violations.length} 处不一致。`;
    return { file, status, kind, format, formatNote, found: ex.found, tables: t, violations, problems, summary };
  } catch (e) {
    const reason = e instanceof UnreadableReport ? e.message : '文件无法读取：内容已损坏或格式不正确。';
    return { file, status: 'unreadable', found: NONE, violations: [], problems: [reason], summary: `${STATUS_NAMES.unreadable}：${reason}` };
  }
}

/** Checks a report file on disk (see checkReportBytes). */
export async function checkReportFile(file: string, previous?: Pick<ReportTables, 'table3'> | null): Promise<CheckResult> {
  try {
    return await checkReportBytes(await readFileBytes(file), file, previous);
  } catch (e) {
    const reason = e instanceof UnreadableReport ? e.message : '文件无法打开。';
    return { file, status: 'unreadable', found: NONE, violations: [], problems: [reason], summary: `${STATUS_NAMES.unreadable}：${reason}` };
  }
}
