/**
 * Dashboard benchmark (issue 9): a county with 200 agencies, 1,000,000 catalogue items and 100,000
 * requests on SQLite (a file database); the supervisor's GET /console/supervision through the composed
 * app (figures of every source, the SVG trend chart, HTML). Target: under 2 s.
 *
 * Sizes: GONGKAI_BENCH_DASH_ITEMS (default 1,000,000), GONGKAI_BENCH_DASH_REQUESTS (100,000),
 * GONGKAI_BENCH_DASH_AGENCIES (200). Run: `npm run bench -- dashboard`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { buildApp } from '../src/app/build-app.js';
import { testConfig } from '../test/helpers/db.js';
import { makeOrg, makeUser } from '../test/helpers/factories.js';
import { Client } from '../test/helpers/http.js';

const ITEMS = Number(process.env.GONGKAI_BENCH_DASH_ITEMS ?? 1_000_000);
const REQUESTS = Number(process.env.GONGKAI_BENCH_DASH_REQUESTS ?? 100_000);
const AGENCIES = Number(process.env.GONGKAI_BENCH_DASH_AGENCIES ?? 200);
const RUNS = 5;

export async function run(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-dash-'));
  const database = openDatabase({ dialect: 'sqlite', sqliteFile: path.join(dir, 'bench.db') });
  try {
    const db = database.db;
    await migrateToLatest(db);
    const county = await makeOrg(db, { name: '基准县人民政府' });
    let first = 0;
    for (let i = 0; i < AGENCIES; i++) {
      const o = await makeOrg(db, { parent: county, name: `基准县第${i + 1}局` });
      if (!i) first = o.id;
    }
    const sup = await makeUser(db, [['supervisor', county]]);
    const t0 = performance.now();
    // 1,000,000 items over 2024-01-01 … 2026-11-28, published 0–40 days after creation.
    await sql`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${ITEMS})
      insert into items (org_id, index_no, title, summary, body_html, genre, validity, disclosure_mode, is_rule, is_normative, legality_required, created_on, published_on, status, version, created_at, updated_at)
      select ${first} + (i % ${AGENCIES}), 'B-' || i, '基准信息' || i, null, '<p>正文</p>', '通知', '有效', '主动公开', 0, 0, 0,
        date('2024-01-01', '+' || (i % 1062) || ' days'), date('2024-01-01', '+' || ((i % 1062) + (i % 41)) || ' days'),
        case when i % 10 = 0 then 'draft' else 'published' end, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
      from n`.execute(db);
    await sql`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${REQUESTS})
      insert into requests (org_id, request_no, query_code_hash, applicant_type, applicant_kind, applicant_name, id_type, id_number, info_form, delivery, channel, submitted_at, received_on, state, due_on, outcome_code, closed_on, created_at, updated_at)
      select ${first} + (i % ${AGENCIES}), 'R-' || i, 'h' || i, 'citizen', null, '申请人', 'id_card', 'x', 'paper', 'post', 'online',
        date('2024-01-01', '+' || (i % 1062) || ' days') || 'T01:00:00Z', date('2024-01-01', '+' || (i % 1062) || ' days'),
        case when i % 7 = 0 then 'processing' else 'answered' end, date('2024-01-01', '+' || ((i % 1062) + 28) || ' days'),
        case when i % 7 = 0 then null else '1' end, case when i % 7 = 0 then null else date('2024-01-01', '+' || ((i % 1062) + (i % 30)) || ' days') end,
        '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
      from n`.execute(db);
    await sql`analyze`.execute(db);
    const loadMs = performance.now() - t0;
    const app = await buildApp(testConfig(), database, { now: () => new Date('2026-11-30T02:00:00Z') });
    await app.ready();
    const c = new Client(app);
    await c.login(sup.username);
    const times: number[] = [];
    let bytes = 0;
    for (let r = 0; r < RUNS; r++) {
      const s = performance.now();
      const res = await c.get('/console/supervision?from=2026-01-01&to=2026-11-30');
      times.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`dashboard answered ${res.statusCode}`);
      bytes = res.body.length;
    }
    await app.close();
    times.sort((a, b) => a - b);
    return {
      name: `dashboard (${AGENCIES} agencies, ${ITEMS} items, ${REQUESTS} requests, SQLite)`,
      figures: {
        load_s: Math.round(loadMs / 100) / 10,
        first_ms: Math.round(times[times.length - 1]),
        median_ms: Math.round(times[Math.floor(RUNS / 2)]),
        html_kb: Math.round(bytes / 1024),
        target: '< 2000 ms',
      },
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await run());
