/**
 * Computing one agency's annual report from its records (target: under 2 s with 100,000 requests in the
 * year): 100,000 synthetic cases inserted directly (received in 2025, most answered with one of the 21
 * outcomes, some open at year end), then createReport() with the requests and catalogue sources, on
 * SQLite and, when GONGKAI_BENCH_PG_URL is set, on PostgreSQL. 50,000 published catalogue items are
 * generated in the year too (1 in 50 a 规章 or 行政规范性文件, some abolished), as in the target.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../src/platform/db/database.js';
import { withScratchPostgres, withScratchSqlite } from './scratch-databases.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { systemActor } from '../src/platform/context.js';
import { loadConfig } from '../src/platform/config.js';
import { insertOrg } from '../src/orgs/orgs.store.js';
import { emptyOrgFields } from '../src/orgs/orgs.rules.js';
import type { RequestsTable } from '../src/requests/requests.tables.js';
import { benchRequestRow } from './request-rows.js';
import type { ItemsTable } from '../src/catalog/catalog.tables.js';
import { recordsForCell, registerReportSource } from '../src/reports/report-source.js';
import { requestsReportSource } from '../src/reports/requests-source.js';
import { catalogReportSource } from '../src/reports/catalog-source.js';
import { createReport } from '../src/reports/create-report.js';
import { getReport, rowTables } from '../src/reports/reports.store.js';
import { checkIdentities } from '../src/reports/identities.rules.js';

const N = Number(process.env.GONGKAI_BENCH_REPORT_REQUESTS ?? 100_000);
const ITEMS = Number(process.env.GONGKAI_BENCH_REPORT_ITEMS ?? 50_000);
const KINDS = [null, 'business', 'research', 'public_interest', null];

async function measure(database: Database, prefix: string, figures: Record<string, number | string>): Promise<void> {
  const db = database.db;
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const county = await insertOrg(db, null, emptyOrgFields('county', '某县人民政府'), now);
  const org = await insertOrg(db, county, emptyOrgFields('agency', '某县自然资源局'), now);
  const t0 = performance.now();
  const batch: Array<Insertable<RequestsTable>> = [];
  for (let i = 0; i < N; i++) {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const open = i % 50 === 0;
    const kind = KINDS[i % KINDS.length];
    batch.push(benchRequestRow({ orgId: org.id, i, day, open, kind, now }));
    if (batch.length === 500 || i === N - 1) {
      await db.insertInto('requests').values(batch).execute();
      batch.length = 0;
    }
  }
  const items: Array<Insertable<ItemsTable>> = [];
  for (let i = 0; i < ITEMS; i++) {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const doc = i % 50 === 0;
    items.push({
      org_id: org.id,
      index_no: `BENCH-2025-${String(i).padStart(6, '0')}`,
      title: `测试信息${i}`,
      summary: null,
      body_html: '<p>测试正文</p>',
      doc_no: null,
      doc_agency: null,
      doc_year: null,
      doc_seq: null,
      doc_no_norm: null,
      topic: null,
      genre: '通知',
      category_id: null,
      keywords: null,
      validity: doc && i % 200 === 0 ? '废止' : '有效',
      validity_on: doc && i % 200 === 0 ? day : null,
      replaced_by_id: null,
      disclosure_mode: '主动公开',
      nondisclosure_ground: null,
      article20_item: doc ? 1 : null,
      is_rule: doc && i % 100 === 0 ? 1 : 0,
      is_normative: doc && i % 100 !== 0 ? 1 : 0,
      legality_required: 0,
      written_on: day,
      created_on: day,
      published_on: day,
      status: 'published',
      author_id: null,
      secrecy_reviewer: null,
      legality_reviewer: null,
      approver: null,
      withdrawn_reason: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    if (items.length === 500 || i === ITEMS - 1) {
      await db.insertInto('items').values(items).execute();
      items.length = 0;
    }
  }
  figures[`${prefix}.insertMs`] = Math.round(performance.now() - t0);
  const ctx = { db, actor: systemActor('bench'), now: () => new Date('2026-01-10T02:00:00Z'), config: loadConfig() };
  const t1 = performance.now();
  const { id } = await createReport(ctx, { orgId: org.id, year: 2025 });
  const ms = performance.now() - t1;
  const t = rowTables((await getReport(db, id))!);
  figures[`${prefix}.computeMs`] = Math.round(ms);
  figures[`${prefix}.under2s`] = ms < 2000 ? 'yes' : 'NO';
  figures[`${prefix}.newTotal`] = t.table3.new[6] ?? 0;
  figures[`${prefix}.identities`] = checkIdentities(t).length ? 'FAIL' : 'ok';
  figures[`${prefix}.normativeMade`] = t.table2['行政规范性文件']?.[0] ?? 0;
  // The drill-down of the largest cell (一、本年新收 总计), first page of 50.
  const t2 = performance.now();
  const cell = await recordsForCell(
    ctx,
    { id: org.id, path: org.path, name: org.name },
    2025,
    { table: '三', key: 'new', col: 6 },
    { limit: 50, offset: 0 },
  );
  figures[`${prefix}.drillDownMs`] = Math.round(performance.now() - t2);
  figures[`${prefix}.drillDownTotal`] = cell && 'total' in cell ? cell.total : 'none';
}

export async function run(): Promise<{ name: string; figures: Record<string, number | string> }> {
  registerReportSource(requestsReportSource);
  registerReportSource(catalogReportSource);
  const figures: Record<string, number | string> = { requests: N, items: ITEMS };
  await withScratchSqlite('gk-bench-compute', (db) => measure(db, 'sqlite', figures));
  if (!(await withScratchPostgres(`gk_bench_compute_${process.pid}`, (db) => measure(db, 'pg', figures))))
    figures.postgres = 'skipped (set GONGKAI_BENCH_PG_URL)';
  return { name: `annual report computed from ${N} requests and ${ITEMS} catalogue items`, figures };
}
