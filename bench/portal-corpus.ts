/**
 * A catalogue of N published items (and their search index) for the portal benchmarks, loaded in bulk
 * straight into the tables: 12 agencies under a county, 8 categories each, items from the synthetic
 * corpus (search-corpus.ts) with their search documents tokenized by the real tokenizer (docRow/textRow).
 *
 * SQLite files are kept under .tmp/bench/ and PostgreSQL databases are kept as gk_bench_portal_<N>
 * (a completed load is marked in `settings`), so a 1,000,000-item corpus is built once and reused;
 * GONGKAI_BENCH_FRESH=1 rebuilds. PostgreSQL: the GIN index is dropped during the load and rebuilt after.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { loadConfig } from '../src/platform/config.js';
import type { Db } from '../src/platform/db/schema.js';
import { docRow, textRow } from '../src/search/index-many.js';
import { makeOrg } from '../test/helpers/factories.js';
import { CORPUS_CATEGORIES, CORPUS_ORGS, corpusDoc } from './search-corpus.js';

const MARK = 'bench.portal_corpus.v2'; // v2: documents carry filter terms
const BATCH = 500;

export interface Corpus {
  database: Database;
  /** SQLite file or PostgreSQL URL of the corpus. */
  where: string;
  figures: Record<string, number | string>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

async function loaded(db: Db): Promise<number> {
  try {
    const r = await db.selectFrom('settings').select('value').where('key', '=', MARK).executeTakeFirst();
    return r ? Number(r.value) : 0;
  } catch {
    return 0;
  }
}

/** Inserts items 1…n with their search rows; returns [items ms, search ms]. */
async function load(
  db: Db,
  n: number,
  pgDialect: boolean,
  progress: (done: number) => void,
): Promise<[number, number]> {
  const county = await makeOrg(db, { name: '基准县人民政府' });
  const orgIds: number[] = [];
  const cats: number[][] = [];
  const now = new Date().toISOString();
  for (const name of CORPUS_ORGS) {
    const o = await makeOrg(db, { parent: county, name: `基准${name}` });
    orgIds.push(o.id);
    const ids: number[] = [];
    for (const [i, c] of CORPUS_CATEGORIES.entries())
      ids.push(
        (
          await db
            .insertInto('catalog_categories')
            .values({ org_id: o.id, parent_id: null, name: c, sort_order: i, created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    cats.push(ids);
  }
  // The GIN index as the migrations define it, dropped during the load and rebuilt after.
  const ginDef = pgDialect
    ? (await sql<{ d: string }>`select pg_get_indexdef('search_texts_tsv'::regclass) as d`.execute(db)).rows[0]!.d
    : '';
  if (pgDialect) await sql`drop index if exists search_texts_tsv`.execute(db);
  let itemsMs = 0;
  let searchMs = 0;
  for (let start = 1; start <= n; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, n - start + 1) }, (_, k) => corpusDoc(start + k));
    await db.transaction().execute(async (trx) => {
      const t0 = performance.now();
      const items = docs.map((d) => {
        const o = Number(d.orgId) - 1;
        return {
          id: Number(d.docId),
          org_id: orgIds[o]!,
          index_no: d.indexNo!,
          title: d.title,
          summary: null,
          body_html: `<p>${d.body!.replace(/。/g, '。</p><p>')}</p>`,
          doc_no: d.docNo ?? null,
          doc_agency: null,
          doc_year: null,
          doc_seq: null,
          doc_no_norm: null,
          topic: d.topic ?? null,
          genre: d.genre ?? '通知',
          category_id: cats[o]![Number(d.categoryId) - 1]!,
          keywords: null,
          validity: d.validity ?? '有效',
          validity_on: null,
          replaced_by_id: null,
          disclosure_mode: '主动公开',
          nondisclosure_ground: null,
          article20_item: null,
          is_rule: 0,
          is_normative: 0,
          legality_required: 0,
          written_on: d.publishedOn ?? null,
          created_on: d.publishedOn!,
          published_on: d.publishedOn ?? null,
          status: 'published',
          author_id: null,
          secrecy_reviewer: '基准',
          legality_reviewer: null,
          approver: '基准',
          withdrawn_reason: null,
          version: 1,
          created_at: now,
          updated_at: now,
        };
      });
      await trx.insertInto('items').values(items).execute();
      const t1 = performance.now();
      const rows = docs.map((d, k) => ({
        id: items[k]!.id,
        ...docRow(
          {
            ...d,
            docType: 'catalog_item',
            orgId: items[k]!.org_id,
            orgName: `基准${CORPUS_ORGS[Number(d.orgId) - 1]}`,
            categoryId: items[k]!.category_id,
            url: `/gk/items/${items[k]!.id}`,
          },
          now,
        ),
      }));
      await trx.insertInto('search_docs').values(rows).execute();
      await trx
        .insertInto('search_texts')
        .values(docs.map((d, k) => ({ id: rows[k]!.id, ...textRow(d.title, d.body ?? '', rows[k]!) })))
        .execute();
      itemsMs += t1 - t0;
      searchMs += performance.now() - t1;
    });
    progress(Math.min(n, start + BATCH - 1));
  }
  const t2 = performance.now();
  if (pgDialect) {
    await sql`select setval(pg_get_serial_sequence('items', 'id'), ${n})`.execute(db);
    await sql`select setval(pg_get_serial_sequence('search_docs', 'id'), ${n})`.execute(db);
    await sql.raw(ginDef).execute(db);
    await sql`vacuum analyze`.execute(db);
  } else {
    await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
    // Table statistics as an administrator's ANALYZE leaves them, less the STAT4 samples: with those,
    // SQLite re-plans every statement that compares a bound value with an indexed column whenever the
    // value changes (≈100 µs each, and the statement cache is lost). Gongkai itself never analyzes.
    await sql`analyze`.execute(db);
    await sql`delete from sqlite_stat4`.execute(db);
  }
  searchMs += performance.now() - t2;
  return [itemsMs, searchMs];
}

/** Opens (building when needed) the corpus of n items on the dialect. */
export async function openCorpus(dialect: 'sqlite' | 'postgres', n: number, pgUrl?: string): Promise<Corpus> {
  const fresh = process.env.GONGKAI_BENCH_FRESH === '1';
  const figures: Record<string, number | string> = {};
  let database: Database;
  let where: string;
  if (dialect === 'sqlite') {
    mkdirSync('.tmp/bench', { recursive: true });
    where = path.resolve(`.tmp/bench/portal-${n}.sqlite`);
    if (fresh) for (const ext of ['', '-wal', '-shm']) rmSync(where + ext, { force: true });
    // With the application's SQLite page cache (GONGKAI_SQLITE_CACHE_MB), as `gongkai serve` opens it.
    database = openDatabase({ dialect: 'sqlite', sqliteFile: where, sqliteCacheMb: loadConfig().sqliteCacheMb });
  } else {
    // GONGKAI_BENCH_PG_DB_PREFIX: another name for corpora whose schema differs (a branch's migrations).
    const name = `${process.env.GONGKAI_BENCH_PG_DB_PREFIX ?? 'gk_bench_portal'}_${n}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (exists && fresh) await admin.query(`drop database ${name} with (force)`);
    if (!exists || fresh) await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(pgUrl!);
    u.pathname = `/${name}`;
    where = u.toString();
    database = openDatabase({ dialect: 'postgres', url: where, poolSize: 10 });
  }
  const db = database.db;
  await migrateToLatest(db);
  if ((await loaded(db)) !== n) {
    if (await db.selectFrom('items').select('id').limit(1).executeTakeFirst())
      throw new Error(`${where}: an unfinished corpus; rerun with GONGKAI_BENCH_FRESH=1`);
    let last = 0;
    const t = performance.now();
    const [itemsMs, searchMs] = await load(db, n, dialect === 'postgres', (done) => {
      if (done - last >= 50_000 || done === n) {
        last = done;
        process.stdout.write(
          `  ${dialect}: ${done}/${n} items loaded (${Math.round((performance.now() - t) / 1000)} s)\n`,
        );
      }
    });
    figures.loadItemsS = round1(itemsMs / 1000);
    figures.indexBuildS = round1(searchMs / 1000);
    const at = new Date().toISOString();
    await db
      .insertInto('settings')
      .values({ key: MARK, value: String(n), updated_at: at, updated_by: null })
      .execute();
  } else figures.reused = 'yes (built by an earlier run)';
  if (dialect === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
    figures.fileMiB = round1(statSync(where).size / 2 ** 20);
    try {
      const r = await sql<{ n: number }>`select sum(pgsize) as n from dbstat where name like 'search_fts%'`.execute(db);
      figures.ftsIndexMiB = round1(Number(r.rows[0]?.n ?? 0) / 2 ** 20);
      const t = await sql<{
        n: number;
      }>`select sum(pgsize) as n from dbstat where name in ('search_docs', 'search_texts')`.execute(db);
      figures.searchTablesMiB = round1(Number(t.rows[0]?.n ?? 0) / 2 ** 20);
    } catch {
      figures.ftsIndexMiB = 'n/a (no dbstat)';
    }
  } else {
    const size = await sql<{
      t: string;
      i: string;
      d: string;
    }>`select pg_total_relation_size('search_docs') + pg_total_relation_size('search_texts') as t, pg_relation_size('search_texts_tsv') as i, pg_database_size(current_database()) as d`.execute(
      db,
    );
    figures.searchTablesMiB = round1(Number(size.rows[0]!.t) / 2 ** 20);
    figures.ginIndexMiB = round1(Number(size.rows[0]!.i) / 2 ** 20);
    figures.databaseMiB = round1(Number(size.rows[0]!.d) / 2 ** 20);
  }
  return { database, where, figures };
}
