import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { conflict, forbidden, notFound } from '../platform/errors.js';
import { rolesAllow } from '../orgs/index.js';
import { REPORT_STATUS, actionAllowed, isReportStatus, type ReportAction } from './report-workflow.rules.js';
import { getReport, type ReportListRow } from './reports.store.js';

/** Authorize before validating (issue 16): 404 when the report is missing, 403 without one of the roles on its org. */
export async function authorizeReportFirst(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: number,
  roles: readonly string[],
): Promise<void> {
  const r = await getReport(ctx.db, id);
  if (!r) throw notFound('report_not_found', '年度报告不存在。');
  if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, roles, r.org_path)) throw forbidden();
}

/** Loads a report for an action: 404 when missing, 403 without one of the roles on its org, 409 in the wrong state. */
export async function reportForAction(
  trx: Db,
  ctx: Ctx,
  id: number,
  action: ReportAction,
  roles: readonly string[],
): Promise<ReportListRow> {
  const r = await getReport(trx, id);
  if (!r) throw notFound('report_not_found', '年度报告不存在。');
  if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, roles, r.org_path)) throw forbidden();
  if (!actionAllowed(r.status, action))
    throw conflict(
      'report_state',
      `报告当前状态为“${isReportStatus(r.status) ? REPORT_STATUS[r.status] : r.status}”，不能执行此操作。`,
    );
  return r;
}
