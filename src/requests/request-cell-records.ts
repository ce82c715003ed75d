/**
 * The cases (and appeals) counted in one number of tables 三 and 四 of the annual report (条例第五十条),
 * for the console's drill-down: read only, paginated, personal data masked, within the reader's scope.
 */
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { maskName } from '../interaction/index.js';
import { requestableOrg } from './new-case.js';
import { canViewRequests } from './requests.policy.rules.js';
import { yearCaseRows, type CellNarrowing } from './year-statistics.store.js';
import { appealRecords } from './appeal-records.js';
import { APPEAL_KINDS, APPEAL_RESULTS, table4CellOf } from './appeals.rules.js';
import { outcomeRowOf, tallyCellsOf, TABLE3_COLUMNS } from './tally.rules.js';
import { outcomeText } from './outcomes.rules.js';
import { ORG_APPLICANT_KINDS, reportColumn } from './applicant.rules.js';
import { stateLabel } from './request-states.rules.js';

/** Which cell: table 三 by tally rows ('一', '三.4.1', '三.(七)' …; several for a merged row) and column 0–6, or table 四 cell 0–14. */
export type RequestCell = { table: '三'; rows: readonly string[]; col: number } | { table: '四'; cell: number };

/** One counted record, ready to list. */
export interface CellCase {
  requestId: number;
  requestNo: string;
  orgName: string;
  receivedOn: string;
  closedOn: string | null;
  /** 办理结果, or the state of an open case. */
  outcome: string;
  /** The table-三 column: 自然人, 商业企业 …. */
  applicantKind: string;
  /** The applicant's name masked (张**). */
  applicant: string;
  /** For table 四: 行政复议 / 行政诉讼（复议后起诉）, filing date and latest result. */
  appeal?: { kind: string; filedOn: string; result: string };
}

/**
 * What a table-三 cell lets SQL narrow to (a superset of the cell's cases; `tallyCellsOf` then decides, so
 * the list and the tally agree): rows 一/二 fix the receipt, outcome rows the closure in the year, a
 * column the applicant.
 */
export function cellNarrowing(cell: { rows: readonly string[]; col: number }): CellNarrowing {
  const n: CellNarrowing = {};
  if (cell.rows.every((r) => r === '一')) n.received = 'in_year';
  else if (cell.rows.every((r) => r === '二')) n.received = 'before';
  else if (cell.rows.every((r) => r.startsWith('三.'))) n.closedInYear = true;
  const column = TABLE3_COLUMNS[cell.col];
  if (column === '自然人') n.applicant = 'citizen';
  else if (column === '其他') n.applicant = 'organization';
  else if (column !== '总计' && column)
    n.applicant = Object.entries(ORG_APPLICANT_KINDS).find(([, label]) => label === column)?.[0];
  return n;
}

/** Lists the records counted in a cell, in the order received (a page of them, with the total). */
export async function requestCellRecords(
  ctx: Ctx,
  input: { orgId: number; year: number; cell: RequestCell; limit: number; offset: number },
): Promise<{ total: number; rows: CellCase[] }> {
  const org = await requestableOrg(ctx.db, input.orgId);
  if (ctx.actor.kind !== 'system' && !canViewRequests(ctx.actor, org.path))
    throw forbidden('requests_forbidden', '您没有查看依申请公开记录的权限，无法查看此数计入的申请。');
  const { cell, year } = input;
  const asCase = (r: Awaited<ReturnType<typeof yearCaseRows>>[number]): CellCase => {
    const row =
      r.closed_on && r.closed_on <= `${year}-12-31`
        ? outcomeRowOf({ outcomeCode: r.outcome_code, state: r.state })
        : null;
    return {
      requestId: r.id,
      requestNo: r.request_no,
      orgName: r.org_name,
      receivedOn: r.received_on ?? '',
      closedOn: r.closed_on,
      outcome: row ? outcomeText(row) : stateLabel(r.state),
      applicantKind: reportColumn(r.applicant_type, r.applicant_kind),
      applicant: r.applicant_type === 'citizen' ? maskName(r.applicant_name) : r.applicant_name,
    };
  };
  if (cell.table === '三') {
    const counted = (await yearCaseRows(ctx.db, org.path, year, { narrow: cellNarrowing(cell) })).filter((r) => {
      const c = tallyCellsOf(
        {
          applicantType: r.applicant_type,
          applicantKind: r.applicant_kind,
          receivedOn: r.received_on,
          state: r.state,
          closedOn: r.closed_on,
          outcomeCode: r.outcome_code,
        },
        year,
      );
      return !!c && (cell.col === 6 || c.col === cell.col) && c.rows.some((x) => cell.rows.includes(x));
    });
    return { total: counted.length, rows: counted.slice(input.offset, input.offset + input.limit).map(asCase) };
  }
  const appeals = (await appealRecords(ctx.db, org.path))
    .filter((a) => {
      const i = table4CellOf(a, year);
      return i !== null && (cell.cell % 5 === 4 ? Math.floor(i / 5) === Math.floor(cell.cell / 5) : i === cell.cell);
    })
    .sort((a, b) => a.filedOn.localeCompare(b.filedOn) || a.eventId - b.eventId);
  const page = appeals.slice(input.offset, input.offset + input.limit);
  const cases = new Map(
    (await yearCaseRows(ctx.db, org.path, year, { ids: [...new Set(page.map((a) => a.requestId))] })).map((r) => [
      r.id,
      asCase(r),
    ]),
  );
  const rows = page.flatMap((a) => {
    const c = cases.get(a.requestId);
    const kind =
      a.kind === 'reconsideration'
        ? APPEAL_KINDS.reconsideration
        : `${APPEAL_KINDS.litigation}（${a.afterReconsideration ? '复议后起诉' : '未经复议直接起诉'}）`;
    return c ? [{ ...c, appeal: { kind, filedOn: a.filedOn, result: APPEAL_RESULTS[a.result] } }] : [];
  });
  return { total: appeals.length, rows };
}
