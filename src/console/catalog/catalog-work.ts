/** “我的工作” count of 主动公开: items whose review step waits for the reader (the list it opens is the same queue). */
import type { Ctx } from '../../platform/context.js';
import type { WorkCount } from '../foundation/my-work.js';
import { scopePaths } from '../../orgs/index.js';
import { CATALOG_QUEUE_ROLES, reviewQueue } from '../../catalog/index.js';

export async function catalogWork(ctx: Ctx): Promise<WorkCount[]> {
  if (!scopePaths(ctx.actor, CATALOG_QUEUE_ROLES).length) return [];
  const rows = await reviewQueue(ctx.db, ctx.actor);
  return [{ label: '待我审核或修改的公开信息', count: rows.length, href: '/console/items/queue', group: '主动公开' }];
}
