/** Table 三 of the annual report for an agency and a year, from its cases (read only; no audit). */
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { requestableOrg } from './new-case.js';
import { canViewRequests } from './requests.policy.rules.js';
import { eventsOfTypes, tallyRows } from './requests.store.js';
import { appealRecords } from './appeal-records.js';
import { eventPayload } from './ledger.rules.js';
import { tallyTable4 } from './appeals.rules.js';
import { table3Balanced, tallyTable3, type Table3 } from './tally.rules.js';

/** Counts tables 三 and 四 (条例第五十条) for the agency's subtree; for the annual-report capability and the API. */
export async function requestStatistics(
  ctx: Ctx,
  input: { orgId: number; year: number },
): Promise<{ table: Table3; balanced: boolean; table4: number[][]; feesCollected: number }> {
  const org = await requestableOrg(ctx.db, input.orgId);
  if (ctx.actor.kind !== 'system' && !canViewRequests(ctx.actor, org.path)) throw forbidden();
  const rows = await tallyRows(ctx.db, org.path);
  const table = tallyTable3(
    rows.map((r) => ({
      applicantType: r.applicant_type,
      applicantKind: r.applicant_kind,
      receivedOn: r.received_on,
      state: r.state,
      closedOn: r.closed_on,
      outcomeCode: r.outcome_code,
    })),
    input.year,
  );
  // 信息处理费 actually paid in the year (元), for the report's section on fees.
  const notices = new Map<number, number>();
  let feesCollected = 0;
  for (const e of await eventsOfTypes(ctx.db, org.path, ['fee_notice_sent', 'fee_paid'])) {
    if (e.type === 'fee_notice_sent') notices.set(e.request_id, Number(eventPayload(e.payload).amount) || 0);
    else if (Number(e.event_on.slice(0, 4)) === input.year) feesCollected += notices.get(e.request_id) ?? 0;
  }
  return {
    table,
    balanced: table3Balanced(table),
    table4: tallyTable4(await appealRecords(ctx.db, org.path), input.year),
    feesCollected,
  };
}
