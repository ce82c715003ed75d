import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { todayInShanghai } from '../platform/dates.js';
import { REPORT_REVIEW_ROLES, isLate, reportDeadline, yearNotEnded } from './report-workflow.rules.js';
import { conflict } from '../platform/errors.js';
import { reportForAction } from './report-access.js';
import { updateReportRow } from './reports.store.js';

/** Publishes an accepted report on the portal (条例第四十九条: 向社会公布); notes when it is late. */
export async function publishReport(ctx: Ctx, input: { id: number }): Promise<{ late: boolean }> {
  return tx(ctx, async (trx) => {
    const r = await reportForAction(trx, ctx, input.id, 'publish', [...REPORT_REVIEW_ROLES, 'agency_admin']);
    const now = ctx.now();
    const early = yearNotEnded(r.year, todayInShanghai(now));
    if (early) throw conflict('report_year_not_ended', early);
    const deadline = reportDeadline(r.year, r.org_kind);
    const late = isLate(deadline, todayInShanghai(now), todayInShanghai(now));
    await updateReportRow(trx, r.id, {
      status: 'published',
      published_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    await writeAudit(trx, ctx, {
      action: 'report.publish',
      subjectType: 'annual_report',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `发布「${r.org_name}」${r.year}年度报告${late ? `（晚于法定期限 ${deadline}）` : ''}`,
    });
    return { late };
  });
}
