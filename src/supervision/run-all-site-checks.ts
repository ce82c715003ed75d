/** The scheduled website check: every agency that has catalogue categories (system job). */
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import { guarded } from './figure-source.js';
import { runSiteCheck } from './run-site-check.js';

/** Checks every agency with categories; returns a summary line. */
export async function runAllSiteChecks(ctx: Ctx): Promise<string> {
  const orgs = await guarded(async () => (await sql<{ org_id: number }>`select distinct org_id from catalog_categories order by org_id`.execute(ctx.db)).rows);
  if (!orgs) return '网站检查：没有公开目录，未检查';
  let failed = 0;
  for (const o of orgs) if ((await runSiteCheck(ctx, o.org_id)).result.verdict === '不合格') failed++;
  return `网站检查：${orgs.length} 个单位，不合格 ${failed} 个`;
}
