/** The scheduled website check: every agency that has catalogue categories (system job). */
import type { Ctx } from '../platform/context.js';
import { agenciesWithCategories } from '../catalog/index.js';
import { runSiteCheck } from './run-site-check.js';

/** Checks every agency with categories; returns a summary line. */
export async function runAllSiteChecks(ctx: Ctx): Promise<string> {
  const orgs = await agenciesWithCategories(ctx.db);
  let failed = 0;
  for (const orgId of orgs) if ((await runSiteCheck(ctx, orgId)).result.verdict === '不合格') failed++;
  return `网站检查：${orgs.length} 个单位，不合格 ${failed} 个`;
}
