import { checkReportBytes, unreadable, type CheckResult } from './check-report.js';
import { applyCrossYear } from './cross-year.rules.js';
import { archiveSources, isArchive, type ReportSource } from './report-sources.js';
import type { ReportTables } from '../report-format.rules.js';

/** Progress of a batch: reports done so far, and the one just checked. */
export type BatchProgress = (done: number, name: string) => void;

/**
 * Checks the reports of a whole jurisdiction (any number of agencies and years, one at a time so that
 * only one file is in memory), then applies the cross-year identity between consecutive years of one
 * agency. `previous` (a report of last year given explicitly) is compared with every report.
 */
export async function checkSources(
  sources: Iterable<ReportSource> | AsyncIterable<ReportSource>,
  opts: { previous?: Pick<ReportTables, 'table3'> | null; progress?: BatchProgress } = {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for await (const s of sources) {
    results.push('error' in s ? unreadable(s.name, s.error) : await checkReportBytes(s.data, s.name, opts.previous));
    opts.progress?.(results.length, s.name);
  }
  return applyCrossYear(results);
}

/** Reports checked at most in one upload (the console answers within one request). */
export const MAX_UPLOAD_REPORTS = 300;

/** Checks uploaded files, ZIP archives expanded; refuses more than MAX_UPLOAD_REPORTS reports in one go. */
export async function checkUploads(files: Array<{ name: string; data: Buffer }>): Promise<{ results: CheckResult[] } | { error: string }> {
  const sources = files.flatMap((f): ReportSource[] => (isArchive(f.name, f.data) ? archiveSources(f.name, f.data) : [{ name: f.name, data: f.data }]));
  if (sources.length > MAX_UPLOAD_REPORTS)
    return { error: `一次最多检查 ${MAX_UPLOAD_REPORTS} 份报告（本次 ${sources.length} 份）。请分批上传，或在服务器上用 gongkai report check 检查整个文件夹。` };
  return { results: await checkSources(sources) };
}
