import type { Ctx } from '../platform/context.js';
import { tx } from '../platform/tx.js';
import { bootstrap, rootOrg, seedDemoCounty } from '../orgs/index.js';
import { capabilityModules, installCapabilityHooks } from '../app/module-list.js';

/** The demo county's default random seed (the year of the 条例's first version). */
export const DEMO_SEED = 2007;

/** Schema is migrated by the caller; this seeds reference data, the root org, the admin, and optionally the demo county. */
export async function runInit(
  ctx: Ctx,
  opts: { demo?: boolean; name?: string; seed?: number; log?: (s: string) => void },
): Promise<void> {
  const log = opts.log ?? ((s: string) => console.log(s));
  await installCapabilityHooks();
  for (const m of capabilityModules) {
    const msg = await m.seed?.(ctx);
    if (msg) log(msg);
  }
  const b = await bootstrap(ctx, { rootName: opts.name });
  if (b.created) {
    log('');
    log('已创建系统管理员（首次登录必须修改密码）：');
    log(`  用户名：${b.username}`);
    log(`  一次性密码：${b.oneTimePassword}`);
    log('  此密码只显示这一次。');
    log('');
  }
  if (opts.demo) {
    const root = await rootOrg(ctx.db);
    if (!root) throw new Error('no root organisation after bootstrap');
    const d = await seedDemoCounty(ctx, root.id);
    for (const m of capabilityModules) {
      if (!m.seedDemo) continue;
      // Each capability's demo in one transaction (the use-cases join it): one commit instead of
      // thousands, and nothing half-seeded if it fails.
      const msg = await tx(ctx, (trx) =>
        m.seedDemo!({ ...ctx, db: trx }, { countyId: d.countyId, seed: opts.seed ?? DEMO_SEED }),
      );
      if (msg) log(msg);
    }
    log(
      `已载入示例数据（所有示例机构和用户均标注“示例”）：示例县及 ${d.agencyIds.length} 个单位，${d.users.length} 个示例用户。`,
    );
    log(`示例用户的共同密码：${d.password}（只显示这一次）`);
    for (const u of d.users) log(`  ${u.username.padEnd(22)} ${u.roles}`);
  }
}
