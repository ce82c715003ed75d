/**
 * Reads of one year's requests for the annual report (Table 三 and 四, 信息处理费, drill-downs): the year's
 * rows only, through the (org_id, closed_on) indexes.
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { bytewise, jsonNumber, notForIndex } from '../platform/db/dialect-sql.js';
import './requests.tables.js';
import type { YearTallyGroup } from './tally.rules.js';

/**
 * Table 三 counted in the database for one year: the cases of an org subtree received by the year's end
 * and not closed before it, grouped by what decides their cells (`groupCase` in tally.rules.ts). Reads
 * the year's rows only, so a report's cost follows the year, not the agency's history.
 */
export async function yearTallyGroups(db: Db, orgPath: string, year: number): Promise<YearTallyGroup[]> {
  const rows = await yearTallyQuery(db, orgPath, year).execute();
  return rows.map((r) => ({
    ...tallyKeyParts(r.tally_key),
    receivedInYear: Number(r.received_in_year) === 1,
    closedInYear: Number(r.closed_in_year) === 1,
    n: Number(r.n),
  }));
}

/** The statement of yearTallyGroups (its plan is tested). */
export function yearTallyQuery(db: Db, orgPath: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // Still open, or closed from the year on: two index range scans (org_id, closed_on), never the history;
  // the index holds every column read. The receipt date never picks the index (SQLite would take one
  // starting (org_id, received_on) and read every case received before the year's end).
  const part = (open: boolean) =>
    db
      .selectFrom('requests')
      .select([
        'requests.tally_key',
        sql<number>`case when ${bytewise(db, 'requests.received_on')} >= ${from} then 1 else 0 end`.as(
          'received_in_year',
        ),
        sql<number>`case when ${bytewise(db, 'requests.closed_on')} <= ${to} then 1 else 0 end`.as('closed_in_year'),
      ])
      .where('requests.org_id', 'in', (eb) =>
        eb.selectFrom('orgs').select('orgs.id').where('orgs.path', 'like', `${orgPath}%`),
      )
      .where(notForIndex(db, 'requests.received_on'), '<=', to)
      .where('requests.closed_on', open ? 'is' : '>=', open ? null : from);
  const groups = ['y.tally_key', 'y.received_in_year', 'y.closed_in_year'] as const;
  return db
    .selectFrom(part(true).unionAll(part(false)).as('y'))
    .select([...groups, (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([...groups]);
}

/** The applicant, state and outcome of a case's `tally_key` (`type|kind|state|outcome`, an empty part for none). */
export function tallyKeyParts(
  key: string,
): Pick<YearTallyGroup, 'applicantType' | 'applicantKind' | 'state' | 'outcomeCode'> {
  const parts = key.split('|');
  if (parts.length !== 4 || !parts[0] || !parts[2]) throw new Error(`unexpected tally key: ${key}`);
  const [applicantType, kind, state, outcome] = parts as [string, string, string, string];
  return { applicantType, applicantKind: kind || null, state, outcomeCode: outcome || null };
}

/**
 * 信息处理费 paid in the year by the cases of an org subtree (元): for each payment of the year, the amount of
 * the case's latest fee notice before it, summed in the database. From the year's payments (index on type
 * and date) to each one's notice (index on the case): one lookup per payment, whatever the history.
 */
export async function feesPaidInYear(db: Db, orgPath: string, year: number): Promise<number> {
  const amounts = db
    .selectFrom('request_events as paid')
    .innerJoin('requests', 'requests.id', 'paid.request_id')
    .innerJoin('orgs', 'orgs.id', 'requests.org_id')
    .select((eb) =>
      eb
        .selectFrom('request_events as notice')
        .select(jsonNumber(db, 'notice.payload', 'amount').as('amount'))
        .whereRef('notice.request_id', '=', 'paid.request_id')
        .where('notice.type', '=', 'fee_notice_sent')
        .whereRef('notice.id', '<', 'paid.id')
        .orderBy('notice.id', 'desc')
        .limit(1)
        .as('amount'),
    )
    .where('paid.type', '=', 'fee_paid')
    .where('paid.event_on', '>=', `${year}-01-01`)
    .where('paid.event_on', '<=', `${year}-12-31`)
    .where('orgs.path', 'like', `${orgPath}%`);
  const r = await db
    .selectFrom(amounts.as('p'))
    .select((eb) => eb.fn.sum<number | string | null>('p.amount').as('total'))
    .executeTakeFirst();
  return Number(r?.total ?? 0) || 0;
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
    q = q.where(notForIndex(db, 'requests.received_on'), '<=', to);
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
