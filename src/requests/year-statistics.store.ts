/**
 * Reads of one year's requests for the annual report (Table 三 and 四, 信息处理费, drill-downs): the counts and
 * payments the database keeps (table 三, fees), or the year's rows only (drill-downs, through the
 * (org_id, closed_on) index).
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { notForIndex } from '../platform/db/dialect-sql.js';
import './requests.tables.js';
import type { YearTallyGroup } from './tally.rules.js';

/**
 * Table 三 counted in the database for one year: the cases of an org subtree received by the year's end
 * and not closed before it, grouped by what decides their cells (`groupCase` in tally.rules.ts), summed
 * from the counts the database keeps (`request_tally_counts`, kept by triggers on `requests`): a few
 * hundred rows whatever the agency's history, so a report's cost does not grow with it.
 */
export async function yearTallyGroups(db: Db, orgPath: string, year: number): Promise<YearTallyGroup[]> {
  const rows = await db
    .selectFrom('request_tally_counts as t')
    .select([
      't.tally_key',
      sql<number>`case when t.received_year = ${year} then 1 else 0 end`.as('received_in_year'),
      sql<number>`case when t.closed_year = ${year} then 1 else 0 end`.as('closed_in_year'),
      (eb) => eb.fn.sum<number | string>('t.n').as('n'),
    ])
    .where('t.org_id', 'in', (eb) => eb.selectFrom('orgs').select('orgs.id').where('orgs.path', 'like', `${orgPath}%`))
    .where('t.received_year', '<=', year)
    .where((eb) => eb.or([eb('t.closed_year', 'is', null), eb('t.closed_year', '>=', year)]))
    .groupBy(['t.tally_key', sql.ref('received_in_year'), sql.ref('closed_in_year')])
    .having((eb) => eb.fn.sum('t.n'), '<>', 0)
    .execute();
  return rows.map((r) => ({
    ...tallyKeyParts(r.tally_key),
    receivedInYear: Number(r.received_in_year) === 1,
    closedInYear: Number(r.closed_in_year) === 1,
    n: Number(r.n),
  }));
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
 * the case's latest fee notice before it, summed in the database from the rows it keeps per payment
 * (`request_fees_paid`, by org and year): one index range, whatever the history.
 */
export async function feesPaidInYear(db: Db, orgPath: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('request_fees_paid as f')
    .select((eb) => eb.fn.sum<number | string | null>('f.amount').as('total'))
    .where('f.org_id', 'in', (eb) => eb.selectFrom('orgs').select('orgs.id').where('orgs.path', 'like', `${orgPath}%`))
    .where('f.paid_year', '=', year)
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
