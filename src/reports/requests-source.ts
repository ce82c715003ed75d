import { systemActor } from '../platform/context.js';
import { requestStatistics } from '../requests/request-statistics.js';
import type { ReportSource } from './report-source.js';

type Stats = Awaited<ReturnType<typeof requestStatistics>>;

/**
 * Maps the requests capability's tally (rows '一', '二', '三.<outcome code>', '三.(七)', '四', 7 numbers
 * each) to the report's table-三 keys with the six applicant columns, and table 四 to 4 counts per group.
 */
export function fromRequestStatistics(s: Stats): { table3: Record<string, number[]>; table4: number[][] } {
  const table3: Record<string, number[]> = {};
  for (const [row, v] of Object.entries(s.table)) {
    const key = row === '一' ? 'new' : row === '二' ? 'carried' : row === '四' ? 'next' : row.startsWith('三.') && row !== '三.(七)' ? row.slice(2) : null;
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
  async feesCollected(ctx, org, year) {
    return (await stats(ctx, org.id, year)).feesCollected;
  },
};
