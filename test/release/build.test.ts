import { test } from 'node:test';
import assert from 'node:assert/strict';
import { undeclaredImports } from '../../scripts/build.mjs';

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
