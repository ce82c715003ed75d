/**
 * Search benchmark: a catalogue of synthetic Chinese government-style items (search-corpus.ts, loaded
 * by portal-corpus.ts), index build time and size, and search latency p50/p95/p99 for a fixed query mix
 * on SQLite (FTS5 over our bigram tokens) and, when GONGKAI_BENCH_PG_URL is set, on PostgreSQL
 * (tsvector + GIN). In the same run: a plain LIKE scan and an FTS5 `trigram` table over the same texts,
 * with the ratios.
 *
 * In the same run, the peer (bench/search-peer.ts): Xapian 1.4 with CJK n-grams through Debian's
 * python3-xapian, interleaved with both databases query by query (GONGKAI_BENCH_SEARCH_MODE=peer for
 * that alone, =own without it); skipped with a message where python3-xapian is not installed.
 *
 * Sizes: GONGKAI_BENCH_SEARCH_DOCS, a comma-separated list (default 10000; issue 5 asks for
 * 100000,1000000). Runs per query: GONGKAI_BENCH_SEARCH_RUNS (default 20). Run: `npm run bench -- search`.
 */
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { searchProvider } from '../src/search/search.provider.js';
import { normalizeText, parseQuery } from '../src/search/tokenizer.rules.js';
import { fts5Query } from '../src/search/sqlite-search.js';
import { QUERIES, corpusDoc, type Query } from './search-corpus.js';
import { openCorpus } from './portal-corpus.js';
import { peerRun } from './search-peer.js';
import { WINDOW } from '../src/search/search-engine.js';

const SIZES = (process.env.GONGKAI_BENCH_SEARCH_DOCS ?? '10000')
  .split(',')
  .map(Number)
  .filter((x) => x > 0);
const RUNS = Number(process.env.GONGKAI_BENCH_SEARCH_RUNS ?? 20);
/** Which databases to measure (GONGKAI_BENCH_SEARCH_DIALECTS, default both). */
const DIALECTS = (process.env.GONGKAI_BENCH_SEARCH_DIALECTS ?? 'sqlite,postgres').split(',');
/** Runs per query of the slow baselines (LIKE scans read every text). */
const BASELINE_RUNS = Number(process.env.GONGKAI_BENCH_SEARCH_BASELINE_RUNS ?? 3); // 0: no baselines
/** `peer`: only the interleaved comparison with Xapian; `own`: only the per-dialect runs; default both. */
const MODE = process.env.GONGKAI_BENCH_SEARCH_MODE ?? 'all';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100;
};

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Latencies of `fn` over the query mix, RUNS times each (after one warm-up). */
async function measure(
  fn: (q: Query) => Promise<unknown>,
  runs = RUNS,
): Promise<{ all: number[]; byKind: Record<string, number[]> }> {
  const all: number[] = [];
  const byKind: Record<string, number[]> = {};
  for (const q of QUERIES) await fn(q);
  for (let i = 0; i < runs; i++) {
    for (const q of QUERIES) {
      const ms = await timeIt(() => fn(q));
      all.push(ms);
      (byKind[q.kind] ??= []).push(ms);
    }
  }
  return { all, byKind };
}

/** The text part of a query, normalized, for LIKE and trigram. */
const likeText = (q: Query): string => {
  const parsed = parseQuery(q.q);
  return parsed.phrases.length ? parsed.phrases.map((p) => p.text).join('') : normalizeText(q.q);
};
/** The filters of a query as SQL for the LIKE baseline. */
const likeFilters = (q: Query) =>
  sql`${sql.lit(1)} = 1${q.filters?.orgId ? sql` and d.org_id = ${q.filters.orgId}` : sql``}${q.filters?.year ? sql` and d.year = ${q.filters.year}` : sql``}`;

async function sqliteRun(n: number, figures: Record<string, number | string>): Promise<void> {
  const corpus = await openCorpus('sqlite', n);
  for (const [k, v] of Object.entries(corpus.figures)) figures[`sqlite.${k}`] = v;
  try {
    const db = corpus.database.db;
    const p = searchProvider(db);
    const full = await measure((q) => p.search(q.q, q.filters ?? {}, 'relevance', { page: 1, perPage: 20 }));
    record(figures, 'sqlite.search', full);
    if (!BASELINE_RUNS) return; // GONGKAI_BENCH_SEARCH_BASELINE_RUNS=0: the search alone
    // Core work compared across methods: count + top 20 (ranked where the method can rank).
    const core = await measure(async (q) => {
      const parsed = parseQuery(q.q);
      if (!parsed.phrases.length) return p.search(q.q, q.filters ?? {}, 'date', { page: 1, perPage: 20 });
      const m = fts5Query(parsed.phrases);
      await sql`select count(*) from search_fts where search_fts match ${m}`.execute(db);
      return sql`select rowid from search_fts where search_fts match ${m} order by bm25(search_fts, 10.0, 1.0) limit 20`.execute(
        db,
      );
    });
    record(figures, 'sqlite.bigramCore', core);
    const like = await measure(async (q) => {
      const t = `%${likeText(q)}%`;
      await sql`select count(*) from search_texts t join search_docs d on d.id = t.id where t.norm_text like ${t} and ${likeFilters(q)}`.execute(
        db,
      );
      return sql`select d.id from search_texts t join search_docs d on d.id = t.id where t.norm_text like ${t} and ${likeFilters(q)} order by d.published_on desc limit 20`.execute(
        db,
      );
    }, BASELINE_RUNS);
    record(figures, 'sqlite.like', like);
    // The trigram comparison table is kept with the corpus (built once).
    const t0 = performance.now();
    await sql`create virtual table if not exists tri using fts5(title, body, tokenize='trigram')`.execute(db);
    if (!(await sql`select rowid from tri limit 1`.execute(db)).rows.length) {
      await sql`insert into tri(rowid, title, body) select d.id, d.title, t.body from search_docs d join search_texts t on t.id = d.id`.execute(
        db,
      );
      figures['sqlite.trigramBuildMs'] = Math.round(performance.now() - t0);
    }
    try {
      const r = await sql<{ n: number }>`select sum(pgsize) as n from dbstat where name like 'tri%'`.execute(db);
      figures['sqlite.trigramIndexMiB'] = Math.round((Number(r.rows[0]?.n ?? 0) / 2 ** 20) * 10) / 10;
    } catch {
      /* no dbstat */
    }
    const tri = await measure(async (q) => {
      const text = likeText(q);
      if ([...text].length >= 3) {
        const m = `"${text.replace(/"/g, '')}"`;
        await sql`select count(*) from tri where tri match ${m}`.execute(db);
        return sql`select rowid from tri where tri match ${m} order by bm25(tri, 10.0, 1.0) limit 20`.execute(db);
      }
      const t = `%${text}%`;
      await sql`select count(*) from tri where title like ${t} or body like ${t}`.execute(db);
      return sql`select rowid from tri where title like ${t} or body like ${t} limit 20`.execute(db);
    }, BASELINE_RUNS);
    record(figures, 'sqlite.trigram', tri);
    figures['ratio.likeP95/bigramP95'] = Math.round((pct(like.all, 95) / pct(core.all, 95)) * 10) / 10;
    figures['ratio.trigramP95/bigramP95'] = Math.round((pct(tri.all, 95) / pct(core.all, 95)) * 10) / 10;
    const two = (m: { byKind: Record<string, number[]> }) => pct(m.byKind['2字常见词 公开'], 50);
    figures['ratio.2char.like/bigram'] = Math.round((two(like) / two(core)) * 10) / 10;
    figures['ratio.2char.trigram/bigram'] = Math.round((two(tri) / two(core)) * 10) / 10;
  } finally {
    await corpus.database.close();
  }
}

function record(
  figures: Record<string, number | string>,
  prefix: string,
  m: { all: number[]; byKind: Record<string, number[]> },
): void {
  figures[`${prefix}.p50Ms`] = pct(m.all, 50);
  figures[`${prefix}.p95Ms`] = pct(m.all, 95);
  figures[`${prefix}.p99Ms`] = pct(m.all, 99);
  for (const [k, xs] of Object.entries(m.byKind)) figures[`${prefix}[${k}].p50Ms`] = pct(xs, 50);
}

async function postgresRun(url: string, n: number, figures: Record<string, number | string>): Promise<void> {
  const corpus = await openCorpus('postgres', n, url);
  for (const [k, v] of Object.entries(corpus.figures)) figures[`pg.${k}`] = v;
  try {
    const db = corpus.database.db;
    const p = searchProvider(db);
    const full = await measure((q) => p.search(q.q, q.filters ?? {}, 'relevance', { page: 1, perPage: 20 }));
    record(figures, 'pg.search', full);
    if (!BASELINE_RUNS) return;
    const like = await measure(async (q) => {
      const t = `%${likeText(q)}%`;
      await sql`select count(*) from search_texts t join search_docs d on d.id = t.id where t.norm_text like ${t} and ${likeFilters(q)}`.execute(
        db,
      );
      return sql`select d.id from search_texts t join search_docs d on d.id = t.id where t.norm_text like ${t} and ${likeFilters(q)} order by d.published_on desc limit 20`.execute(
        db,
      );
    }, BASELINE_RUNS);
    record(figures, 'pg.like', like);
    figures['ratio.pg.likeP95/searchP95'] = Math.round((pct(like.all, 95) / pct(full.all, 95)) * 10) / 10;
  } finally {
    await corpus.database.close();
  }
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Array<{ name: string; figures: Record<string, number | string> }>> {
  const out: Array<{ name: string; figures: Record<string, number | string> }> = [];
  for (const n of SIZES) {
    const figures: Record<string, number | string> = { docs: n, runsPerQuery: RUNS, queries: QUERIES.length };
    const sample = Array.from({ length: 1000 }, (_, i) => corpusDoc(i + 1));
    figures.corpusMiBPer1000 =
      Math.round((sample.reduce((x, d) => x + Buffer.byteLength(d.title + d.body), 0) / 2 ** 20) * 100) / 100;
    const tn = performance.now();
    for (const d of sample) normalizeText(d.body ?? '');
    figures['normalize1000DocsMs'] = Math.round(performance.now() - tn);
    const pgUrl = process.env.GONGKAI_BENCH_PG_URL;
    if (MODE !== 'peer') {
      if (DIALECTS.includes('sqlite')) await sqliteRun(n, figures);
      if (pgUrl && DIALECTS.includes('postgres')) await postgresRun(pgUrl, n, figures);
      else figures.postgres = 'skipped (set GONGKAI_BENCH_PG_URL)';
    }
    if (MODE !== 'own') await peerRun(n, RUNS, WINDOW, DIALECTS.includes('postgres') ? pgUrl : undefined, figures);
    out.push({ name: `search ${n}`, figures });
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run()) for (const [k, v] of Object.entries(r.figures)) console.log(`${r.name} · ${k}: ${v}`);
}
