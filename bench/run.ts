/**
 * `npm run bench`: runs every bench/*.bench.ts that exports `run()`, prints its figures and writes
 * them to .tmp/bench-results.json (copy the figures you keep into docs/performance.md with the machine
 * and date). Run one benchmark: `npm run bench -- clock`.
 */
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Result = { name: string; figures: Record<string, number | string> };
const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.startsWith(o)))
  .sort();
const results: Result[] = [];
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`,
);
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { run?: () => Promise<Result | Result[]> };
  if (!mod.run) continue;
  console.log(`\n== ${f}`);
  const r = await mod.run();
  for (const x of Array.isArray(r) ? r : [r]) {
    results.push(x);
    for (const [k, v] of Object.entries(x.figures)) console.log(`  ${x.name} · ${k}: ${v}`);
  }
}
mkdirSync('.tmp', { recursive: true });
writeFileSync(
  '.tmp/bench-results.json',
  JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results }, null, 2),
);
console.log('\nresults written to .tmp/bench-results.json');
