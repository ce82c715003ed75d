/** Table 三 of the annual report for an agency and a year, from its cases (read only; no audit). */
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { requestableOrg } from './new-case.js';
import { canViewRequests } from './requests.policy.rules.js';
import { appealEvents, tallyRows } from './requests.store.js';
import { eventPayload } from './ledger.rules.js';
import { isAppealKind, isAppealResult, tallyTable4, type AppealRecord } from './appeals.rules.js';
import { table3Balanced, tallyTable3, type Table3 } from './tally.rules.js';

/** Counts tables 三 and 四 (条例第五十条) for the agency's subtree; for the annual-report capability and the API. */
export async function requestStatistics(ctx: Ctx, input: { orgId: number; year: number }): Promise<{ table: Table3; balanced: boolean; table4: number[][] }> {
  const org = await requestableOrg(ctx.db, input.orgId);
  if (ctx.actor.kind !== 'system' && !canViewRequests(ctx.actor, org.path)) throw forbidden();
  const rows = await tallyRows(ctx.db, org.path);
  const table = tallyTable3(
    rows.map((r) => ({ applicantType: r.applicant_type, applicantKind: r.applicant_kind, receivedOn: r.received_on, state: r.state, closedOn: r.closed_on, outcomeCode: r.outcome_code })),
    input.year,
  );
  // Table 四: each appeal with its latest recorded result.
  const appeals = new Map<number, AppealRecord>();
  for (const e of await appealEvents(ctx.db, org.path)) {
    const p = eventPayload(e.payload);
    if (e.type === 'appeal' && isAppealKind(String(p.kind)) && isAppealResult(String(p.result))) {
      appeals.set(e.id, { kind: p.kind as AppealRecord['kind'], afterReconsideration: p.afterReconsideration === true, filedOn: String(p.filedOn), result: p.result as AppealRecord['result'] });
    }
    const a = appeals.get(Number(p.appealId));
    if (e.type === 'appeal_result' && a && isAppealResult(String(p.result))) a.result = p.result as AppealRecord['result'];
  }
  return { table, balanced: table3Balanced(table), table4: tallyTable4([...appeals.values()], input.year) };
}
