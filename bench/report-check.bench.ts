/**
 * Checking 100 annual report files (target: under 10 s): 60 HTML pages, 20 DOCX and 20 XLSX files,
 * generated with invented figures (some with a broken identity), written to a temporary folder and
 * checked through the same path as `gongkai report check FOLDER --csv`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleTables } from '../src/reports/fixtures/sample-tables.js';
import { reportTablesHtml } from '../src/reports/render-html.js';
import { exportReportDocx } from '../src/reports/export-docx.js';
import { exportReportXlsx } from '../src/reports/export-xlsx.js';
import { runReportCheck } from '../src/reports/check-files.js';

export async function run(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-report-'));
  try {
    for (let i = 0; i < 100; i++) {
      const t = sampleTables(i % 4 === 0 ? '2019' : '2021', i);
      if (i % 5 === 0) t.table4[4] = (t.table4[4] ?? 0) + 1;
      const name = path.join(dir, `r${String(i).padStart(3, '0')}`);
      if (i < 60)
        writeFileSync(
          `${name}.html`,
          `<html><head><meta charset="utf-8"></head><body><table><tr><td>${reportTablesHtml(t)}</td></tr></table></body></html>`,
        );
      else if (i < 80) writeFileSync(`${name}.docx`, await exportReportDocx(t, { title: `单位${i}年度报告` }));
      else writeFileSync(`${name}.xlsx`, await exportReportXlsx(t, `单位${i}`));
    }
    const lines: string[] = [];
    const start = performance.now();
    const code = await runReportCheck([dir], { csv: path.join(dir, 'summary.csv') }, (l) => lines.push(l));
    const ms = performance.now() - start;
    const summary = lines.find((l) => l.startsWith('共 ')) ?? '';
    return {
      name: 'report check (100 files: 60 HTML, 20 DOCX, 20 XLSX)',
      figures: {
        total_ms: Math.round(ms),
        per_file_ms: Math.round(ms / 100),
        under_10s: ms < 10_000 ? 'yes' : 'NO',
        exit_code: code,
        summary,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
