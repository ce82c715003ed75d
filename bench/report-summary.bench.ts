/**
 * Jurisdiction summary of annual reports (target: 200 agencies under 10 s): the supervising office's
 * status table and the summed tables, on SQLite and, when GONGKAI_BENCH_PG_URL is set, on PostgreSQL.
 * Computing one agency's report from 100,000 requests depends on the requests ReportSource (not yet
 * registered) and is not measured here.
 */
import type { Database } from '../src/platform/db/database.js';
import { withScratchPostgres, withScratchSqlite } from './scratch-databases.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { insertOrg } from '../src/orgs/orgs.store.js';
import { emptyOrgFields } from '../src/orgs/orgs.rules.js';
import { insertReport } from '../src/reports/reports.store.js';
import { jurisdictionSummary } from '../src/reports/jurisdiction-summary.js';
import { sampleTables } from '../src/reports/fixtures/sample-tables.js';

const AGENCIES = 200;

async function measure(database: Database, prefix: string, figures: Record<string, number | string>): Promise<void> {
  const db = database.db;
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const county = await insertOrg(db, null, emptyOrgFields('county', '某县人民政府'), now);
  for (let i = 0; i < AGENCIES; i++) {
    const org = await insertOrg(db, county, emptyOrgFields('agency', `某县第${i + 1}局`), now);
    for (const year of [2024, 2025])
      await insertReport(db, {
        org_id: org.id,
        year,
        format: '2021',
        status: i % 3 ? 'published' : 'submitted',
        source: 'entered',
        tables_json: JSON.stringify(sampleTables('2021', i * 10 + year)),
        overview: '',
        problems: '',
        other: '',
        review_comment: null,
        submitted_at: now,
        reviewed_at: null,
        reviewed_by: null,
        published_at: i % 3 ? now : null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
  }
  await jurisdictionSummary(db, [county.path], 2025);
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const s = await jurisdictionSummary(db, [county.path], 2025);
    runs.push(performance.now() - t);
    if (s.counted !== AGENCIES) throw new Error('summary counted the wrong number of reports');
  }
  runs.sort((a, b) => a - b);
  figures[`${prefix}.medianMs`] = Math.round(runs[2]);
  figures[`${prefix}.maxMs`] = Math.round(runs[4]);
  figures[`${prefix}.under10s`] = runs[4] < 10_000 ? 'yes' : 'NO';
}

export async function run(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const figures: Record<string, number | string> = { agencies: AGENCIES };
  await withScratchSqlite('gk-bench-summary', (db) => measure(db, 'sqlite', figures));
  if (!(await withScratchPostgres(`gk_bench_reports_${process.pid}`, (db) => measure(db, 'pg', figures))))
    figures.postgres = 'skipped (set GONGKAI_BENCH_PG_URL)';
  return { name: 'annual report jurisdiction summary (200 agencies)', figures };
}
