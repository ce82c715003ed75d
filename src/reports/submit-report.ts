import type { Ctx } from '../platform/context.js';
import { conflict, invalidFields } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { checkIdentities } from './identities.rules.js';
import { REPORT_EDIT_ROLES, yearNotEnded } from './report-workflow.rules.js';
import { reportForAction } from './report-access.js';
import { findReport, rowTables, updateReportRow } from './reports.store.js';
import { violationField } from './violation-field.rules.js';

/** Submits a draft to the supervising office (条例第四十九条第一款); refused while any identity fails (REFERENCE §2.1). */
export async function submitReport(ctx: Ctx, input: { id: number }): Promise<void> {
  await tx(ctx, async (trx) => {
    const r = await reportForAction(trx, ctx, input.id, 'submit', REPORT_EDIT_ROLES);
    const early = yearNotEnded(r.year, todayInShanghai(ctx.now()));
    if (early) throw conflict('report_year_not_ended', early);
    const prev = await findReport(trx, r.org_id, r.year - 1);
    const violations = checkIdentities(rowTables(r), prev ? rowTables(prev) : null);
    if (violations.length)
      throw invalidFields(
        violations.map((v) => ({
          code: `identity_${v.code}`,
          message: v.message,
          field: violationField(v, rowTables(r).format),
        })),
      );
    const now = ctx.now().toISOString();
    await updateReportRow(trx, r.id, { status: 'submitted', submitted_at: now, updated_at: now });
    await writeAudit(trx, ctx, {
      action: 'report.submit',
      subjectType: 'annual_report',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `「${r.org_name}」${r.year}年度报告报送政府信息公开工作主管部门审核`,
    });
  });
}
