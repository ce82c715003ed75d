import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { undeclaredImports } from '../../scripts/build.mjs';

test('the build refuses compiled code that imports a package a production install lacks', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-build-'));
  try {
    mkdirSync(path.join(dir, 'cli'));
    writeFileSync(
      path.join(dir, 'cli/a.js'),
      [
        'import { Command } from "commander";',
        'import fs from "node:fs";',
        'import path from "path";',
        'import { x } from "./local.js";',
        'import { y } from "../up.js";',
        'import { jsx } from "preact/jsx-runtime";',
        'import T from "@fastify/static";',
        'import tsx from "tsx/esm/api";',
        'export * from "@types/thing";',
        'import "side-effect";',
        'const m = await import("exceljs");',
        'const n = await import("left-pad/sub.js");',
        'const s = "import not from \\"in a string\\"";',
      ].join('\n'),
    );
    const problems = undeclaredImports(dir, new Set(['commander', 'preact', '@fastify/static', 'exceljs']));
    assert.deepEqual(
      problems.map((p) => /imports "([^"]+)"/.exec(p)?.[1]).sort(),
      ['@types/thing', 'left-pad/sub.js', 'side-effect', 'tsx/esm/api'],
    );
    assert.match(problems[0]!, /^cli\/a\.js: imports/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
