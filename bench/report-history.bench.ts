/**
 * One agency's annual report as its history grows (#22: "flat as earlier years are added"): PER_YEAR
 * synthetic cases a year (2 % still open, 5 % with a paid fee), for 1, 5 and 10 years of history ending in
 * 2025; then table 三, 四 and fees of 2025 (`requestStatistics`, what the report reads from the requests)
 * warm, after the hourly job has compacted table 三's counts (the tally before it is timed too), (WARMUPS calls first), called in turn with a bare `GROUP BY` of the same year's cases on the same
 * database (the limit: counting without rules, with its ideal index on the receipt date), RUNS rounds: the
 * medians of each and of the rounds' ratios. Target: ≤ 1.5× the bare GROUP BY, and flat across histories.
 * SQLite always; PostgreSQL when GONGKAI_BENCH_PG_URL is set.
 */
import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Database } from '../src/platform/db/database.js';
import { withScratchPostgres, withScratchSqlite } from './scratch-databases.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { systemActor } from '../src/platform/context.js';
import { loadConfig } from '../src/platform/config.js';
import { insertOrg } from '../src/orgs/orgs.store.js';
import { emptyOrgFields } from '../src/orgs/orgs.rules.js';
import type { RequestsTable, RequestEventsTable } from '../src/requests/requests.tables.js';
import { requestStatistics } from '../src/requests/request-statistics.js';
import { benchRequestRow } from './request-rows.js';
import { feesPaidInYear, yearTallyGroups } from '../src/requests/year-statistics.store.js';
import { appealRecords } from '../src/requests/appeal-records.js';
import { compactTallyCounts } from '../src/requests/compact-tally-counts.js';
import { recountTallyCounts } from '../src/requests/recount-tally-counts.js';

const PER_YEAR = Number(process.env.GONGKAI_BENCH_HISTORY_PER_YEAR ?? 20_000);
const HISTORIES = [1, 5, 10];
const RUNS = 21;
/** Calls before timing: the first calls of a query compile it (SQL and JavaScript) and fill the caches. */
const WARMUPS = 5;
const KINDS = [null, 'business', 'research', 'public_interest', null];

const round1 = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * The report and its limit called in turn (each round: one of each, in alternating order), so both see the
 * same machine load: their medians and the median of the rounds' ratios.
 */
async function interleaved(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number, number]> {
  for (let i = 0; i < WARMUPS; i++) {
    await a();
    await b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const pair: number[] = [];
    for (const [k, f] of (i % 2
      ? [
          [1, b],
          [0, a],
        ]
      : [
          [0, a],
          [1, b],
        ]) as Array<[number, () => Promise<unknown>]>) {
      const t = performance.now();
      await f();
      pair[k] = performance.now() - t;
    }
    as.push(pair[0]!);
    bs.push(pair[1]!);
    ratios.push(pair[0]! / pair[1]!);
  }
  return [median(as), median(bs), median(ratios)];
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUPS; i++) await f();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

async function measure(database: Database, years: number, prefix: string, figures: Record<string, number | string>) {
  const db = database.db;
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const county = await insertOrg(db, null, emptyOrgFields('county', '某县人民政府'), now);
  const org = await insertOrg(db, county, emptyOrgFields('agency', '某县自然资源局'), now);
  const t0 = performance.now();
  let i = 0;
  for (let year = 2026 - years; year <= 2025; year++) {
    const batch: Array<Insertable<RequestsTable>> = [];
    for (let k = 0; k < PER_YEAR; k++, i++) {
      const day = `${year}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
      batch.push(benchRequestRow({ orgId: org.id, i, day, open: k % 50 === 0, kind: KINDS[k % KINDS.length], now }));
      if (batch.length === 500 || k === PER_YEAR - 1) {
        const ids = await db.insertInto('requests').values(batch).returning('id').execute();
        const events: Array<Insertable<RequestEventsTable>> = [];
        ids.forEach((r, j) => {
          if ((i - batch.length + 1 + j) % 20) return;
          const on = batch[j].received_on!;
          const e = { request_id: r.id, public: 1, actor_id: null, actor_label: 'bench', created_at: now };
          events.push({ ...e, type: 'fee_notice_sent', event_on: on, payload: '{"amount":100}' });
          events.push({ ...e, type: 'fee_paid', event_on: on, payload: '{}' });
        });
        if (events.length) await db.insertInto('request_events').values(events).execute();
        batch.length = 0;
      }
    }
  }
  figures[`${prefix}.${years}y.rows`] = i;
  figures[`${prefix}.${years}y.insertMs`] = Math.round(performance.now() - t0);
  // The limit gets its ideal index (the year's rows by receipt date, with the grouped columns: counted from
  // the index alone); the report's statements keep to their year index beside it (year-statistics.db.test.ts).
  await sql`create index bench_org_received on requests (org_id, received_on, applicant_type, applicant_kind, outcome_code)`.execute(
    db,
  );
  // PostgreSQL: as autovacuum leaves a table after a load (statistics and the visibility map index-only scans need).
  if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(db);
  const ctx = { db, actor: systemActor('bench'), now: () => new Date('2026-01-10T02:00:00Z'), config: loadConfig() };
  const bare = () =>
    db
      .selectFrom('requests')
      .select(['applicant_type', 'applicant_kind', 'outcome_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', org.id)
      .where('received_on', '>=', '2025-01-01')
      .where('received_on', '<=', '2025-12-31')
      .groupBy(['applicant_type', 'applicant_kind', 'outcome_code'])
      .execute();
  // Table 三 reads the counts the triggers kept while loading (one row per case here, as if none had been
  // compacted yet), then what the hourly job leaves: one row per group.
  const orgPath = org.path;
  figures[`${prefix}.${years}y.part.tallyUncompactedMs`] = round1(
    await timed(() => yearTallyGroups(db, orgPath, 2025)),
  );
  const c0 = performance.now();
  const compacted = await compactTallyCounts(ctx);
  figures[`${prefix}.${years}y.compactMs`] = Math.round(performance.now() - c0);
  figures[`${prefix}.${years}y.countRows`] = `${compacted.summed} → ${compacted.groups}`;
  // `gongkai requests-recount --check` on the whole history (operations.md: how long the check takes).
  const r0 = performance.now();
  const drift = await recountTallyCounts(ctx, { check: true });
  figures[`${prefix}.${years}y.recountCheckMs`] = Math.round(performance.now() - r0);
  if (drift.tallyGroups || drift.feeRows) throw new Error(`counts differ from the cases: ${JSON.stringify(drift)}`);
  const [report, limit, ratio] = await interleaved(() => requestStatistics(ctx, { orgId: org.id, year: 2025 }), bare);
  // Where the report's time goes: its three reads alone.
  figures[`${prefix}.${years}y.part.tallyMs`] = round1(await timed(() => yearTallyGroups(db, orgPath, 2025)));
  figures[`${prefix}.${years}y.part.feesMs`] = round1(await timed(() => feesPaidInYear(db, orgPath, 2025)));
  figures[`${prefix}.${years}y.part.appealsMs`] = round1(await timed(() => appealRecords(db, orgPath)));
  figures[`${prefix}.${years}y.reportMs`] = round1(report);
  figures[`${prefix}.${years}y.bareGroupByMs`] = round1(limit);
  figures[`${prefix}.${years}y.ratio`] = Number(ratio.toFixed(2));
}

export async function run(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const figures: Record<string, number | string> = { perYear: PER_YEAR, runs: RUNS, warmups: WARMUPS };
  for (const years of HISTORIES) {
    await withScratchSqlite('gk-bench-history', (db) => measure(db, years, 'sqlite', figures));
    await withScratchPostgres(`gk_bench_history_${process.pid}_${years}`, (db) => measure(db, years, 'pg', figures));
  }
  if (!process.env.GONGKAI_BENCH_PG_URL) figures.postgres = 'skipped (set GONGKAI_BENCH_PG_URL)';
  return {
    name: `one agency's 2025 requests statistics with 1, 5 and 10 years of history (${PER_YEAR} cases a year)`,
    figures,
  };
}
