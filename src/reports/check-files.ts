import { writeFile } from 'node:fs/promises';
import { checkReportFile, type CheckResult } from './checker/check-report.js';
import { checkSources, workersFor } from './checker/check-batch.js';
import { resultsCsv, resultsXlsx } from './checker/check-export.js';
import { expandPaths, pathSources, type ReportSource } from './checker/report-sources.js';
import { batchExit, VERDICT_NAMES } from './checker/verdict.rules.js';

/** Human-readable lines for one result. */
export function resultLines(r: CheckResult): string[] {
  const lines = [`${r.file}：${r.summary}`];
  if (r.agency || r.year) lines.push(`  单位：${r.agency ?? '未识别'}；年度：${r.year ?? '未识别'}`);
  if (r.formatNote) lines.push(`  说明：${r.formatNote}`);
  for (const v of r.violations) lines.push(`  ✗ ${v.message}`);
  for (const m of r.verdict === 'undetermined' && r.missing.length === 1 && !r.found.table3 && !r.found.table4
    ? []
    : r.missing)
    lines.push(`  ? ${m}`);
  for (const n of r.notes) lines.push(`  · ${n}`);
  return lines;
}

async function* sourcesOf(files: string[]): AsyncGenerator<ReportSource> {
  for (const f of files) yield* await pathSources(f);
}

/**
 * `gongkai report check FILE|FOLDER…`: checks files, folders (recursively) and ZIP archives, applies the
 * cross-year identity between consecutive years of one agency, prints the findings and optionally writes
 * CSV/XLSX. Returns the exit code: 0 all 一致, 2 some 有误, 3 some 无法判断 (none 有误), 1 the command failed.
 */
export async function runReportCheck(
  paths: string[],
  opts: { csv?: string; xlsx?: string; previous?: string; workers?: number },
  print: (line: string) => void = (l) => console.log(l),
  progress: (line: string) => void = () => undefined,
): Promise<number> {
  const files = await expandPaths(paths);
  if (!files.length) {
    print('错误：没有找到可检查的文件（支持 PDF、HTML、DOCX、XLSX、TXT 及其 ZIP 压缩包）。');
    return 1;
  }
  let previous = null;
  if (opts.previous) {
    const p = await checkReportFile(opts.previous);
    if (!p.tables || !p.found.table3) {
      print(`错误：上年报告无法读取：${p.summary}`);
      return 1;
    }
    previous = p.tables;
  }
  const workers = opts.workers ?? workersFor(files);
  const results = await checkSources(sourcesOf(files), {
    previous,
    workers,
    progress: (n, name) => progress(`已检查 ${n} 份：${name}`),
  });
  for (const r of results) for (const l of resultLines(r)) print(l);
  const count = (v: CheckResult['verdict']): number => results.filter((r) => r.verdict === v).length;
  if (results.length > 1)
    print(
      `共 ${results.length} 份：${VERDICT_NAMES.consistent} ${count('consistent')}，${VERDICT_NAMES.inconsistent} ${count('inconsistent')}，${VERDICT_NAMES.undetermined} ${count('undetermined')}。`,
    );
  for (const [file, make] of [
    [opts.csv, () => resultsCsv(results)],
    [opts.xlsx, () => resultsXlsx(results)],
  ] as const) {
    if (!file) continue;
    try {
      await writeFile(file, await make());
      print(`结果已写入 ${file}`);
    } catch {
      print(`错误：无法写入 ${file}`);
      return 1;
    }
  }
  return batchExit(results.map((r) => r.verdict));
}
