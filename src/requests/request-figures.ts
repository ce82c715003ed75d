/**
 * Named read queries of 依申请公开 figures for other capabilities (the supervision dashboard, the public
 * statistics, the daily digest): counts per agency over subtrees, nothing personal. “Open” is
 * `OPEN_REQUEST_STATES` and “due soon” is `dueSoonUntil` (due-window.rules.ts), the definitions the
 * console queues use. Reading only: no audit.
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import type { WorkCalendar } from '../calendar/index.js';
import { dueSoonUntil, OPEN_REQUEST_STATES } from './due-window.rules.js';
import { dueSoonSql, overdueSql } from './due-window.sql.js';
import './requests.tables.js';

/** Subtrees (materialised paths of orgs) to count in. */
export interface RequestScope {
  paths: readonly string[];
}

/** The day a request counts as received: 收到日期, or the day it was submitted online before it was confirmed. */
const receivedDay = sql<string>`coalesce(r.received_on, substr(r.submitted_at, 1, 10))`;
const scoped = (db: Db, paths: readonly string[]) =>
  db
    .selectFrom('requests as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .where((eb) => eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`))));
const n = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);

/** Open requests per agency, with those past their answer date and those due within 3 working days of `today`. */
export interface OpenStates {
  orgId: number;
  open: number;
  overdue: number;
  dueSoon: number;
}

/** Open requests per agency as of `today` (overdue and due soon counted as the console queues count them). */
export async function openStates(
  db: Db,
  q: RequestScope & { today: string; cal: WorkCalendar },
): Promise<OpenStates[]> {
  if (!q.paths.length) return [];
  const soon = dueSoonUntil(q.cal, q.today);
  const rows = await scoped(db, q.paths)
    .select((eb) => [
      'r.org_id',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(eb.case().when(overdueSql('r.due_on', q.today)).then(1).else(0).end()).as('overdue'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(dueSoonSql('r.due_on', q.today, soon))
            .then(1)
            .else(0)
            .end(),
        )
        .as('soon'),
    ])
    .where('r.state', 'in', OPEN_REQUEST_STATES)
    .groupBy('r.org_id')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, open: n(r.n), overdue: n(r.overdue), dueSoon: n(r.soon) }));
}

/** Open requests over the subtrees as of `today`: how many are overdue and how many due within 3 working days. */
export async function dueSoon(
  db: Db,
  q: RequestScope & { today: string; cal: WorkCalendar },
): Promise<{ overdue: number; dueSoon: number }> {
  const rows = await openStates(db, q);
  return { overdue: rows.reduce((a, r) => a + r.overdue, 0), dueSoon: rows.reduce((a, r) => a + r.dueSoon, 0) };
}

/** The period's figures per agency: requests received, answered (with the dates behind 按时 and the working days), outcomes. */
export interface RequestFigures {
  received: Array<{ orgId: number; n: number }>;
  /** Answered requests closed in the period, grouped by (agency, received, closed, due). */
  answered: Array<{ orgId: number; receivedOn: string | null; closedOn: string; dueOn: string | null; n: number }>;
  /** Requests closed in the period per 答复类型 code. */
  outcomes: Array<{ orgId: number; outcomeCode: string; n: number }>;
}

/** Requests received and closed in [from, to] per agency of the subtrees. */
export async function requestFigures(db: Db, q: RequestScope & { from: string; to: string }): Promise<RequestFigures> {
  if (!q.paths.length) return { received: [], answered: [], outcomes: [] };
  const received = await scoped(db, q.paths)
    .select((eb) => ['r.org_id', eb.fn.countAll<number | string>().as('n')])
    .where(sql<boolean>`${receivedDay} between ${q.from} and ${q.to}`)
    .groupBy('r.org_id')
    .execute();
  const answered = await scoped(db, q.paths)
    .select((eb) => ['r.org_id', 'r.received_on', 'r.closed_on', 'r.due_on', eb.fn.countAll<number | string>().as('n')])
    .where('r.closed_on', '>=', q.from)
    .where('r.closed_on', '<=', q.to)
    .where('r.state', '=', 'answered')
    .groupBy(['r.org_id', 'r.received_on', 'r.closed_on', 'r.due_on'])
    .execute();
  const outcomes = await scoped(db, q.paths)
    .select((eb) => ['r.org_id', 'r.outcome_code', eb.fn.countAll<number | string>().as('n')])
    .where('r.closed_on', '>=', q.from)
    .where('r.closed_on', '<=', q.to)
    .where('r.outcome_code', 'is not', null)
    .groupBy(['r.org_id', 'r.outcome_code'])
    .execute();
  return {
    received: received.map((r) => ({ orgId: r.org_id, n: n(r.n) })),
    answered: answered.map((r) => ({
      orgId: r.org_id,
      receivedOn: r.received_on,
      closedOn: r.closed_on as string,
      dueOn: r.due_on,
      n: n(r.n),
    })),
    outcomes: outcomes.map((r) => ({ orgId: r.org_id, outcomeCode: r.outcome_code as string, n: n(r.n) })),
  };
}

/** Requests received per month (YYYY-MM → n) from the first day of `fromMonth` to the end of `toMonth`. */
export async function requestsReceivedByMonth(
  db: Db,
  q: RequestScope & { fromMonth: string; toMonth: string },
): Promise<Map<string, number>> {
  if (!q.paths.length) return new Map();
  const month = sql<string>`substr(coalesce(r.received_on, r.submitted_at), 1, 7)`;
  const rows = await scoped(db, q.paths)
    .select((eb) => [month.as('m'), eb.fn.countAll<number | string>().as('n')])
    .where(sql<boolean>`${receivedDay} between ${`${q.fromMonth}-01`} and ${`${q.toMonth}-31`}`)
    .groupBy(month)
    .execute();
  return new Map(rows.map((x) => [x.m, n(x.n)]));
}
