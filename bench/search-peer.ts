/**
 * Gongkai against its peer in ONE run: the search page on SQLite and PostgreSQL and Xapian 1.4's
 * page-equivalent (bench/xapian-peer.ts), interleaved query by query so the three see the same machine
 * load; p50/p95 per engine and per query, hit counts per query. Also the overlap of each engine's top 10
 * with the exact BM25 top 10 over all matches (SQLite FTS5 bm25, title 10 : body 1, no window).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { searchProvider } from '../src/search/search.provider.js';
import { parseQuery } from '../src/search/tokenizer.rules.js';
import { fts5Query } from '../src/search/sqlite-search.js';
import type { SearchProvider, SearchResult } from '../src/search/search.types.js';
import type { Db } from '../src/platform/db/schema.js';
import { CORPUS_ORGS, QUERIES, type Query } from './search-corpus.js';
import { openCorpus, type Corpus } from './portal-corpus.js';
import { openXapian, xapianMissing, type XapianPeer } from './xapian-peer.js';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

/** The exact BM25 top 10 over every match of the query (with its filters), by document id. */
async function exactTop10(db: Db, q: Query): Promise<number[] | null> {
  const parsed = parseQuery(q.q);
  if (!parsed.phrases.length || parsed.docNo || parsed.indexNo) return null;
  const f = q.filters ?? {};
  const r = await sql<{
    id: number;
  }>`select search_fts.rowid as id from search_fts join search_docs d on d.id = search_fts.rowid where search_fts match ${fts5Query(parsed.phrases)}${f.orgId !== undefined ? sql` and d.org_id = ${f.orgId}` : sql``}${f.year !== undefined ? sql` and d.year = ${f.year}` : sql``} order by bm25(search_fts, 10.0, 1.0), search_fts.rowid desc limit 10`.execute(
    db,
  );
  return r.rows.map((x) => Number(x.id));
}

const overlap = (a: number[], exact: number[]): number =>
  exact.length ? a.slice(0, 10).filter((id) => exact.includes(id)).length / Math.min(10, exact.length) : 1;

interface Engine {
  name: string;
  run(q: Query): Promise<{ ms: number; total: number; ids: number[] }>;
}

function gongkai(name: string, p: SearchProvider): Engine {
  return {
    name,
    async run(q) {
      const t = performance.now();
      const r: SearchResult = await p.search(q.q, q.filters ?? {}, 'relevance', { page: 1, perPage: 20 });
      return { ms: performance.now() - t, total: r.total, ids: r.hits.map((h) => Number(h.docId)) };
    },
  };
}

/** Runs the peer comparison at n items; `runs` measured rounds of the query mix after one warm-up round. */
export async function peerRun(
  n: number,
  runs: number,
  window: number,
  pgUrl: string | undefined,
  figures: Record<string, number | string>,
): Promise<void> {
  const missing = xapianMissing();
  if (missing) {
    figures['peer.xapian'] = missing;
    console.log(`search peer: ${missing}`);
    return;
  }
  const corpora: Corpus[] = [];
  let xapian: XapianPeer | undefined;
  try {
    const lite = await openCorpus('sqlite', n);
    corpora.push(lite);
    // GONGKAI_BENCH_SQLITE_PRAGMAS, e.g. `cache_size=-65536,mmap_size=1073741824`: what a larger page cache
    // would change (the corpus is opened with the application's GONGKAI_SQLITE_CACHE_MB, default 64 MB; before, 16 MB).
    for (const p of (process.env.GONGKAI_BENCH_SQLITE_PRAGMAS ?? '').split(',').filter(Boolean)) {
      if (!/^[a-z_]+=-?\d+$/.test(p)) throw new Error(`GONGKAI_BENCH_SQLITE_PRAGMAS: ${p}`);
      await sql`pragma ${sql.raw(p)}`.execute(lite.database.db);
      figures[`peer.sqlitePragma.${p.split('=')[0]}`] = p.split('=')[1]!;
    }
    // GONGKAI_BENCH_SEARCH_BASE: the search.provider.ts of an earlier tree (e.g. `git archive` of the base
    // commit), run on the same corpora in the same rounds: before and after under the same load.
    const baseFile = process.env.GONGKAI_BENCH_SEARCH_BASE;
    const base = baseFile
      ? ((await import(pathToFileURL(path.resolve(baseFile)).href)) as { searchProvider: typeof searchProvider })
      : null;
    const engines: Engine[] = [gongkai('sqlite', searchProvider(lite.database.db))];
    if (base) engines.push(gongkai('sqlite-base', base.searchProvider(lite.database.db)));
    if (pgUrl) {
      const pgc = await openCorpus('postgres', n, pgUrl);
      corpora.push(pgc);
      engines.push(gongkai('pg', searchProvider(pgc.database.db)));
      if (base) engines.push(gongkai('pg-base', base.searchProvider(pgc.database.db)));
    }
    // The corpus's agencies have database ids; the Xapian side keeps the corpus's own numbers (1…12).
    const orgs = await sql<{
      id: number;
      name: string;
    }>`select org_id as id, max(org_name) as name from search_docs group by org_id`.execute(lite.database.db);
    const corpusOrg = new Map(
      orgs.rows.map((o) => [Number(o.id), CORPUS_ORGS.indexOf(o.name.replace(/^基准/, '')) + 1]),
    );
    xapian = await openXapian(n, window);
    const x = xapian;
    for (const [k, v] of Object.entries(x.figures)) figures[`peer.${k}`] = v;
    figures['peer.xapianVersion'] = x.version;
    figures['peer.xapianCheckAtLeast'] = window;
    const xcore: number[] = [];
    engines.push({
      name: 'xapian',
      async run(q) {
        const f = q.filters?.orgId !== undefined ? { ...q.filters, orgId: corpusOrg.get(q.filters.orgId) } : q.filters;
        const r = await x.search(q.q, f);
        xcore.push(r.coreMs);
        return { ms: r.ms, total: r.total, ids: r.ids };
      },
    });
    const all: Record<string, number[]> = {};
    const byQuery: Record<string, number[]> = {};
    const last: Record<string, { total: number; ids: number[] }> = {};
    for (let round = 0; round <= runs; round++) {
      for (const q of QUERIES) {
        for (const e of engines) {
          const r = await e.run(q);
          last[`${e.name}|${q.kind}`] = r;
          if (round === 0) continue; // warm-up
          (all[e.name] ??= []).push(r.ms);
          (byQuery[`${e.name}|${q.kind}`] ??= []).push(r.ms);
        }
      }
    }
    for (const e of engines) {
      figures[`peer.${e.name}.p50Ms`] = pct(all[e.name]!, 50);
      figures[`peer.${e.name}.p95Ms`] = pct(all[e.name]!, 95);
    }
    figures['peer.xapian.top20Only.p95Ms'] = pct(xcore, 95);
    for (const e of engines.filter((x) => x.name !== 'xapian'))
      figures[`peer.ratio.${e.name}P95/xapianP95`] =
        Math.round((pct(all[e.name]!, 95) / pct(all.xapian!, 95)) * 100) / 100;
    const overlaps: Record<string, number[]> = {};
    for (const q of QUERIES) {
      const exact = await exactTop10(lite.database.db, q);
      for (const e of engines) {
        const r = last[`${e.name}|${q.kind}`]!;
        let line = `p50 ${pct(byQuery[`${e.name}|${q.kind}`]!, 50)} ms, ${r.total} hits`;
        if (exact) {
          const o = overlap(r.ids, exact);
          (overlaps[e.name] ??= []).push(o);
          line += `, top 10 ∩ exact BM25 ${Math.round(o * 10)}/10`;
        }
        figures[`peer[${q.kind}].${e.name}`] = line;
      }
    }
    for (const [name, os] of Object.entries(overlaps))
      figures[`peer.${name}.top10OverlapWithExactBm25`] =
        Math.round((os.reduce((a, b) => a + b, 0) / os.length) * 100) / 100;
  } finally {
    xapian?.close();
    for (const c of corpora) await c.database.close();
  }
}
