/**
 * Page throughput (issues 5 and 22): item pages and search pages of a catalogue of N items
 * (portal-corpus.ts), 20 connections from autocannon on 127.0.0.1 against `gongkai serve` (production
 * mode, one worker process per core unless GONGKAI_BENCH_PORTAL_WORKERS says otherwise), on SQLite and
 * (with GONGKAI_BENCH_PG_URL) PostgreSQL — and, in the same run, the peer: bare Fastify sending the very
 * HTML Gongkai rendered (bench/bare-pages.mjs, same worker count). Printed: requests/s and latency of each,
 * and Gongkai ÷ bare. Item pages are read at random over the whole catalogue (the page cache rarely
 * helps; two passes, the second kept: the first after a start may meet a cold file cache) and cycling
 * through a sample (the page cache holds it); the search pages cycle through the query mix; all again with
 * the page cache off. With the cache on, also readers of the sample beside a crawler reading pages at
 * random (half the connections each).
 * Targets (#22): item page ≥ 0.7 × bare, p99 ≤ 20 ms at 1,000,000 items; search page ≥ 1,000 req/s at 100,000.
 *
 * Sizes: GONGKAI_BENCH_PORTAL_ITEMS (comma list, default 10000); seconds per run:
 * GONGKAI_BENCH_PORTAL_SECONDS (default 15); sample: GONGKAI_BENCH_PORTAL_SAMPLE (default 1000);
 * GONGKAI_BENCH_PORTAL_SQLITE=0 skips SQLite.
 * Run: `npm run bench -- portal-http`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon, { type AutocannonResult } from 'autocannon';
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
/** Item pages served in turn for the cached run and the bare peer (GONGKAI_BENCH_PORTAL_SAMPLE). */
const SAMPLE = Number(process.env.GONGKAI_BENCH_PORTAL_SAMPLE ?? 1000);
/** GONGKAI_BENCH_PORTAL_SQLITE=0 runs PostgreSQL alone (building SQLite's 1,000,000 corpus takes half an hour). */
const SQLITE = process.env.GONGKAI_BENCH_PORTAL_SQLITE !== '0';
/** HTTP worker processes of the server (GONGKAI_WORKERS); default one per core. */
const WORKERS = Number(process.env.GONGKAI_BENCH_PORTAL_WORKERS ?? os.cpus().length);

/** Starts a server process and waits for its /readyz. */
async function startProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...env, GONGKAI_PORT: String(port), GONGKAI_WORKERS: String(WORKERS) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
  throw new Error(`the benchmark server (${args.join(' ')}) did not start`);
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/**
 * The real `gongkai serve` (production mode, GONGKAI_WORKERS processes) on the corpus: the SQLite file
 * (GONGKAI_SQLITE_FILE) or the PostgreSQL URL; `cacheMb` 0 turns the page cache off.
 */
function startGongkai(dialect: 'sqlite' | 'postgres', where: string, cacheMb?: number) {
  return startProcess(['bin/gongkai', 'serve'], {
    ...process.env,
    GONGKAI_ENV: 'production',
    GONGKAI_PUBLIC_URL: 'http://127.0.0.1',
    GONGKAI_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'gk-bench-serve-')),
    GONGKAI_LOG_LEVEL: 'warn',
    GONGKAI_JOBS: 'off',
    ...(cacheMb === undefined ? {} : { GONGKAI_PAGE_CACHE_MB: String(cacheMb) }),
    ...(dialect === 'postgres'
      ? { GONGKAI_DB: 'postgres', GONGKAI_DATABASE_URL: where }
      : { GONGKAI_SQLITE_FILE: where }),
  });
}

/** The peer: bare Fastify sending the HTML Gongkai rendered for `pages` (bench/bare-pages.mjs). */
function startBare(pages: Record<string, string>) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gk-bench-bare-')), 'pages.json');
  writeFileSync(file, JSON.stringify(pages));
  return startProcess(['bench/bare-pages.mjs'], { ...process.env, GONGKAI_BENCH_PAGES: file });
}

/** The HTML an anonymous reader gets for each path. */
async function fetchPages(base: string, paths: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of paths) {
    const r = await fetch(base + p);
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    out[p] = await r.text();
  }
  return out;
}

function searchPath(i: number): string {
  const q = QUERIES[i % QUERIES.length]!;
  const u = new URLSearchParams({ q: q.q });
  if (q.filters?.orgId) u.set('org', String(q.filters.orgId));
  if (q.filters?.year) u.set('year', String(q.filters.year));
  return `/search?${u}`;
}

/** autocannon's figures that are printed. */
function figuresOf(r: AutocannonResult): Record<string, number> {
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

const cannon = (base: string, connections: number, duration: number, path: (k: number) => string) => {
  let k = 0;
  return autocannon({
    url: base,
    connections,
    duration,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path(k++) }) }],
  });
};

async function load(base: string, path: (k: number) => string): Promise<Record<string, number>> {
  await cannon(base, CONNECTIONS, 3, path); // warm-up (JIT, statement cache)
  return figuresOf(await cannon(base, CONNECTIONS, SECONDS, path));
}

/**
 * Readers going back to the same pages (the sample) while a crawler reads every page once (at random),
 * half the connections each, at the same time: what the page cache keeps for the readers.
 */
async function beside(
  base: string,
  readers: (k: number) => string,
  crawler: (k: number) => string,
): Promise<Record<string, number>> {
  await cannon(base, CONNECTIONS, 3, readers);
  const [r, c] = await Promise.all([
    cannon(base, CONNECTIONS / 2, SECONDS, readers),
    cannon(base, CONNECTIONS / 2, SECONDS, crawler),
  ]);
  const prefixed = (tag: string, x: Record<string, number>) =>
    Object.fromEntries(Object.entries(x).map(([k, v]) => [`${tag}.${k}`, v]));
  return { ...prefixed('readers', figuresOf(r)), ...prefixed('crawler', figuresOf(c)) };
}

/**
 * One database at one size. Gongkai with its page cache: item pages at random over the whole catalogue
 * (mostly misses at this size), item pages cycling through a sample of SAMPLE (the cache holds them after
 * the warm-up), the search query mix; the same with the page cache off; then bare Fastify sending the very
 * HTML of the sample and of the search pages. Ratios: Gongkai ÷ bare in requests/s.
 */
async function one(
  dialect: 'sqlite' | 'postgres',
  n: number,
  figures: Record<string, number | string>,
  pgUrl?: string,
): Promise<void> {
  const corpus = await openCorpus(dialect, n, pgUrl);
  const where = corpus.where;
  await corpus.database.close();
  const r = rng(7);
  const randomItem = () => `/gk/items/${1 + Math.floor(r() * n)}`;
  const sample = Array.from({ length: Math.min(SAMPLE, n) }, randomItem);
  const searches = QUERIES.map((_, i) => searchPath(i));
  const put = (prefix: string, x: Record<string, number>) => {
    for (const [k, v] of Object.entries(x)) figures[`${dialect}.${prefix}.${k}`] = v;
  };
  let pages: Record<string, string> = {};
  for (const cacheMb of [undefined, 0]) {
    const tag = cacheMb === 0 ? '.nocache' : '';
    const g = await startGongkai(dialect, where, cacheMb);
    try {
      if (cacheMb === undefined) pages = await fetchPages(g.base, [...sample, ...searches]);
      // Twice: the first pass after a start reads a cold file cache at 1,000,000 items (the other database's
      // corpus may have filled it); the figure kept is the second, the first is printed beside it.
      put(`item.random.first${tag}`, await load(g.base, randomItem));
      put(`item.random${tag}`, await load(g.base, randomItem));
      put(`item.sample${tag}`, await load(g.base, (k) => sample[k % sample.length]!));
      put(`search${tag}`, await load(g.base, (k) => searches[k % searches.length]!));
      if (cacheMb === undefined)
        put('item.sampleBesideCrawler', await beside(g.base, (k) => sample[k % sample.length]!, randomItem));
    } finally {
      await stop(g.child);
    }
  }
  const b = await startBare(pages);
  try {
    put('bare.item', await load(b.base, (k) => sample[k % sample.length]!));
    put('bare.search', await load(b.base, (k) => searches[k % searches.length]!));
  } finally {
    await stop(b.child);
  }
  const ratio = (a: string, bare: string) =>
    Math.round((Number(figures[`${dialect}.${a}.reqPerS`]) / Number(figures[`${dialect}.${bare}.reqPerS`])) * 100) /
    100;
  for (const [a, bare] of [
    ['item.sample', 'bare.item'],
    ['item.random.first', 'bare.item'],
    ['item.random', 'bare.item'],
    ['item.random.nocache', 'bare.item'],
    ['search', 'bare.search'],
    ['search.nocache', 'bare.search'],
  ] as const)
    figures[`${dialect}.ratio.${a}÷bare`] = ratio(a, bare);
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
    if (SQLITE) await one('sqlite', n, figures);
    else figures.sqlite = 'skipped (GONGKAI_BENCH_PORTAL_SQLITE=0)';
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
