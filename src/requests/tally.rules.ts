/**
 * Annual-report table 三 “收到和处理政府信息公开申请情况” from cases (条例第五十条; 国办公开办函〔2021〕30号), pure.
 * Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. Rows: 一, 二, the 21 outcomes,
 * （七）总计, 四. Checks 一 + 二 = （七）总计 + 四, as printed in the table's header cell.
 */
import { TABLE3_ROWS } from './outcomes.rules.js';
import { reportColumn } from './applicant.rules.js';

/** The 7 columns, in report order. */
export const TABLE3_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
] as const;

/** What the tally needs from a case. */
export interface TallyCase {
  applicantType: string;
  applicantKind: string | null;
  receivedOn: string | null;
  state: string;
  closedOn: string | null;
  outcomeCode: string | null;
}

/** Row key → 7 numbers. Row keys are those of TABLE3_ROWS ('一', '二', '三.1' … '三.6.3', '三.(七)', '四'). */
export type Table3 = Record<string, number[]>;

/** The outcome row of a closed case: its outcome, or （六）3 其他 for a withdrawn request. */
export const outcomeRowOf = (c: Pick<TallyCase, 'outcomeCode' | 'state'>): string | null =>
  c.outcomeCode ? c.outcomeCode : c.state === 'withdrawn' ? '6.3' : null;

/**
 * The cells of table 三 a case is counted in for a year: its applicant column and its rows ('一' or '二',
 * then '三.<outcome>' and '三.(七)' when closed in the year, else '四'); null when the case does not count
 * (received later, or closed before the year). The 总计 column counts every case of the row. One rule for
 * the tally and for the report's drill-down, so both always agree.
 */
export function tallyCellsOf(c: TallyCase, year: number): { col: number; rows: string[] } | null {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  if (!c.receivedOn || c.receivedOn > to) return null;
  if (c.closedOn !== null && c.closedOn < from) return null;
  const col = TABLE3_COLUMNS.indexOf(reportColumn(c.applicantType, c.applicantKind) as (typeof TABLE3_COLUMNS)[number]);
  const rows = [c.receivedOn >= from ? '一' : '二'];
  const row = outcomeRowOf(c);
  if (c.closedOn !== null && c.closedOn <= to && row) rows.push(`三.${row}`, '三.(七)');
  else rows.push('四');
  return { col, rows };
}

/**
 * Counts table 三 for a year. Only received cases count (an unconfirmed online submission is not yet 收到).
 * A case may stand for `n` alike cases (a group counted in SQL, see `groupCase`).
 */
export function tallyTable3(cases: ReadonlyArray<TallyCase & { n?: number }>, year: number): Table3 {
  const t: Table3 = Object.fromEntries(TABLE3_ROWS.map((r) => [r.row, new Array<number>(7).fill(0)]));
  for (const c of cases) {
    const cells = tallyCellsOf(c, year);
    if (!cells) continue;
    const n = c.n ?? 1;
    for (const row of cells.rows) {
      t[row][cells.col] += n;
      t[row][6] += n;
    }
  }
  return t;
}

/** One year's group of alike cases, as the database counts them (`yearTallyGroups`). */
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
 * The cases of one year's group, as the database counts them (`yearTallyGroups`): cases alike in
 * applicant, state and outcome, received in the year or before it (`receivedInYear`), closed in the year
 * or not (`closedInYear`; cases closed before the year are not in any group). One representative case
 * with the same cells as each of them (`tallyCellsOf` only compares the dates with the year's bounds).
 */
export function groupCase(g: YearTallyGroup, year: number): TallyCase & { n: number } {
  return {
    applicantType: g.applicantType,
    applicantKind: g.applicantKind,
    state: g.state,
    outcomeCode: g.outcomeCode,
    receivedOn: g.receivedInYear ? `${year}-01-01` : `${year - 1}-12-31`,
    closedOn: g.closedInYear ? `${year}-12-31` : null,
    n: g.n,
  };
}

/** True when 一 + 二 = （七）总计 + 四 in every column. */
export function table3Balanced(t: Table3): boolean {
  return TABLE3_COLUMNS.every((_, i) => t['一'][i] + t['二'][i] === t['三.(七)'][i] + t['四'][i]);
}
