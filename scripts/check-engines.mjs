#!/usr/bin/env node
// Fails when an installed package declares an `engines.node` range that the running Node does not
// satisfy (npm only warns). The project supports Node 20: pin or override what asks for more.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const bad = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (name.startsWith('@')) {
      walk(p);
      continue;
    }
    const pj = join(p, 'package.json');
    if (existsSync(pj)) {
      const { name: n, version, engines } = JSON.parse(readFileSync(pj, 'utf8'));
      if (engines?.node && !semver.satisfies(process.versions.node, engines.node))
        bad.push(`${n}@${version} wants node ${engines.node}`);
    }
    if (existsSync(join(p, 'node_modules'))) walk(join(p, 'node_modules'));
  }
}
walk('node_modules');
if (bad.length) {
  console.error(`Installed packages that do not support Node ${process.versions.node}:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`All installed packages support Node ${process.versions.node}.`);
