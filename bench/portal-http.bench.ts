/**
 * Page throughput (issue 5): item pages and search pages of a catalogue of N items (portal-corpus.ts),
 * 20 connections from autocannon on 127.0.0.1 against `gongkai serve` (production mode, one worker
 * process per core unless GONGKAI_BENCH_PORTAL_WORKERS says otherwise), on SQLite and (with
 * GONGKAI_BENCH_PG_URL) PostgreSQL. Item ids are drawn at random over the whole catalogue (no page is
 * served from a warm cache more than by chance); search pages cycle through the query mix.
 * Target at 1,000,000 items: item page ≥ 1,500 requests/s with p99 ≤ 50 ms.
 *
 * Sizes: GONGKAI_BENCH_PORTAL_ITEMS (comma list, default 10000); seconds per run:
 * GONGKAI_BENCH_PORTAL_SECONDS (default 15). Run: `npm run bench -- portal-http`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { openCorpus } from './portal-corpus.js';
import { freePort } from '../test/helpers/free-port.js';
import { QUERIES } from './search-corpus.js';
import { rng } from './search-corpus.js';

const SIZES = (process.env.GONGKAI_BENCH_PORTAL_ITEMS ?? '10000')
  .split(',')
  .map(Number)
  .filter((x) => x > 0);
const SECONDS = Number(process.env.GONGKAI_BENCH_PORTAL_SECONDS ?? 15);
const CONNECTIONS = 20;
/** HTTP worker processes of the server (GONGKAI_WORKERS); default one per core. */
const WORKERS = Number(process.env.GONGKAI_BENCH_PORTAL_WORKERS ?? os.cpus().length);

/**
 * Starts the real `gongkai serve` (production mode, GONGKAI_WORKERS processes) on the corpus: the SQLite
 * file (GONGKAI_SQLITE_FILE) or the PostgreSQL URL.
 */
async function startServer(
  dialect: 'sqlite' | 'postgres',
  where: string,
): Promise<{ base: string; child: ChildProcess }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gk-bench-serve-'));
  const port = await freePort();
  const env = {
    ...process.env,
    GONGKAI_ENV: 'production',
    GONGKAI_PUBLIC_URL: 'http://127.0.0.1',
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_PORT: String(port),
    GONGKAI_WORKERS: String(WORKERS),
    GONGKAI_LOG_LEVEL: 'warn',
    GONGKAI_JOBS: 'off',
    ...(dialect === 'postgres'
      ? { GONGKAI_DB: 'postgres', GONGKAI_DATABASE_URL: where }
      : { GONGKAI_SQLITE_FILE: where }),
  };
  const child = spawn(process.execPath, ['bin/gongkai', 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { base, child };
    } catch {
      // not listening yet
    }
  }
  child.kill('SIGTERM');
  throw new Error('the benchmark server did not start');
}

function searchPath(i: number): string {
  const q = QUERIES[i % QUERIES.length]!;
  const u = new URLSearchParams({ q: q.q });
  if (q.filters?.orgId) u.set('org', String(q.filters.orgId));
  if (q.filters?.year) u.set('year', String(q.filters.year));
  return `/search?${u}`;
}

async function load(base: string, path: (k: number) => string): Promise<Record<string, number>> {
  let k = 0;
  // warm-up (JIT, statement cache), then the measured run
  await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: 3,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path(k++) }) }],
  });
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path(k++) }) }],
  });
  return {
    reqPerS: Math.round(r.requests.average),
    total: r.requests.total,
    p50Ms: r.latency.p50,
    p97_5Ms: r.latency.p97_5,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function one(
  dialect: 'sqlite' | 'postgres',
  n: number,
  figures: Record<string, number | string>,
  pgUrl?: string,
): Promise<void> {
  const corpus = await openCorpus(dialect, n, pgUrl);
  const where = corpus.where;
  await corpus.database.close();
  const { base, child } = await startServer(dialect, where);
  try {
    const r = rng(7);
    for (const [k, v] of Object.entries(await load(base, () => `/gk/items/${1 + Math.floor(r() * n)}`)))
      figures[`${dialect}.item.${k}`] = v;
    for (const [k, v] of Object.entries(await load(base, searchPath))) figures[`${dialect}.search.${k}`] = v;
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

export async function run(): Promise<Array<{ name: string; figures: Record<string, number | string> }>> {
  const out: Array<{ name: string; figures: Record<string, number | string> }> = [];
  for (const n of SIZES) {
    const figures: Record<string, number | string> = {
      items: n,
      connections: CONNECTIONS,
      seconds: SECONDS,
      workers: WORKERS,
    };
    await one('sqlite', n, figures);
    const pgUrl = process.env.GONGKAI_BENCH_PG_URL;
    if (pgUrl) await one('postgres', n, figures, pgUrl);
    else figures.postgres = 'skipped (set GONGKAI_BENCH_PG_URL)';
    out.push({ name: `portal-http ${n}`, figures });
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run()) for (const [k, v] of Object.entries(r.figures)) console.log(`${r.name} · ${k}: ${v}`);
}
