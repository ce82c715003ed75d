/**
 * Catalogue import (#22): ROWS rows of the search corpus (bench/search-corpus.ts) written as a CSV (~28 MB
 * for 20,000 rows), imported by the real use-case reading the file as a stream (`importRows`), in a
 * child process on a fresh SQLite database. Prints items/s and the child's peak resident memory.
 * Targets: ≥ 5,000 items/s, peak ≤ 300 MB.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { toCsv } from '../src/platform/csv.js';
import { GENRES } from '../src/catalog/catalog-labels.rules.js';
import { corpusDoc } from './search-corpus.js';

const ROWS = Number(process.env.GONGKAI_BENCH_IMPORT_ROWS ?? 20_000);

export async function run(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-bench-import-'));
  try {
    const csv = path.join(dir, 'import.csv');
    const rows: string[][] = [
      ['索引号', '名称', '内容概述', '正文', '成文日期', '生成日期', '发布日期', '体裁', '有效性'],
    ];
    for (let i = 1; i <= ROWS; i++) {
      const d = corpusDoc(i);
      const on = d.publishedOn ?? '2020-01-01';
      rows.push([
        `000099999/${on.slice(0, 4)}-${String(i).padStart(5, '0')}`,
        d.title,
        d.body.slice(0, 60),
        d.body,
        on,
        on,
        on,
        GENRES[i % GENRES.length]!,
        d.validity === '失效' ? '失效' : '有效',
      ]);
    }
    writeFileSync(csv, toCsv(rows));
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'catalog-import-child.ts'), path.join(dir, 'bench.db'), csv],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
      ms: number;
      /** CPU time of the child's threads during the import: on a shared machine, the figure the load disturbs least. */
      cpuMs: number;
      created: number;
      errors: number;
      firstError?: string;
      batches: number;
      maxRssMb: number;
    };
    return {
      name: `catalogue import of ${ROWS} CSV rows (SQLite, streamed)`,
      figures: {
        csvMb: Number((statSync(csv).size / 2 ** 20).toFixed(1)),
        created: r.created,
        rowErrors: r.errors,
        firstError: r.firstError ?? '',
        seconds: Number((r.ms / 1000).toFixed(1)),
        itemsPerSecond: Math.round(r.created / (r.ms / 1000)),
        cpuSeconds: Number((r.cpuMs / 1000).toFixed(1)),
        itemsPerCpuSecond: Math.round(r.created / (r.cpuMs / 1000)),
        peakRssMb: Math.round(r.maxRssMb),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
