/** “我的工作” count of 主动公开: items whose review step waits for the reader (the list it opens is the same queue). */
import type { FastifyRequest } from 'fastify';
import type { WorkCount } from '../foundation/home-routes.js';
import { scopePaths } from '../../orgs/index.js';
import { CATALOG_QUEUE_ROLES, reviewQueue } from '../../catalog/index.js';

export async function catalogWork(req: FastifyRequest): Promise<WorkCount[]> {
  if (!scopePaths(req.actor, CATALOG_QUEUE_ROLES).length) return [];
  const rows = await reviewQueue(req.ctx.db, req.actor);
  return [{ label: '待我审核或修改的公开信息', count: rows.length, href: '/console/items/queue', group: '主动公开' }];
}
