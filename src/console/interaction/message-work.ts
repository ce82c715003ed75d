/** “我的工作” counts of 互动交流: each the total of the message queue it opens. */
import type { FastifyRequest } from 'fastify';
import type { WorkCount } from '../foundation/home-routes.js';
import { rolesAllow } from '../../orgs/roles.rules.js';
import { HANDLE_ROLES, messageScopes } from '../../interaction/interaction.policy.rules.js';
import { listMessages, type MessageQueue } from '../../interaction/messages.store.js';
import { today } from '../../interaction/message-support.js';

export async function messageWork(req: FastifyRequest): Promise<WorkCount[]> {
  const paths = messageScopes(req.actor);
  if (!paths.length) return [];
  const handler = rolesAllow(req.actor, HANDLE_ROLES);
  const wanted: Array<[MessageQueue, string, 'bad' | undefined]> = handler
    ? [
        ['mine', '我的留言待答复', undefined],
        ['unsigned', '留言待签收', undefined],
        ['overdue', '留言已超期未答复', 'bad'],
      ]
    : [['overdue', '留言已超期未答复', 'bad']];
  const day = today(req.ctx);
  return Promise.all(
    wanted.map(async ([queue, label, level]) => {
      const { total } = await listMessages(req.ctx.db, { orgPaths: paths, queue, userId: req.actor.userId, today: day, limit: 1, offset: 0 });
      return { label, count: total, href: `/console/messages?queue=${queue}`, group: '互动交流', level };
    }),
  );
}
