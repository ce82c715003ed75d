/** Read queries of the console's message queues (留言办理): one page of a queue, a queue's count, the orgs a message may go to. */
import type { Ctx } from '../platform/context.js';
import { todayInShanghai } from '../platform/dates.js';
import { orgsWithin } from '../orgs/index.js';
import { addMonths } from './figures.rules.js';
import {
  isMessageSort,
  isQueue,
  listMessages,
  MESSAGE_QUEUES,
  MESSAGE_SORTS,
  type MessageEventRow,
  type MessageQueue,
  type MessageSort,
  type MessageWithOrg,
} from './messages.store.js';

export {
  isMessageSort,
  isQueue,
  MESSAGE_QUEUES,
  MESSAGE_SORTS,
  type MessageEventRow,
  type MessageQueue,
  type MessageSort,
  type MessageWithOrg,
};

export interface QueueFilter {
  orgPaths: string[];
  queue: MessageQueue;
  /** Words of the 编号, subject or content. */
  q?: string;
  type?: string;
  sort?: MessageSort;
  limit: number;
  offset: number;
}

/** One page of a queue as the reader sees it (“mine” is the reader's; “overdue” and “stale” count from today in Beijing). */
export function messageQueuePage(
  ctx: Pick<Ctx, 'db' | 'actor' | 'now'>,
  f: QueueFilter,
): Promise<{ rows: MessageWithOrg[]; total: number }> {
  const today = todayInShanghai(ctx.now());
  return listMessages(ctx.db, { ...f, userId: ctx.actor.userId, today, staleBefore: addMonths(today, -3) });
}

/** How many messages a queue holds for the reader. */
export async function messageQueueCount(
  ctx: Pick<Ctx, 'db' | 'actor' | 'now'>,
  orgPaths: string[],
  queue: MessageQueue,
): Promise<number> {
  return (await messageQueuePage(ctx, { orgPaths, queue, limit: 1, offset: 0 })).total;
}

/**
 * Every enabled org a message may be addressed to — agencies, departments and the jurisdiction's government —
 * as select options; with `may`, only those the reader may act for (a 意见征集 is opened only for one's own).
 */
export async function messageOrgOptions(
  ctx: Pick<Ctx, 'db'>,
  may: (orgPath: string) => boolean = () => true,
): Promise<Array<[string, string]>> {
  return (await orgsWithin(ctx))
    .filter((o) => o.kind !== 'section' && may(o.path))
    .map((o) => [String(o.id), `${'　'.repeat(o.depth)}${o.name}`]);
}
