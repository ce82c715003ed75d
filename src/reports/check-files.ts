import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkReportFile, STATUS_NAMES, type CheckResult } from './checker/check-report.js';
import { FORMAT_NAMES } from './report-format.rules.js';

const EXTS = /\.(html?|shtml|docx|xlsx|txt)$/i;

/** Expands folders into the report files they hold (HTML, DOCX, XLSX, TXT), sorted; files are kept as given. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(p, { recursive: true })).filter((n) => EXTS.test(n) && !path.basename(n).startsWith('.')).sort();
      out.push(...names.map((n) => path.join(p, n)));
    } else out.push(p);
  }
  return out;
}

const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One CSV summary line per report (UTF-8 with BOM so that spreadsheet programs read the Chinese). */
export function resultsCsv(results: CheckResult[]): string {
  const head = ['文件', '结论', '格式', '不一致处数', '说明'];
  const lines = results.map((r) =>
    [
      r.file,
      STATUS_NAMES[r.status],
      r.format ? FORMAT_NAMES[r.format] : '',
      String(r.violations.length),
      [...r.violations.map((v) => v.message), ...r.problems, ...(r.formatNote ? [r.formatNote] : [])].join('；'),
    ]
      .map(csvField)
      .join(','),
  );
  return '\ufeff' + [head.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Human-readable lines for one result. */
export function resultLines(r: CheckResult): string[] {
  const lines = [`${r.file}：${r.summary}`];
  if (r.formatNote) lines.push(`  说明：${r.formatNote}`);
  for (const v of r.violations) lines.push(`  ✗ ${v.message}`);
  for (const p of r.status === 'unreadable' ? [] : r.problems) lines.push(`  ! ${p}`);
  return lines;
}

/**
 * `gongkai report check FILE...`: checks files and folders, prints the findings, optionally writes a CSV
 * summary. Returns the exit code: 0 all consistent, 1 some file unreadable, 2 some report inconsistent or incomplete.
 */
export async function runReportCheck(
  paths: string[],
  opts: { csv?: string; previous?: string },
  print: (line: string) => void = (l) => console.log(l),
): Promise<number> {
  const files = await expandPaths(paths);
  if (!files.length) {
    print('错误：没有找到可检查的文件（支持 HTML、DOCX、XLSX、TXT）。');
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
  const results: CheckResult[] = [];
  for (const f of files) {
    const r = await checkReportFile(f, previous);
    results.push(r);
    for (const l of resultLines(r)) print(l);
  }
  const count = (s: CheckResult['status']): number => results.filter((r) => r.status === s).length;
  if (files.length > 1)
    print(`共 ${files.length} 份：一致 ${count('consistent')}，有误 ${count('inconsistent')}，不完整 ${count('incomplete')}，无法读取 ${count('unreadable')}。`);
  if (opts.csv) {
    try {
      await writeFile(opts.csv, resultsCsv(results));
      print(`汇总已写入 ${opts.csv}`);
    } catch {
      print(`错误：无法写入汇总文件 ${opts.csv}`);
      return 1;
    }
  }
  if (count('unreadable')) return 1;
  return count('inconsistent') || count('incomplete') ? 2 : 0;
}
