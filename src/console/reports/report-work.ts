/** “我的工作” counts of 年度报告: reports returned for correction (editors) and reports waiting for review (supervisors). */
import type { Ctx } from '../../platform/context.js';
import type { WorkCount } from '../foundation/my-work.js';
import { scopePaths } from '../../orgs/index.js';
import { REPORT_EDIT_ROLES, REPORT_REVIEW_ROLES, reportsWithin } from '../../reports/index.js';

export async function reportWork(ctx: Ctx): Promise<WorkCount[]> {
  const out: WorkCount[] = [];
  const edit = scopePaths(ctx.actor, REPORT_EDIT_ROLES);
  if (edit.length) {
    const rows = await reportsWithin(ctx, { underPaths: edit, statuses: ['returned'] });
    out.push({
      label: '退回修改的年度报告',
      count: rows.length,
      href: '/console/reports',
      group: '年度报告',
      level: 'bad',
    });
  }
  const review = scopePaths(ctx.actor, REPORT_REVIEW_ROLES);
  if (review.length) {
    const rows = await reportsWithin(ctx, { underPaths: review, statuses: ['submitted'] });
    out.push({ label: '待审核的年度报告', count: rows.length, href: '/console/reports', group: '年度报告' });
  }
  return out;
}
