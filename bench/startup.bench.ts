/**
 * Production runtime (issue 15), measured side by side in one run on this machine:
 * - start to the first 200 from /readyz of `gongkai serve` (compiled, production, one process, the demo
 *   county) against a bare Fastify server with a /readyz route started the same way (a node process);
 *   target ≤ 3×;
 * - `gongkai --help`: the installed form (`node dist/cli/main.js`) and the checkout's `bin/gongkai`
 *   (which first checks that dist/ is not older than src/), against `node -e 0`; target ≤ 0.5 s;
 * - resident memory of that one process after 600 requests over the demo county's public pages (PAGES
 *   and every address of its sitemap, round robin), target ≤ 160 MB; and of the cluster primary
 *   (GONGKAI_WORKERS=2).
 * Medians of RUNS alternating starts. Run: `npm run bench -- startup` (GONGKAI_BENCH_STARTUP_RUNS).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../test/helpers/free-port.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.GONGKAI_BENCH_STARTUP_RUNS ?? 5);
const REQUESTS = 600;
/** The public pages besides the sitemap's (item, agency and guide pages): indexes, search (one query in traditional characters), feeds. */
const PAGES = [
  '/',
  '/gk',
  '/zn',
  '/ysqgk',
  '/hd',
  '/hd/qa',
  '/hd/consultations',
  '/reports',
  '/stats',
  '/fdzdgk',
  '/tools/deadline',
  '/feeds/all.atom',
  '/sitemap.xml',
  '/search?q=公开',
  '/search?q=預算管理',
  '/api/v1/openapi.json',
].map(encodeURI);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 0): number => Math.round(x * 10 ** d) / 10 ** d;

/** Resident and peak memory of a process, MB (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: round(kb('VmRSS') / 1024, 1), peak: round(kb('VmHWM') / 1024, 1) };
}

interface Started {
  child: ChildProcess;
  base: string;
  ms: number;
}

/** Spawns `node args…` from `/` with GONGKAI_PORT set and times it to the first 200 from /readyz (polled every 5 ms). */
async function start(args: string[], env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: '/',
    env: { ...process.env, ...env, GONGKAI_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base, ms: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} not ready within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function stop(s: Started): Promise<void> {
  if (s.child.exitCode !== null) return;
  s.child.kill('SIGTERM');
  await once(s.child, 'exit');
}

/** Wall time of one command, ms. */
function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: '/', stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
  return performance.now() - t0;
}

export async function run(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const bin = path.join(ROOT, 'bin/gongkai');
  const main = path.join(ROOT, 'dist/cli/main.js');
  const bare = path.join(ROOT, 'bench/bare-fastify.mjs');
  // bin/gongkai compiles first when dist/ is older than the sources; nothing below measures that.
  timed([bin, '--help']);
  const data = mkdtempSync(path.join(os.tmpdir(), 'gk-bench-startup-'));
  const env = {
    GONGKAI_ENV: 'production',
    GONGKAI_PUBLIC_URL: 'http://127.0.0.1',
    GONGKAI_DATA_DIR: data,
    GONGKAI_LOG_LEVEL: 'warn',
    GONGKAI_JOBS: 'off',
    GONGKAI_WORKERS: '1',
  };
  const figures: Record<string, number | string> = { runs: RUNS };
  try {
    const init = spawnSync(process.execPath, [bin, 'init', '--demo'], {
      cwd: '/',
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    if (init.status !== 0) throw new Error(`init --demo: ${init.stderr}`);

    const help = { node: [] as number[], main: [] as number[], bin: [] as number[] };
    const ready = { gongkai: [] as number[], bare: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      help.node.push(timed(['-e', '0']));
      help.main.push(timed([main, '--help']));
      help.bin.push(timed([bin, '--help']));
      const b = await start([bare], {});
      ready.bare.push(b.ms);
      await stop(b);
      const g = await start([bin, 'serve'], env);
      ready.gongkai.push(g.ms);
      await stop(g);
    }
    figures['help.nodeEmptyMs'] = round(median(help.node));
    figures['help.installedMs'] = round(median(help.main));
    figures['help.checkoutBinMs'] = round(median(help.bin));
    figures['ready.bareFastifyMs'] = round(median(ready.bare));
    figures['ready.gongkaiMs'] = round(median(ready.gongkai));
    figures['ready.ratio'] = round(median(ready.gongkai) / median(ready.bare), 2);

    // One process, the demo county: 600 requests over its sitemap, then its memory.
    const g = await start([bin, 'serve'], env);
    try {
      figures['memory.readyMB'] = memory(g.child.pid!).rss;
      const sitemap = await (await fetch(`${g.base}/sitemap.xml`)).text();
      const paths = [
        ...new Set([...PAGES, ...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)]),
      ];
      const statuses: Record<string, number> = {};
      for (let i = 0; i < REQUESTS; i++) {
        const res = await fetch(g.base + paths[i % paths.length]);
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
      const m = memory(g.child.pid!);
      figures['memory.after600MB'] = m.rss;
      figures['memory.peakMB'] = m.peak;
      figures['memory.distinctPaths'] = paths.length;
      figures['memory.statuses'] = JSON.stringify(statuses);
    } finally {
      await stop(g);
    }
    const b = await start([bare], {});
    for (let i = 0; i < REQUESTS; i++) await (await fetch(`${b.base}/readyz`)).arrayBuffer();
    figures['memory.bareFastifyAfter600MB'] = memory(b.child.pid!).rss;
    await stop(b);

    // The cluster primary only migrates, seeds and forks.
    const c = await start([bin, 'serve'], { ...env, GONGKAI_WORKERS: '2' });
    figures['memory.clusterPrimaryMB'] = memory(c.child.pid!).rss;
    await stop(c);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  return { name: 'startup', figures };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  for (const [k, v] of Object.entries(r.figures)) console.log(`${r.name} · ${k}: ${v}`);
}
