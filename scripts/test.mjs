#!/usr/bin/env node
// Runs the whole test suite in one node:test run: unit, database (SQLite + PostgreSQL),
// HTTP, browser and render (LibreOffice → PDF) tiers. A skipped tier is announced loudly;
// GONGKAI_REQUIRE_TIERS=postgres,browser,render (set by .ci/run) turns a skipped tier into a failure.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const only = process.argv[2]; // optional: unit | db | http | browser | render
const required = (process.env.GONGKAI_REQUIRE_TIERS ?? '').split(',').filter(Boolean);

function walk(dir, out = []) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'node_modules') walk(p, out);
    } else if (/\.test\.tsx?$/.test(f)) out.push(p);
  }
  return out;
}
const tierOf = (f) =>
  f.includes('.render.test.')
    ? 'render'
    : f.includes('.browser.test.')
      ? 'browser'
      : f.includes('.http.test.')
        ? 'http'
        : f.includes('.db.test.')
          ? 'db'
          : 'unit';
let files = [
  ...walk('src'),
  ...(existsSync('test') ? walk('test') : []),
  ...(existsSync('bench') ? walk('bench') : []),
].sort();
if (only) files = files.filter((f) => tierOf(f) === only);

const banner = (msg) => console.log(`\n${'!'.repeat(78)}\n!!! ${msg}\n${'!'.repeat(78)}\n`);
const problems = [];
const pgUrl = process.env.GONGKAI_TEST_PG_URL;
if (!pgUrl) {
  banner(
    'PostgreSQL tier SKIPPED: set GONGKAI_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/postgres to run every database and HTTP test on PostgreSQL too.',
  );
  if (required.includes('postgres')) problems.push('PostgreSQL tier required but GONGKAI_TEST_PG_URL is not set');
} else {
  const r = spawnSync('psql', [pgUrl, '-tAc', 'select 1'], { encoding: 'utf8' });
  if (r.status !== 0) {
    banner(`PostgreSQL at ${pgUrl} is not reachable: ${(r.stderr || r.error?.message || '').trim()}`);
    problems.push('PostgreSQL not reachable');
  } else console.log(`PostgreSQL tier: ON (${pgUrl})`);
}
const chromium = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  banner(`Browser tier SKIPPED: ${chromium} not found (apt-get install -y chromium fonts-noto-cjk).`);
  if (required.includes('browser')) problems.push('browser tier required but Chromium is missing');
} else console.log(`Browser tier: ON (${chromium})`);
const soffice = process.env.GONGKAI_SOFFICE ?? '/usr/bin/soffice';
const poppler = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;
if (!existsSync(soffice) || !poppler) {
  banner(
    `Render tier SKIPPED: ${!existsSync(soffice) ? `${soffice} not found` : 'pdftoppm not found'} (apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk): generated DOCX/XLSX are not converted to PDF and checked.`,
  );
  if (required.includes('render')) problems.push('render tier required but LibreOffice or poppler-utils is missing');
} else console.log(`Render tier: ON (${soffice}; first pages saved under .tmp/render/)`);
if (problems.length) {
  console.error(`Required test tiers unavailable:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
const counts = files.reduce((m, f) => ((m[tierOf(f)] = (m[tierOf(f)] ?? 0) + 1), m), {});
console.log(`Test files by tier: ${JSON.stringify(counts)}`);

const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC', GONGKAI_ENV: 'test' },
  },
);
process.exit(r.status ?? 1);
