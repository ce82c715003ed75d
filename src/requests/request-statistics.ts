/** Table 三 of the annual report for an agency and a year, from its cases (read only; no audit). */
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { requestableOrg } from './new-case.js';
import { canViewRequests } from './requests.policy.rules.js';
import { tallyRows } from './requests.store.js';
import { table3Balanced, tallyTable3, type Table3 } from './tally.rules.js';

/** Counts table 三 (条例第五十条) for the agency's subtree; for the annual-report capability and the API. */
export async function requestStatistics(ctx: Ctx, input: { orgId: number; year: number }): Promise<{ table: Table3; balanced: boolean }> {
  const org = await requestableOrg(ctx.db, input.orgId);
  if (ctx.actor.kind !== 'system' && !canViewRequests(ctx.actor, org.path)) throw forbidden();
  const rows = await tallyRows(ctx.db, org.path);
  const table = tallyTable3(
    rows.map((r) => ({ applicantType: r.applicant_type, applicantKind: r.applicant_kind, receivedOn: r.received_on, state: r.state, closedOn: r.closed_on, outcomeCode: r.outcome_code })),
    input.year,
  );
  return { table, balanced: table3Balanced(table) };
}
