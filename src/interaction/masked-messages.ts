/** Read query: the messages within the reader's grants, contact details masked (the staff API's list). */
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { messageScopes } from './interaction.policy.rules.js';
import { isQueue, listMessages, type MessageQueue } from './messages.store.js';
import { maskMessage, today } from './message-support.js';
import { addMonths } from './figures.rules.js';

/** One page of a queue (an unknown queue lists all); 403 for a reader without message grants. */
export async function maskedMessages(ctx: Ctx, f: { queue?: string; limit: number; offset: number }) {
  const paths = messageScopes(ctx.actor);
  if (!paths.length) throw forbidden();
  const queue: MessageQueue = f.queue && isQueue(f.queue) ? f.queue : 'all';
  const day = today(ctx);
  const { rows, total } = await listMessages(ctx.db, {
    orgPaths: paths,
    queue,
    userId: ctx.actor.userId,
    today: day,
    limit: f.limit,
    offset: f.offset,
    staleBefore: addMonths(day, -3),
  });
  return { rows: rows.map(maskMessage), total };
}
