#!/usr/bin/env node
/**
 * The build: esbuild bundles src/ (TypeScript and TSX, tests excluded) into dist/ with source maps:
 * dist/cli/main.js (the command) and dist/platform/db/migrations/*.js (read from their folder by the
 * migrator) are entry points; every `await import(…)` of our code becomes a chunk in dist/chunks/, loaded
 * when first used. The pure-ESM libraries in INLINE are bundled too (kysely and TypeBox alone are ~470
 * files that Node would otherwise resolve and read at every start); the other dependencies stay
 * packages, and the compiled code must import only Node built-ins and packages listed in package.json
 * "dependencies" (what `npm install --omit=dev` installs): the build fails otherwise.
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
/** Dependencies compiled into dist/ (pure ESM, no files of their own read at run time). */
const INLINE = ['kysely', '@sinclair/typebox', 'preact', 'preact-render-to-string'];
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

/** The entry points: the command, and each migration (the migrator imports them by file name). */
export const entryPoints = () => [
  path.join(SRC, 'cli/main.ts'),
  ...readdirSync(path.join(SRC, 'platform/db/migrations'))
    .filter((f) => /^\d{12}_[a-z0-9_-]+\.ts$/.test(f))
    .map((f) => path.join(SRC, 'platform/db/migrations', f)),
];

/** Newest modification time of what the build reads (sources, package.json, this script). */
function newestInput() {
  let t = Math.max(
    ...['package.json', 'package-lock.json']
      .filter((f) => existsSync(path.join(ROOT, f)))
      .map((f) => statSync(path.join(ROOT, f)).mtimeMs),
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
  );
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

const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/**
 * Imports of packages that are neither Node built-ins nor runtime dependencies, from esbuild's metafile
 * outputs (`{ "chunks/x.js": { imports: [{ path, kind, external }] } }`).
 */
export function undeclaredImports(outputs, dependencies) {
  const builtins = new Set(builtinModules);
  const problems = [];
  for (const [file, out] of Object.entries(outputs)) {
    for (const { path: spec, external } of out.imports ?? []) {
      if (!external || spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || builtins.has(spec))
        continue;
      if (!dependencies.has(packageOf(spec)))
        problems.push(`${file}: imports "${spec}", which is not in package.json "dependencies"`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Puts the finished build `tmp` in place of `dist`. Two builds of one checkout may run at once (two
 * `bin/gongkai` started together after an edit): when the other one's build lands between our two
 * renames, `dist` is not empty and ours is dropped — both compiled the same sources. `fs`: for tests.
 */
export function swapIn(tmp, dist, fs = { renameSync, rmSync }) {
  const old = `${dist}.old-${process.pid}`;
  try {
    fs.renameSync(dist, old);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  mkdirSync(path.dirname(dist), { recursive: true });
  try {
    fs.renameSync(tmp, dist);
  } catch (e) {
    if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Compiles into a fresh folder and swaps it in (a process starting meanwhile sees the old build or the
 * new one, never half of one). Returns the number of files and the time taken.
 */
export async function build({ quiet = false } = {}) {
  const t0 = performance.now();
  let esbuild;
  try {
    ({ build: esbuild } = await import('esbuild'));
  } catch {
    throw new Error(
      'build: esbuild is not installed (a checkout needs its development packages: npm ci). 编译需要开发依赖：请先运行 npm ci。',
    );
  }
  const tmp = `${DIST}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  // Every package but INLINE stays an import (a devDependency imported by src/ then fails the check below).
  const packagesExternal = {
    name: 'packages-external',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) =>
        INLINE.includes(packageOf(args.path)) ? undefined : { external: true },
      );
    },
  };
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: entryPoints(),
    outdir: tmp,
    outbase: SRC,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [packagesExternal],
    sourcemap: 'linked',
    sourcesContent: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/')).length;
  const outputs = Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([f, o]) => [path.relative(tmp, path.join(ROOT, f)), o]),
  );
  const problems = undeclaredImports(outputs, new Set(Object.keys(pkg.dependencies ?? {})));
  if (problems.length) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(
      `build: the compiled code imports packages a production install lacks:\n  ${problems.join('\n  ')}`,
    );
  }
  writeFileSync(path.join(tmp, STAMP), `${new Date().toISOString()}\n`);
  swapIn(tmp, DIST);
  const ms = Math.round(performance.now() - t0);
  const files = Object.keys(outputs).filter((f) => f.endsWith('.js')).length;
  if (!quiet) console.log(`build: ${inputs} source files → ${files} files in dist/ in ${ms} ms`);
  return { files, ms };
}

/** Rebuilds when dist/ is older than the sources (bin/gongkai in a checkout). */
export async function ensureBuilt() {
  if (!isStale()) return;
  const first = !existsSync(path.join(DIST, STAMP));
  process.stderr.write(
    first ? 'gongkai: 正在编译源代码（npm run build）…\n' : 'gongkai: 源代码有改动，正在重新编译（npm run build）…\n',
  );
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
