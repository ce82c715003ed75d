#!/usr/bin/env node
/**
 * The build: compiles src/ (TypeScript and TSX, tests excluded) file by file with esbuild into dist/,
 * with source maps, keeping the folder layout (migrations are found beside migrate.js, public/ at the
 * package root). The compiled code must import only Node built-ins, its own files and packages listed in
 * package.json "dependencies" (what `npm install --omit=dev` installs); the build fails otherwise.
 *
 * `node scripts/build.mjs` builds; `bin/gongkai` calls `ensureBuilt()` in a checkout so that a build
 * older than the sources is replaced before it runs. Type checking is separate (`npm run typecheck`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
/** Written last: its time is the build's time. */
const STAMP = '.build-stamp';
const SOURCE = /\.tsx?$/;
const TEST = /\.test\.tsx?$/;

/** Files under `dir` (and, when `dirs` is given, the folders into it). */
function walk(dir, out = [], dirs) {
  dirs?.push(dir);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out, dirs);
    else out.push(p);
  }
  return out;
}

/** The files compiled: every .ts/.tsx under src/ except tests and declaration files. */
export const sourceFiles = () => walk(SRC).filter((f) => SOURCE.test(f) && !TEST.test(f) && !f.endsWith('.d.ts'));

/** Newest modification time of what the build reads (sources, package.json, this script). */
function newestInput() {
  let t = Math.max(statSync(path.join(ROOT, 'package.json')).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
  const dirs = [];
  for (const f of walk(SRC, [], dirs)) if (SOURCE.test(f) && !TEST.test(f)) t = Math.max(t, statSync(f).mtimeMs);
  // A deleted source changes its folder's time: a removed migration must not survive in dist/.
  for (const d of dirs) t = Math.max(t, statSync(d).mtimeMs);
  return t;
}

/** True when dist/ is missing or older than a source. */
export function isStale() {
  const stamp = path.join(DIST, STAMP);
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newestInput();
}

const BARE = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"'./][^"']*)["']|(?:^|[\s;(=])import\s*\(\s*["']([^"'./][^"']*)["']\s*\)|(?:^|[\s;])import\s*["']([^"'./][^"']*)["']/gm;
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** Bare imports of the compiled files that are neither built-ins nor runtime dependencies. */
export function undeclaredImports(dir, dependencies) {
  const builtins = new Set(builtinModules);
  const problems = [];
  for (const f of walk(dir).filter((x) => x.endsWith('.js'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(BARE)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith('node:') || builtins.has(spec)) continue;
      if (!dependencies.has(packageOf(spec))) problems.push(`${path.relative(dir, f)}: imports "${spec}", which is not in package.json "dependencies"`);
    }
  }
  return problems;
}

/**
 * Compiles into a fresh folder and swaps it in (a process starting meanwhile sees the old build or the
 * new one, never half of one). Returns the number of files and the time taken.
 */
export async function build({ quiet = false } = {}) {
  const t0 = performance.now();
  const { build: esbuild } = await import('esbuild');
  const tmp = `${DIST}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const entryPoints = sourceFiles();
  await esbuild({
    entryPoints,
    outdir: tmp,
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const problems = undeclaredImports(tmp, new Set(Object.keys(pkg.dependencies ?? {})));
  if (problems.length) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`build: the compiled code imports packages a production install lacks:\n  ${problems.join('\n  ')}`);
  }
  writeFileSync(path.join(tmp, STAMP), `${new Date().toISOString()}\n`);
  const old = `${DIST}.old-${process.pid}`;
  if (existsSync(DIST)) renameSync(DIST, old);
  mkdirSync(path.dirname(DIST), { recursive: true });
  renameSync(tmp, DIST);
  rmSync(old, { recursive: true, force: true });
  const ms = Math.round(performance.now() - t0);
  if (!quiet) console.log(`build: ${entryPoints.length} files → dist/ in ${ms} ms`);
  return { files: entryPoints.length, ms };
}

/** Rebuilds when dist/ is older than the sources (bin/gongkai in a checkout). */
export async function ensureBuilt() {
  if (!isStale()) return;
  process.stderr.write('gongkai: 源代码有改动，正在重新编译（npm run build）…\n');
  await build({ quiet: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
