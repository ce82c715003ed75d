/**
 * The peer of the search benchmark: Xapian 1.4 (Alaveteli's engine) through Debian's python3-xapian
 * (`/usr/bin/python3`, not another python3 on PATH), CJK n-grams, driven over stdin/stdout
 * (bench/xapian-peer.py: one process, queries sent one by one, each timed inside Python). A bench-only
 * dependency: where it is not installed the peer is skipped with a message. The Xapian database of the
 * corpus is built once and kept under .tmp/bench/xapian-N.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDoc } from './search-corpus.js';
import type { SearchFilters } from '../src/search/search.types.js';

const PYTHON = process.env.GONGKAI_BENCH_XAPIAN_PYTHON ?? '/usr/bin/python3';
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'xapian-peer.py');
const BATCH = 500;

export interface XapianPage {
  /** The whole page inside Python: top 20, estimated total, 6 facets, title and body snippets. */
  ms: number;
  /** The top 20 alone. */
  coreMs: number;
  total: number;
  ids: number[];
}

/** Why the peer cannot run here, or null when python3-xapian is importable. */
export function xapianMissing(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import xapian; print(xapian.version_string())'], { encoding: 'utf8' });
  if (r.status === 0) return null;
  return `skipped: ${PYTHON} cannot import xapian (install Debian's python3-xapian for the peer benchmark)`;
}

export interface XapianPeer {
  version: string;
  figures: Record<string, number | string>;
  search(q: string, filters?: SearchFilters): Promise<XapianPage>;
  close(): void;
}

/** Starts the Python side on the corpus of n items (built on first use). */
export async function openXapian(n: number, checkAtLeast: number): Promise<XapianPeer> {
  const version = spawnSync(PYTHON, ['-c', 'import xapian; print(xapian.version_string())'], {
    encoding: 'utf8',
  }).stdout.trim();
  const child: ChildProcessWithoutNullStreams = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.on('data', (b: Buffer) => process.stderr.write(`xapian-peer: ${b.toString()}`));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async <T>(msg: object): Promise<T> => {
    child.stdin.write(`${JSON.stringify(msg)}\n`);
    const r = await lines.next();
    if (r.done) throw new Error('xapian-peer exited');
    const out = JSON.parse(r.value) as T & { error?: string };
    if (out.error) throw new Error(`xapian-peer: ${out.error}`);
    return out;
  };
  mkdirSync('.tmp/bench', { recursive: true });
  const where = path.resolve(`.tmp/bench/xapian-${n}`);
  const done = `${where}.complete`;
  const figures: Record<string, number | string> = {};
  const { count } = await ask<{ count: number }>({ op: 'open', path: where });
  if (!existsSync(done) || count !== n) {
    const t = performance.now();
    for (let start = 1; start <= n; start += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, n - start + 1) }, (_, k) => {
        const d = corpusDoc(start + k);
        return {
          id: Number(d.docId),
          title: d.title,
          body: d.body,
          org: d.orgId,
          category: d.categoryId,
          topic: d.topic,
          genre: d.genre,
          validity: d.validity,
          year: Number(d.publishedOn!.slice(0, 4)),
          published: d.publishedOn,
        };
      });
      await ask({ op: 'add', docs });
      if ((start + BATCH - 1) % 50_000 === 0) process.stdout.write(`  xapian: ${start + BATCH - 1}/${n} indexed\n`);
    }
    await ask({ op: 'commit' });
    figures.xapianBuildS = Math.round((performance.now() - t) / 100) / 10;
    writeFileSync(done, new Date().toISOString());
  } else figures.xapianReused = 'yes (built by an earlier run)';
  return {
    version,
    figures,
    search: (q, filters = {}) =>
      ask<XapianPage>({ op: 'search', q, filters: { orgId: filters.orgId, year: filters.year }, checkAtLeast }),
    close: () => child.stdin.end(),
  };
}
