import { systemActor } from '../platform/context.js';
import { requestStatistics, requestCellRecords, type CellCase, type RequestCell } from '../requests/index.js';
import type { ReportSource } from './report-source.js';
import type { ReportCell } from './tables-input.rules.js';

type Stats = Awaited<ReturnType<typeof requestStatistics>>;

/**
 * Maps the requests capability's tally (rows '一', '二', '三.<outcome code>', '三.(七)', '四', 7 numbers
 * each) to the report's table-三 keys with the six applicant columns, and table 四 to 4 counts per group.
 */
export function fromRequestStatistics(s: Stats): { table3: Record<string, number[]>; table4: number[][] } {
  const table3: Record<string, number[]> = {};
  for (const [row, v] of Object.entries(s.table)) {
    const key =
      row === '一'
        ? 'new'
        : row === '二'
          ? 'carried'
          : row === '四'
            ? 'next'
            : row.startsWith('三.') && row !== '三.(七)'
              ? row.slice(2)
              : null;
    if (key) table3[key] = v.slice(0, 6);
  }
  return { table3, table4: s.table4.map((g) => g.slice(0, 4)) };
}

const memo = new WeakMap<object, Map<string, Promise<Stats>>>();
/** One tally per report computation (the three source functions share the context object). */
function stats(ctx: Parameters<typeof requestStatistics>[0], orgId: number, year: number): Promise<Stats> {
  let m = memo.get(ctx);
  if (!m) memo.set(ctx, (m = new Map()));
  const key = `${orgId}:${year}`;
  let p = m.get(key);
  if (!p) m.set(key, (p = requestStatistics({ ...ctx, actor: systemActor('reports') }, { orgId, year })));
  return p;
}

/** The requests capability's cell for a report cell of table 三 or 四 (2019 （六）其他处理 = its three sub-rows). */
export function requestCellOf(cell: ReportCell): RequestCell | null {
  if (cell.table === '四') return { table: '四', cell: cell.index };
  if (cell.table !== '三') return null;
  const named: Record<string, string[]> = {
    new: ['一'],
    carried: ['二'],
    total: ['三.(七)'],
    next: ['四'],
    '6': ['三.6.1', '三.6.2', '三.6.3'],
  };
  return { table: '三', rows: named[cell.key] ?? [`三.${cell.key}`], col: cell.col };
}

const caseCells = (c: CellCase): string[] => [
  c.requestNo,
  c.orgName,
  c.receivedOn,
  c.closedOn ?? '—',
  c.outcome,
  c.applicantKind,
  c.applicant,
];
const appealCells = (c: CellCase): string[] => [
  c.requestNo,
  c.orgName,
  c.appeal?.kind ?? '',
  c.appeal?.filedOn ?? '',
  c.appeal?.result ?? '',
  c.applicantKind,
  c.applicant,
];

/**
 * Table 三 and 四 computed from the request records (依申请公开 cases, 行政复议/行政诉讼 records). The
 * report's own policy has been checked by the use-case that asks, so the tally runs as the system.
 */
export const requestsReportSource: ReportSource = {
  name: 'requests',
  async table3(ctx, org, year) {
    return fromRequestStatistics(await stats(ctx, org.id, year)).table3;
  },
  async table4(ctx, org, year) {
    return fromRequestStatistics(await stats(ctx, org.id, year)).table4;
  },
  async records(ctx, org, year, cell, page) {
    const rc = requestCellOf(cell);
    if (!rc) return null;
    const { total, rows } = await requestCellRecords(ctx, { orgId: org.id, year, cell: rc, ...page });
    const t4 = rc.table === '四';
    return {
      what: t4 ? '行政复议、行政诉讼' : '依申请公开申请',
      columns: t4
        ? ['申请编号', '受理机关', '类别', '提起日期', '结果', '申请人类型', '申请人']
        : ['申请编号', '受理机关', '收到日期', '办结日期', '办理结果', '申请人类型', '申请人'],
      rows: rows.map((c) => ({ href: `/console/requests/${c.requestId}`, cells: t4 ? appealCells(c) : caseCells(c) })),
      total,
    };
  },
  async feesCollected(ctx, org, year) {
    return (await stats(ctx, org.id, year)).feesCollected;
  },
};
