import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { swapIn, undeclaredImports } from '../../scripts/build.mjs';

test('the build refuses compiled code that imports a package a production install lacks', () => {
  const imp = (path: string, external = true) => ({ path, kind: 'import-statement', external });
  const outputs = {
    'cli/main.js': {
      imports: [
        imp('commander'),
        imp('node:fs'),
        imp('path'),
        imp('dist/chunks/a.js', false),
        imp('preact/jsx-runtime'),
        imp('@fastify/static'),
        imp('tsx/esm/api'),
      ],
    },
    'chunks/a.js': {
      imports: [
        imp('@types/thing'),
        imp('side-effect'),
        { path: 'exceljs', kind: 'dynamic-import', external: true },
        { path: 'left-pad/sub.js', kind: 'dynamic-import', external: true },
      ],
    },
    'chunks/b.js': { imports: [imp('tsx/esm/api')] },
    'chunks/a.js.map': {},
  };
  const problems = undeclaredImports(outputs, new Set(['commander', 'preact', '@fastify/static', 'exceljs']));
  assert.deepEqual(problems.map((p) => /^(\S+): imports "([^"]+)"/.exec(p)!.slice(1).join(' ')).sort(), [
    'chunks/a.js @types/thing',
    'chunks/a.js left-pad/sub.js',
    'chunks/a.js side-effect',
    'chunks/b.js tsx/esm/api',
    'cli/main.js tsx/esm/api',
  ]);
});

test('a finished build replaces dist/, and one landing while another swaps in is kept (two builds at once)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'gk-swap-'));
  try {
    const dist = path.join(root, 'dist');
    const build = (name: string, marker: string) => {
      const d = path.join(root, name);
      mkdirSync(d);
      writeFileSync(path.join(d, marker), '');
      return d;
    };
    swapIn(build('tmp-1', 'first'), dist);
    assert.deepEqual(readdirSync(dist), ['first'], 'no dist/ before: the build becomes it');
    swapIn(build('tmp-2', 'second'), dist);
    assert.deepEqual(readdirSync(dist), ['second']);
    // The other build renames its folder into place between our two renames.
    const other = build('tmp-other', 'other');
    const racing = {
      rmSync,
      renameSync(from: string, to: string) {
        if (to === dist) renameSync(other, dist);
        renameSync(from, to);
      },
    };
    swapIn(build('tmp-3', 'third'), dist, racing);
    assert.deepEqual(readdirSync(dist), ['other'], 'the build that landed first stays');
    assert.deepEqual(readdirSync(root), ['dist'], 'no folder left behind');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
