/**
 * Recounts what the annual report sums from the cases and their events: table 三's counts
 * (`request_tally_counts`) and the fee line's payments (`request_fees_paid`). The triggers keep both in the
 * same transaction as every write, so they only drift when the triggers did not run — a data-only restore
 * with `--disable-triggers`, statements under `session_replication_role = replica`. `check` only counts the
 * differences.
 *
 * Table 三: one statement (one snapshot) adds, for each group whose counts differ from its cases, a row
 * with the difference — rows are only added, as the triggers add them, so writers never wait and a case
 * written meanwhile is counted once, by its own trigger. Fees: rows of events that are not payments go,
 * wrong rows are rewritten, missing payments are added (at the amount of the latest notice before each).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { dialectOf } from '../platform/db/dialect-sql.js';
import { forbidden } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isSysadmin } from '../orgs/index.js';

export interface RecountResult {
  /** Groups of table 三 (agency, applicant, state, outcome, receipt and closure year) whose counts differed. */
  tallyGroups: number;
  /** Cases those groups were off by, in all (the sum of the differences' sizes). */
  tallyCases: number;
  /** Payments missing, wrong or without their event. */
  feeRows: number;
  /** False with `check`: nothing was changed. */
  fixed: boolean;
}

const year = (col: string) => sql.raw(`cast(nullif(substr(${col}, 1, 4), '') as integer)`);

/** Each group's difference: cases counted minus the counts kept (groups that agree are left out). */
const TALLY_DIFF = sql`select org_id, tally_key, ry, cy, sum(n) as d from (
    select org_id, tally_key, ${year('received_on')} as ry, ${year('closed_on')} as cy, 1 as n from requests
    union all select org_id, tally_key, received_year, closed_year, -n from request_tally_counts
  ) x group by org_id, tally_key, ry, cy having sum(n) <> 0`;

/** Every payment as its row should be: org of its case, year paid, amount of the latest notice before it. */
const expectedFees = (db: Db): RawBuilder<unknown> => {
  const amount =
    dialectOf(db) === 'postgres'
      ? sql.raw(`(n.payload::json ->> 'amount')::numeric`)
      : sql.raw(`json_extract(n.payload, '$.amount')`);
  return sql`select e.id as event_id, e.request_id, r.org_id, cast(substr(e.event_on, 1, 4) as integer) as paid_year,
    (select ${amount} from request_events n where n.request_id = e.request_id and n.type = 'fee_notice_sent'
      and n.id < e.id order by n.id desc limit 1) as amount
    from request_events e join requests r on r.id = e.request_id where e.type = 'fee_paid'`;
};

/** Rows kept that are not exactly an expected payment (wrong, or of an event that is not a payment). */
const wrongFees = (db: Db) =>
  sql`select f.event_id from request_fees_paid f where not exists (select 1 from (${expectedFees(db)}) p
    where p.event_id = f.event_id and p.request_id = f.request_id and p.org_id = f.org_id
      and p.paid_year = f.paid_year and p.amount is not distinct from f.amount)`;
const missingFees = (db: Db) =>
  sql`select p.* from (${expectedFees(db)}) p where not exists (select 1 from request_fees_paid f where f.event_id = p.event_id)`;

async function countDrift(trx: Db): Promise<Omit<RecountResult, 'fixed'>> {
  const r = await sql<{ groups: number; cases: number | null; wrong: number; missing: number }>`select
    (select count(*) from (${TALLY_DIFF}) t) as groups, (select sum(abs(d)) from (${TALLY_DIFF}) t) as cases,
    (select count(*) from (${wrongFees(trx)}) w) as wrong, (select count(*) from (${missingFees(trx)}) m) as missing`.execute(
    trx,
  );
  const x = r.rows[0]!;
  return {
    tallyGroups: Number(x.groups),
    tallyCases: Number(x.cases ?? 0),
    // A wrong row is rewritten (counted once); a missing one added.
    feeRows: Number(x.wrong) + Number(x.missing),
  };
}

/** What a recount found and did, in one sentence (the CLI and the daily job say it). */
export function describeRecount(r: RecountResult): string {
  if (!r.tallyGroups && !r.feeRows) return '年度报告表三计数和信息处理费缴费记录与申请一致，无需更正。';
  const what = `表三计数 ${r.tallyGroups} 组与申请不符（共差 ${r.tallyCases} 件），信息处理费缴费记录 ${r.feeRows} 条不符`;
  return r.fixed ? `${what}，已按申请重新计数。` : `${what}（未作更改；去掉 --check 即更正）。`;
}

/** Recounts (or with `check`, only compares) the report's counts; audited when it changes anything. */
export async function recountTallyCounts(ctx: Ctx, opts: { check?: boolean } = {}): Promise<RecountResult> {
  if (ctx.actor.kind !== 'system' && !isSysadmin(ctx.actor)) throw forbidden();
  return tx(ctx, async (trx) => {
    const drift = await countDrift(trx);
    if (opts.check || (!drift.tallyGroups && !drift.feeRows)) return { ...drift, fixed: false };
    await sql`insert into request_tally_counts (org_id, tally_key, received_year, closed_year, n)
      select org_id, tally_key, ry, cy, d from (${TALLY_DIFF}) t`.execute(trx);
    await sql`delete from request_fees_paid where event_id in (${wrongFees(trx)})`.execute(trx);
    await sql`insert into request_fees_paid (event_id, request_id, org_id, paid_year, amount)
      select event_id, request_id, org_id, paid_year, amount from (${missingFees(trx)}) m where true
      on conflict (event_id) do nothing`.execute(trx);
    await writeAudit(trx, ctx, {
      action: 'request.recount',
      subjectType: 'request',
      summary: `年报表三计数与申请不符，已按申请重新计数：${drift.tallyGroups} 组共差 ${drift.tallyCases} 件；信息处理费缴费记录更正 ${drift.feeRows} 条`,
    });
    return { ...drift, fixed: true };
  });
}
