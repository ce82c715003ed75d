/** “我的工作” counts of 互动交流: each the total of the message queue it opens. */
import type { Ctx } from '../../platform/context.js';
import type { WorkCount } from '../foundation/my-work.js';
import { rolesAllow } from '../../orgs/index.js';
import { HANDLE_ROLES, messageScopes, messageQueueCount, type MessageQueue } from '../../interaction/index.js';

export async function messageWork(ctx: Ctx): Promise<WorkCount[]> {
  const paths = messageScopes(ctx.actor);
  if (!paths.length) return [];
  const handler = rolesAllow(ctx.actor, HANDLE_ROLES);
  const wanted: Array<[MessageQueue, string, 'bad' | undefined]> = handler
    ? [
        ['mine', '我的留言待答复', undefined],
        ['unsigned', '留言待签收', undefined],
        ['overdue', '留言已超期未答复', 'bad'],
      ]
    : [['overdue', '留言已超期未答复', 'bad']];
  return Promise.all(
    wanted.map(async ([queue, label, level]) => ({
      label,
      count: await messageQueueCount(ctx, paths, queue),
      href: `/console/messages?queue=${queue}`,
      group: '互动交流',
      level,
    })),
  );
}
