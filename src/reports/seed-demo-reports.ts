import type { Ctx } from '../platform/context.js';
import { todayInShanghai } from '../platform/dates.js';
import { getOrg, listOrgs } from '../orgs/index.js';
import { createReport, formatForYear } from './create-report.js';
import { findReport } from './reports.store.js';
import { sampleTables } from './fixtures/sample-tables.js';

/**
 * Demo data: for each agency of the demo county, the year before last entered as a historical report
 * (invented figures) and last year's report drafted from the records. Idempotent.
 */
export async function seedDemoReports(ctx: Ctx, demo: { countyId: number }): Promise<string> {
  const county = await getOrg(ctx.db, demo.countyId);
  if (!county) return '';
  const year = Number(todayInShanghai(ctx.now()).slice(0, 4)) - 1;
  const agencies = (await listOrgs(ctx.db, { underPaths: [county.path] }))
    .filter((o) => o.kind === 'agency')
    .slice(0, 5);
  let n = 0;
  for (const [i, org] of agencies.entries()) {
    if (!(await findReport(ctx.db, org.id, year - 1))) {
      await createReport(ctx, {
        orgId: org.id,
        year: year - 1,
        tables: sampleTables(formatForYear(year - 1), i + 1),
        source: 'entered',
        history: true,
      });
      n++;
    }
    if (!(await findReport(ctx.db, org.id, year))) {
      await createReport(ctx, { orgId: org.id, year });
      n++;
    }
  }
  return n ? `年度报告：示例单位的 ${year - 1} 年历史报告和 ${year} 年报告草稿共 ${n} 份。` : '';
}
