/** Table 三 of the annual report for an agency and a year, from its cases (read only; no audit). */
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { requestableOrg } from './new-case.js';
import { canViewRequests } from './requests.policy.rules.js';
import { feesPaidInYear, yearTallyGroups } from './year-statistics.store.js';
import { appealRecords } from './appeal-records.js';
import { tallyTable4 } from './appeals.rules.js';
import { groupCase, table3Balanced, tallyTable3, type Table3 } from './tally.rules.js';

/** Counts tables 三 and 四 (条例第五十条) for the agency's subtree; for the annual-report capability and the API. */
export async function requestStatistics(
  ctx: Ctx,
  input: { orgId: number; year: number },
): Promise<{ table: Table3; balanced: boolean; table4: number[][]; feesCollected: number }> {
  const org = await requestableOrg(ctx.db, input.orgId);
  if (ctx.actor.kind !== 'system' && !canViewRequests(ctx.actor, org.path)) throw forbidden();
  // Three independent reads of the year (on PostgreSQL they run side by side on the pool's connections).
  const [groups, feesCollected, appeals] = await Promise.all([
    yearTallyGroups(ctx.db, org.path, input.year),
    // 信息处理费 actually paid in the year (元), for the report's section on fees.
    feesPaidInYear(ctx.db, org.path, input.year),
    appealRecords(ctx.db, org.path),
  ]);
  const table = tallyTable3(
    groups.map((g) => groupCase(g, input.year)),
    input.year,
  );
  return {
    table,
    balanced: table3Balanced(table),
    table4: tallyTable4(appeals, input.year),
    feesCollected,
  };
}
