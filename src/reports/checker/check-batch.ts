import { availableParallelism } from 'node:os';
import { checkReportBytes, unreadable, type CheckResult } from './check-report.js';
import { checkPool } from './check-pool.js';
import { applyCrossYear } from './cross-year.rules.js';
import { archiveSources, isArchive, type ReportSource } from './report-sources.js';
import type { ReportTables } from '../report-format.rules.js';

/** Progress of a batch: reports done so far, and the one just checked. */
export type BatchProgress = (done: number, name: string) => void;

/**
 * Worker threads for a batch: one per core (at most 4) when it holds a few PDFs (or archives, which may);
 * other formats take milliseconds each, less than starting a worker.
 */
export const workersFor = (names: string[]): number =>
  names.filter((n) => /\.(pdf|zip)$/i.test(n)).length < 4 ? 1 : Math.min(4, availableParallelism());

/**
 * Checks the reports of a whole jurisdiction (any number of agencies and years), then applies the
 * cross-year identity between consecutive years of one agency. With `workers` > 1 the reports are checked
 * on worker threads, a few files in memory at a time; results keep the order of the sources.
 * `previous` (a report of last year given explicitly) is compared with every report.
 */
export async function checkSources(
  sources: Iterable<ReportSource> | AsyncIterable<ReportSource>,
  opts: { previous?: Pick<ReportTables, 'table3'> | null; progress?: BatchProgress; workers?: number } = {},
): Promise<CheckResult[]> {
  const workers = opts.workers ?? 1;
  const pool = workers > 1 ? checkPool(workers) : null;
  try {
    const results: Array<Promise<CheckResult>> = [];
    const inFlight = new Set<Promise<CheckResult>>();
    let done = 0;
    for await (const s of sources) {
      const checking =
        'error' in s
          ? Promise.resolve(unreadable(s.name, s.error))
          : pool
            ? pool.check(s.name, s.data, opts.previous)
            : checkReportBytes(s.data, s.name, opts.previous);
      const p = checking.then((r) => {
        opts.progress?.(++done, s.name);
        return r;
      });
      results.push(p);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      while (inFlight.size >= 2 * workers) await Promise.race(inFlight);
    }
    return applyCrossYear(await Promise.all(results));
  } finally {
    await pool?.close();
  }
}

/** Reports checked at most in one upload (the console answers within one request). */
export const MAX_UPLOAD_REPORTS = 300;

/** Checks uploaded files, ZIP archives expanded; refuses more than MAX_UPLOAD_REPORTS reports in one go. */
export async function checkUploads(
  files: Array<{ name: string; data: Buffer }>,
): Promise<{ results: CheckResult[] } | { error: string }> {
  const sources = files.flatMap((f): ReportSource[] =>
    isArchive(f.name, f.data) ? archiveSources(f.name, f.data) : [{ name: f.name, data: f.data }],
  );
  if (sources.length > MAX_UPLOAD_REPORTS)
    return {
      error: `一次最多检查 ${MAX_UPLOAD_REPORTS} 份报告（本次 ${sources.length} 份）。请分批上传，或在服务器上用 gongkai report check 检查整个文件夹。`,
    };
  return { results: await checkSources(sources, { workers: workersFor(sources.map((s) => s.name)) }) };
}
