/**
 * Reads of one year's requests for the annual report (Table 三 and 四, 信息处理费, drill-downs): the year's
 * rows only, through the (org_id, closed_on) indexes.
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { dialectOf } from '../platform/db/dialect-sql.js';
import './requests.tables.js';

/** One year's group of alike cases (see `groupCase` in tally.rules.ts). */
export interface YearTallyGroup {
  applicantType: string;
  applicantKind: string | null;
  state: string;
  outcomeCode: string | null;
  receivedInYear: boolean;
  closedInYear: boolean;
  n: number;
}

/**
 * Table 三 counted in the database for one year: the cases of an org subtree received by the year's end
 * and not closed before it, grouped by what decides their cells (`groupCase` in tally.rules.ts). Reads
 * the year's rows only, so a report's cost follows the year, not the agency's history.
 */
export async function yearTallyGroups(db: Db, orgPath: string, year: number): Promise<YearTallyGroup[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const receivedInYear = sql<number>`case when requests.received_on >= ${from} then 1 else 0 end`;
  const closedInYear = sql<number>`case when requests.closed_on <= ${to} then 1 else 0 end`;
  // Still open, or closed from the year on: two index range scans (org_id, closed_on), never the history.
  const part = (open: boolean) =>
    db
      .selectFrom('requests')
      .where('requests.org_id', 'in', (eb) =>
        eb.selectFrom('orgs').select('orgs.id').where('orgs.path', 'like', `${orgPath}%`),
      )
      .where('requests.received_on', '<=', to)
      .where('requests.closed_on', open ? 'is' : '>=', open ? null : from);
  if (dialectOf(db) === 'sqlite') {
    // SQLite groups by sorting: one text key sorts in about two thirds of the time six columns take.
    const key = sql<string>`requests.applicant_type || ${SEP} || coalesce(requests.applicant_kind, '') || ${SEP} ||
      requests.state || ${SEP} || coalesce(requests.outcome_code, '') || ${SEP} || ${receivedInYear} || ${closedInYear}`;
    const keyed = (open: boolean) => part(open).select(key.as('k'));
    const rows = await db
      .selectFrom(keyed(true).unionAll(keyed(false)).as('y'))
      .select(['y.k', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('y.k')
      .execute();
    return rows.map((r) => groupOfKey(r.k, Number(r.n)));
  }
  // PostgreSQL hashes the groups: the columns themselves.
  const columns = (open: boolean) =>
    part(open).select([
      'requests.applicant_type',
      'requests.applicant_kind',
      'requests.state',
      'requests.outcome_code',
      receivedInYear.as('received_in_year'),
      closedInYear.as('closed_in_year'),
    ]);
  const groups = [
    'y.applicant_type',
    'y.applicant_kind',
    'y.state',
    'y.outcome_code',
    'y.received_in_year',
    'y.closed_in_year',
  ] as const;
  const rows = await db
    .selectFrom(columns(true).unionAll(columns(false)).as('y'))
    .select([...groups, (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([...groups])
    .execute();
  return rows.map((r) => ({
    applicantType: r.applicant_type,
    applicantKind: r.applicant_kind,
    state: r.state,
    outcomeCode: r.outcome_code,
    receivedInYear: Number(r.received_in_year) === 1,
    closedInYear: Number(r.closed_in_year) === 1,
    n: Number(r.n),
  }));
}

/** Between the parts of SQLite's group key: never in a code (applicant type and kind, state, outcome). */
const SEP = '|';

/** A group from SQLite's key (`type|kind|state|outcome|RC`, R and C the two year flags). */
export function groupOfKey(k: string, n: number): YearTallyGroup {
  const [applicantType, kind, state, outcome, flags, ...rest] = k.split(SEP);
  if (rest.length || flags?.length !== 2) throw new Error(`unexpected tally key: ${k}`);
  return {
    applicantType,
    applicantKind: kind || null,
    state,
    outcomeCode: outcome || null,
    receivedInYear: flags[0] === '1',
    closedInYear: flags[1] === '1',
    n,
  };
}

/**
 * 信息处理费 paid in the year by the cases of an org subtree: for each payment of the year, the payload of
 * the case's latest fee notice before it (null when there was none). From the year's payments (index on
 * type and date) to each one's notice (index on the case): one row per payment, whatever the history.
 */
export async function feeNoticesPaidInYear(db: Db, orgPath: string, year: number) {
  return db
    .selectFrom('request_events as paid')
    .innerJoin('requests', 'requests.id', 'paid.request_id')
    .innerJoin('orgs', 'orgs.id', 'requests.org_id')
    .select((eb) =>
      eb
        .selectFrom('request_events as notice')
        .select('notice.payload')
        .whereRef('notice.request_id', '=', 'paid.request_id')
        .where('notice.type', '=', 'fee_notice_sent')
        .whereRef('notice.id', '<', 'paid.id')
        .orderBy('notice.id', 'desc')
        .limit(1)
        .as('notice_payload'),
    )
    .where('paid.type', '=', 'fee_paid')
    .where('paid.event_on', '>=', `${year}-01-01`)
    .where('paid.event_on', '<=', `${year}-12-31`)
    .where('orgs.path', 'like', `${orgPath}%`)
    .execute();
}

/** Appeal and appeal-result events of an org subtree, in recording order (table 四). */
export function appealEvents(db: Db, orgPath: string) {
  return db
    .selectFrom('request_events')
    .innerJoin('requests', 'requests.id', 'request_events.request_id')
    .innerJoin('orgs', 'orgs.id', 'requests.org_id')
    .select(['request_events.id', 'request_events.request_id', 'request_events.type', 'request_events.payload'])
    .where('orgs.path', 'like', `${orgPath}%`)
    .where('request_events.type', 'in', ['appeal', 'appeal_result'])
    .orderBy('request_events.id')
    .execute();
}

/**
 * What narrows a drill-down to one cell's records in SQL (a superset of the cell; the tally rule decides):
 * receipt in the year or before it, closure in the year, the applicant's column.
 */
export interface CellNarrowing {
  received?: 'in_year' | 'before';
  closedInYear?: boolean;
  /** 'citizen', an organisation kind, or 'organization' for any organisation (其他). */
  applicant?: string;
}

/**
 * Case rows for a year's drill-down: received by the year's end and not closed before it (listing, no
 * personal data beyond the name), narrowed to one cell; or the cases of the given ids.
 */
export function yearCaseRows(
  db: Db,
  orgPath: string,
  year: number,
  opts: { ids?: readonly number[]; narrow?: CellNarrowing } = {},
) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = (part: 'ids' | 'open' | 'closed') => {
    let q = db
      .selectFrom('requests')
      .innerJoin('orgs', 'orgs.id', 'requests.org_id')
      .select([
        'requests.id as id',
        'requests.request_no',
        'orgs.name as org_name',
        'requests.applicant_type',
        'requests.applicant_kind',
        'requests.applicant_name',
        'requests.received_on as received_on',
        'requests.state',
        'requests.closed_on',
        'requests.outcome_code',
      ])
      .where('orgs.path', 'like', `${orgPath}%`);
    if (part === 'ids') return q.where('requests.id', 'in', opts.ids?.length ? [...opts.ids] : [0]);
    // Still open, or closed from the year on: index ranges on (org_id, closed_on), never the history.
    q = q.where('requests.received_on', '<=', to);
    q = part === 'open' ? q.where('requests.closed_on', 'is', null) : q.where('requests.closed_on', '>=', from);
    const n = opts.narrow ?? {};
    if (n.received) q = q.where('requests.received_on', n.received === 'in_year' ? '>=' : '<', from);
    if (n.closedInYear) q = q.where('requests.closed_on', '<=', to);
    if (n.applicant === 'citizen' || n.applicant === 'organization')
      q = q.where('requests.applicant_type', n.applicant === 'citizen' ? '=' : '<>', 'citizen');
    else if (n.applicant)
      q = q.where('requests.applicant_type', '<>', 'citizen').where('requests.applicant_kind', '=', n.applicant);
    return q;
  };
  if (opts.ids) return rows('ids').orderBy('requests.received_on').orderBy('requests.id').execute();
  if (opts.narrow?.closedInYear) return rows('closed').orderBy('requests.received_on').orderBy('requests.id').execute();
  return rows('open').unionAll(rows('closed')).orderBy('received_on').orderBy('id').execute();
}
