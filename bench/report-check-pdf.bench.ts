/**
 * Checking 100 PDF annual reports (target: under 60 s): the Chromium-printed corpus of
 * src/reports/fixtures/pdf-corpus.ts (2 seeds × 10 layouts: ruled, wrapped, page-broken, unruled, blank
 * cells, DOCX exports, seeded errors, a scan, a truncated report) and the three real published reports,
 * 23 distinct files copied round-robin to 100 files in a temporary folder, then checked through the same
 * path as `gongkai report check FOLDER --csv` (cross-year identity included). Printing the corpus is not
 * timed. Needs Chromium (GONGKAI_CHROMIUM, default /usr/bin/chromium); skipped without it.
 * GONGKAI_BENCH_PDF_FILES changes the number of files.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, CHROMIUM } from '../test/browser/browser.js';
import { buildCorpus } from '../src/reports/fixtures/pdf-corpus.js';
import { runReportCheck } from '../src/reports/check-files.js';

const FILES = Number(process.env.GONGKAI_BENCH_PDF_FILES ?? 100);
const REAL = ['r02.pdf', 'r03.pdf', 'r04.pdf'].map((f) =>
  fileURLToPath(new URL(`../src/reports/fixtures/gov-reports/${f}`, import.meta.url)),
);

export async function run(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const name = `report check (${FILES} PDF files)`;
  if (!existsSync(CHROMIUM)) return { name, figures: { skipped: `no Chromium at ${CHROMIUM}` } };
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-pdf-'));
  try {
    const b = await launch();
    const distinct: string[] = [];
    try {
      const page = await b.browser.newPage();
      for (const seed of [0, 100])
        for (const c of await buildCorpus(page, seed)) {
          const f = path.join(dir, `src-${seed}-${c.name}`);
          writeFileSync(f, c.pdf);
          distinct.push(f);
        }
    } finally {
      await b.close();
    }
    distinct.push(...REAL);
    const folder = path.join(dir, 'reports');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    for (let i = 0; i < FILES; i++)
      copyFileSync(
        distinct[i % distinct.length],
        path.join(folder, `r${String(i).padStart(3, '0')}-${path.basename(distinct[i % distinct.length])}`),
      );
    const lines: string[] = [];
    const start = performance.now();
    const cpu = process.cpuUsage();
    const code = await runReportCheck([folder], { csv: path.join(dir, 'result.csv') }, (l) => lines.push(l));
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return {
      name,
      figures: {
        distinct_files: distinct.length,
        total_ms: Math.round(ms),
        per_file_ms: Math.round(ms / FILES),
        cpu_ms_all_threads: Math.round((used.user + used.system) / 1000),
        under_60s: ms < 60_000 ? 'yes' : 'NO',
        exit_code: code,
        summary: lines.find((l) => l.startsWith('共 ')) ?? '',
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
