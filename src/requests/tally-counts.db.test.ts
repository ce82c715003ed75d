import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { addCase, addCaseEvent } from '../../test/helpers/report-records.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import type { Db } from '../platform/db/schema.js';
import { seededRandom } from '../platform/seeded-random.js';
import { OUTCOMES } from './outcomes.rules.js';
import { yearTallyGroups } from './year-statistics.store.js';
import { compactTallyCounts } from './compact-tally-counts.js';
import { recountTallyCounts } from './recount-tally-counts.js';
import * as migration from '../platform/db/migrations/202612062000_request_tally_counts.js';
import * as feesMigration from '../platform/db/migrations/202612062100_request_fees_paid.js';
import { feesPaidInYear } from './year-statistics.store.js';
import { runDueJobs } from '../platform/jobs/scheduler.js';
import { requestsModule } from '../app/modules/requests.js';

const YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The year's groups counted from the cases themselves (what the counts must always equal), sorted. */
async function groupsFromCases(db: Db, orgPath: string, year: number) {
  const r = await sql<{ k: string; rin: number; cin: number; n: number }>`select r.tally_key as k,
    case when r.received_on >= ${`${year}-01-01`} then 1 else 0 end as rin,
    case when r.closed_on <= ${`${year}-12-31`} then 1 else 0 end as cin, count(*) as n
    from requests r join orgs o on o.id = r.org_id
    where o.path like ${`${orgPath}%`} and r.received_on <= ${`${year}-12-31`}
      and (r.closed_on is null or r.closed_on >= ${`${year}-01-01`})
    group by 1, 2, 3`.execute(db);
  return r.rows.map((x) => `${x.k} ${Number(x.rin)}${Number(x.cin)} ×${Number(x.n)}`).sort();
}

async function groupsFromCounts(db: Db, orgPath: string, year: number) {
  return (await yearTallyGroups(db, orgPath, year))
    .map(
      (g) =>
        `${g.applicantType}|${g.applicantKind ?? ''}|${g.state}|${g.outcomeCode ?? ''} ${Number(g.receivedInYear)}${Number(g.closedInYear)} ×${g.n}`,
    )
    .sort();
}

const countRows = async (db: Db) =>
  Number((await sql<{ n: number }>`select count(*) as n from request_tally_counts`.execute(db)).rows[0]!.n);

describeDb('table 三 counts kept by the database = counted from the cases, through every kind of change', (h) => {
  let county: OrgRow;
  let agency: OrgRow;
  let orgs: OrgRow[];
  const random = seededRandom(20261206);

  const addRandomCase = async (db: Db = h.db()) => {
    const day = Date.UTC(2018, 0, 1) + Math.floor(random.next() * 9 * 365) * 86_400_000;
    const r = random.next();
    const closed = r < 0.2 ? undefined : iso(day + Math.floor(random.next() * (r < 0.4 ? 900 : 50)) * 86_400_000);
    const kind = random.pick([null, 'business', 'research', 'other']);
    return addCase(db, random.pick(orgs), {
      received: random.next() < 0.05 ? null : iso(day),
      submitted: iso(day),
      closed,
      outcome: closed ? random.pick(OUTCOMES).code : undefined,
      type: kind ? 'organization' : 'citizen',
      kind,
    });
  };

  /** Every year, for the agency's subtree and the whole county. */
  const assertSame = async (when: string) => {
    for (const org of [agency, county])
      for (const year of YEARS)
        assert.deepEqual(
          await groupsFromCounts(h.db(), org.path, year),
          await groupsFromCases(h.db(), org.path, year),
          `${when}: ${org.name} ${year}`,
        );
  };

  /** Changes `count` random cases the way the workflow and the console do (and a few ways they do not). */
  const mutate = async (count: number) => {
    const ids = (await h.db().selectFrom('requests').select('id').execute()).map((r) => r.id);
    for (let i = 0; i < count; i++) {
      const id = random.pick(ids);
      const change = random.next();
      const q = h.db().updateTable('requests').where('id', '=', id);
      if (change < 0.3) {
        const on = iso(Date.UTC(2018, 0, 1) + Math.floor(random.next() * 9 * 365) * 86_400_000);
        await q.set({ state: 'answered', closed_on: on, outcome_code: random.pick(OUTCOMES).code }).execute();
      } else if (change < 0.4) await q.set({ state: 'processing', closed_on: null, outcome_code: null }).execute();
      else if (change < 0.5) await q.set({ state: 'withdrawn', outcome_code: null }).execute();
      else if (change < 0.6) await q.set({ org_id: random.pick(orgs).id }).execute();
      else if (change < 0.7) await q.set({ applicant_type: 'organization', applicant_kind: 'legal_service' }).execute();
      else if (change < 0.8) await q.set({ received_on: iso(Date.UTC(2019, 4, 1 + i)) }).execute();
      else if (change < 0.85) await q.set({ received_on: null }).execute();
      else if (change < 0.9) await q.set({ info_title: '只改标题' }).execute();
      else await h.db().deleteFrom('requests').where('id', '=', id).execute();
    }
  };

  before(async () => {
    county = await makeOrg(h.db(), { name: '示范县' });
    agency = await makeOrg(h.db(), { parent: county, name: '县自然资源局' });
    const section = await makeOrg(h.db(), { parent: agency, kind: 'section', name: '法规股' });
    const other = await makeOrg(h.db(), { parent: county, name: '县教育局' });
    orgs = [agency, agency, section, other];
    for (let i = 0; i < 300; i++) await addRandomCase();
  });

  test('after inserts, updates of every column the tally reads, and deletes; and after each compaction', async () => {
    await assertSame('inserted');
    assert.equal(await countRows(h.db()), 300, 'one row per case inserted');
    await mutate(400);
    await assertSame('changed');
    const rows = await countRows(h.db());
    assert.ok(rows > 600, `rows added by the changes (${rows})`);
    const c = await compactTallyCounts({ db: h.db() });
    assert.equal(c.summed, rows);
    assert.equal(await countRows(h.db()), c.groups);
    const groups = await sql<{ n: number }>`select count(*) as n from (select distinct org_id, tally_key,
      substr(received_on, 1, 4), substr(closed_on, 1, 4) from requests) g`.execute(h.db());
    assert.equal(c.groups, Number(groups.rows[0]!.n), 'one row per group of cases alike');
    const zeroGroups = await sql<{ n: number }>`select count(*) as n from request_tally_counts where n = 0`.execute(
      h.db(),
    );
    assert.equal(Number(zeroGroups.rows[0]!.n), 0, 'groups summing to nothing are gone');
    await assertSame('compacted');
    await mutate(200);
    for (let i = 0; i < 50; i++) await addRandomCase();
    await assertSame('changed after compaction');
    await compactTallyCounts({ db: h.db() });
    await compactTallyCounts({ db: h.db() });
    await assertSame('compacted twice');
  });

  test('the hourly job compacts the counts and says how much', async () => {
    await mutate(20);
    const rows = await countRows(h.db());
    const jobs = requestsModule.jobs!.filter((j) => j.name === 'requests.tally_compact');
    const ran = await runDueJobs(h.ctx(undefined, new Date('2026-12-06T03:00:00Z')), jobs, 'node-test');
    assert.deepEqual(ran, [{ job: 'requests.tally_compact', period: '2026-12-06T11', status: 'ok' }]);
    const run = await h
      .db()
      .selectFrom('job_runs')
      .select('message')
      .where('job', '=', 'requests.tally_compact')
      .executeTakeFirstOrThrow();
    assert.equal(run.message, `年报表三计数：${rows} 行合并为 ${await countRows(h.db())} 行`);
    assert.ok((await countRows(h.db())) < rows);
    await assertSame('compacted by the job');
  });

  test('the migration counts the cases already there, and its down step removes the counts and triggers', async () => {
    await migration.down(h.db());
    for (let i = 0; i < 40; i++) await addRandomCase();
    await mutate(30);
    await migration.up(h.db());
    await assertSame('counted by the migration');
    await mutate(30);
    await assertSame('then kept by the triggers');
  });

  test('fees paid: counted by the payment’s year, moved with their case, added by the migration, gone with the case', async () => {
    const x = await makeOrg(h.db(), { parent: county, name: '县财政局' });
    const y = await makeOrg(h.db(), { parent: county, name: '县审计局' });
    const id = await addCase(h.db(), x, { received: '2025-03-02' });
    const event = (type: string, on: string, payload: object) => addCaseEvent(h.db(), id, type, on, payload);
    const fees = async (o: OrgRow) => [
      await feesPaidInYear(h.db(), o.path, 2025),
      await feesPaidInYear(h.db(), o.path, 2026),
    ];
    await event('fee_notice_sent', '2025-03-10', { amount: 30 });
    await event('fee_paid', '2025-03-20', {});
    await event('fee_notice_sent', '2025-12-10', { amount: 50.5 });
    assert.deepEqual(await fees(x), [30, 0]);
    await event('fee_paid', '2026-01-04', {});
    assert.deepEqual(await fees(x), [30, 50.5], 'each payment at its latest notice before it');
    await h.db().updateTable('requests').set({ org_id: y.id }).where('id', '=', id).execute();
    assert.deepEqual(
      [await fees(x), await fees(y)],
      [
        [0, 0],
        [30, 50.5],
      ],
      'moved with the case',
    );
    await feesMigration.down(h.db());
    await event('fee_notice_sent', '2026-02-01', { amount: 7 });
    await event('fee_paid', '2026-02-02', {});
    await feesMigration.up(h.db());
    assert.deepEqual(await fees(y), [30, 57.5], 'the migration adds the payments recorded before it');
    await event('fee_paid', '2026-02-03', {});
    assert.deepEqual(await fees(y), [30, 64.5], 'then the triggers add each one');
    await h.db().deleteFrom('requests').where('id', '=', id).execute();
    assert.deepEqual(await fees(y), [0, 0], 'gone with the case');
  });

  test('a recount finds counts and payments written without the triggers, --check changes nothing, then it fixes them', async () => {
    const db = h.db();
    const x = await makeOrg(db, { parent: county, name: '县住建局' });
    const id = await addCase(db, x, { received: '2024-05-02' });
    const event = (type: string, on: string, payload: object, d: Db = db) => addCaseEvent(d, id, type, on, payload);
    const notice = await event('fee_notice_sent', '2024-05-10', { amount: 40 });
    const paid = await event('fee_paid', '2024-05-20', {});
    await event('fee_notice_sent', '2025-01-10', { amount: 12.5 });
    const later = await event('fee_paid', '2025-01-20', {});
    const extra = await event('fee_notice_sent', '2025-02-01', { amount: 3 });
    const fees = async () => [await feesPaidInYear(db, x.path, 2024), await feesPaidInYear(db, x.path, 2025)];
    assert.deepEqual(await fees(), [40, 12.5]);
    const sys = h.ctx(undefined, new Date('2026-12-06T03:00:00Z'));
    assert.deepEqual(await recountTallyCounts(sys), { tallyGroups: 0, tallyCases: 0, feeRows: 0, fixed: false });
    // What a write without the triggers leaves: counts of cases gone or changed, a payment's row missing,
    // one at the wrong org or amount, a row for an event that is not a payment.
    await sql`delete from request_tally_counts where id in (select id from request_tally_counts order by id limit 7)`.execute(
      db,
    );
    await sql`insert into request_tally_counts (org_id, tally_key, received_year, closed_year, n)
      values (${agency.id}, 'citizen||processing|', 2021, null, 3)`.execute(db);
    await db.deleteFrom('request_fees_paid').where('event_id', '=', paid).execute();
    await db.updateTable('request_fees_paid').set({ amount: 99 }).where('event_id', '=', later).execute();
    await sql`insert into request_fees_paid (event_id, request_id, org_id, paid_year, amount)
      values (${extra}, ${id}, ${x.id}, 2025, 3)`.execute(db);
    if (h.dialect === 'postgres')
      // The real case: statements run with the triggers off (a data-only restore, replication role).
      await db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        for (let i = 0; i < 5; i++) await addRandomCase(trx);
        await trx.updateTable('requests').set({ org_id: agency.id }).where('id', '=', id).execute();
        await trx.deleteFrom('request_events').where('id', '=', notice).execute();
      });
    const countsBefore = await countRows(db);
    const feesBefore = await fees();
    const byCases = async () => {
      const out: string[][] = [];
      for (const org of [agency, county, x]) for (const y of YEARS) out.push(await groupsFromCases(db, org.path, y));
      return out;
    };
    const byCounts = async () => {
      const out: string[][] = [];
      for (const org of [agency, county, x]) for (const y of YEARS) out.push(await groupsFromCounts(db, org.path, y));
      return out;
    };
    assert.notDeepEqual(await byCounts(), await byCases(), 'the counts drifted');

    const checked = await recountTallyCounts(sys, { check: true });
    assert.equal(checked.fixed, false);
    assert.ok(checked.tallyGroups >= 1 && checked.tallyCases >= 3, JSON.stringify(checked));
    assert.equal(
      checked.feeRows,
      3,
      'a payment missing, one wrong (and on PostgreSQL at the old org), one not a payment',
    );
    assert.equal(await countRows(db), countsBefore, '--check writes nothing');
    assert.deepEqual(await fees(), feesBefore);

    await assert.rejects(recountTallyCounts(h.ctx((await makeUser(db, [['request_admin', x]])).actor)), {
      kind: 'forbidden',
    });
    const fixed = await recountTallyCounts(sys);
    assert.deepEqual(fixed, { ...checked, fixed: true });
    assert.deepEqual(await byCounts(), await byCases(), 'the counts equal the cases again');
    const owner = h.dialect === 'postgres' ? agency : x;
    assert.deepEqual(
      [await feesPaidInYear(db, owner.path, 2024), await feesPaidInYear(db, owner.path, 2025)],
      // On PostgreSQL the first notice was deleted without its trigger: the first payment has no amount.
      h.dialect === 'postgres' ? [0, 12.5] : [40, 12.5],
    );
    const audit = await db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'request.recount')
      .execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]!.summary, new RegExp(`${fixed.tallyGroups} 组共差 ${fixed.tallyCases} 件`));
    assert.deepEqual(await recountTallyCounts(sys), { tallyGroups: 0, tallyCases: 0, feeRows: 0, fixed: false });
    // The nightly job corrects a difference by itself and says what it did.
    await sql`insert into request_tally_counts (org_id, tally_key, received_year, closed_year, n)
      values (${x.id}, 'citizen||processing|', 2024, null, -2)`.execute(db);
    const jobs = requestsModule.jobs!.filter((j) => j.name === 'requests.tally_recount');
    const ran = await runDueJobs(h.ctx(undefined, new Date('2026-12-06T19:30:00Z')), jobs, 'node-test');
    assert.deepEqual(
      ran.map((r) => r.status),
      ['ok'],
    );
    const run = await db
      .selectFrom('job_runs')
      .select('message')
      .where('job', '=', 'requests.tally_recount')
      .executeTakeFirstOrThrow();
    assert.equal(run.message, '表三计数 1 组与申请不符（共差 2 件），信息处理费缴费记录 0 条不符，已按申请重新计数。');
    assert.deepEqual(await byCounts(), await byCases(), 'corrected by the job');
    await compactTallyCounts({ db });
    assert.deepEqual(await byCounts(), await byCases(), 'and after a compaction');
  });

  if (h.dialect === 'postgres')
    test('PostgreSQL: a case written while the counts are compacted is counted (nothing waits, nothing is lost)', async () => {
      let inserted!: () => void;
      let commit!: () => void;
      const insertedP = new Promise<void>((r) => (inserted = r));
      const commitP = new Promise<void>((r) => (commit = r));
      const writer = h
        .db()
        .transaction()
        .execute(async (trx) => {
          await addRandomCase(trx);
          const first = await trx.selectFrom('requests').select('id').orderBy('id').executeTakeFirstOrThrow();
          await trx
            .updateTable('requests')
            .set({ closed_on: null, state: 'processing' })
            .where('id', '=', first.id)
            .execute();
          inserted();
          await commitP;
        });
      await insertedP;
      await compactTallyCounts({ db: h.db() }); // does not wait for the writer
      commit();
      await writer;
      await assertSame('written during the compaction');
      await compactTallyCounts({ db: h.db() });
      await assertSame('compacted after it');
    });
});
