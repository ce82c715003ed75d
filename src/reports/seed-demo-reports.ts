import type { Ctx } from '../platform/context.js';
import { compare, todayInShanghai } from '../platform/dates.js';
import { demoStaff, getOrg, listOrgs } from '../orgs/index.js';
import { createReport, formatForYear } from './create-report.js';
import { submitReport } from './submit-report.js';
import { reviewReport } from './review-report.js';
import { publishReport } from './publish-report.js';
import { findReport } from './reports.store.js';
import { sampleTables } from './fixtures/sample-tables.js';

/**
 * Demo data: for the demo county and each of its agencies, the year before last entered as a historical
 * report (invented figures), and last year's report computed from the records, submitted by the editor,
 * accepted and published by the supervising office in January (by the 1 月 31 日 deadline). Idempotent.
 */
export async function seedDemoReports(ctx: Ctx, demo: { countyId: number; seed?: number }): Promise<string> {
  const county = await getOrg(ctx.db, demo.countyId);
  if (!county) return '';
  const today = todayInShanghai(ctx.now());
  const year = Number(today.slice(0, 4)) - 1;
  const orgs = (await listOrgs(ctx.db, { underPaths: [county.path] })).filter((o) => o.kind !== 'section');
  const staff = await demoStaff(ctx);
  const jan = (d: number) => `${year + 1}-01-${String(d).padStart(2, '0')}`;
  let n = 0;
  let published = 0;
  for (const [i, org] of orgs.entries()) {
    if (!(await findReport(ctx.db, org.id, year - 1))) {
      // Invented figures, but nothing carried over: last year's computed report starts from no open cases.
      const tables = sampleTables(formatForYear(year - 1), i + 1);
      tables.table3.new = tables.table3.new.map((x, c) => (x ?? 0) - (tables.table3.next[c] ?? 0));
      tables.table3.next = tables.table3.next.map(() => 0);
      await createReport(ctx, {
        orgId: org.id,
        year: year - 1,
        tables,
        source: 'entered',
        history: true,
      });
      n++;
    }
    if (await findReport(ctx.db, org.id, year)) continue;
    const editor = await staff.actor(org.id, 'editor');
    const supervisor = await staff.actor(org.id, 'supervisor');
    // staff.at never goes past now: in early January the steps all happen today.
    const { id } = await createReport(staff.at(editor, jan(8), i), { orgId: org.id, year });
    n++;
    if (compare(today, jan(1)) <= 0) continue; // the year has only just ended: a draft
    await submitReport(staff.at(editor, jan(12), i), { id });
    await reviewReport(staff.at(supervisor, jan(16), i), { id, decision: 'accept' });
    await publishReport(staff.at(supervisor, jan(20), i), { id });
    published++;
  }
  return n
    ? `年度报告：示例单位的 ${year - 1} 年历史报告，${year} 年报告 ${orgs.length} 份（已公开 ${published} 份）。`
    : '';
}
