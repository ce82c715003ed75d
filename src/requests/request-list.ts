/** The staff request list for a parsed query within given subtrees (console list, export, “my work” and the API share it). */
import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import type { WorkCalendar } from '../calendar/index.js';
import { nameScopes } from './requests.policy.rules.js';
import { listRequests, type RequestListFilter, type RequestWithOrg } from './requests.store.js';
import { requestCalendar } from './request-calendar.js';
import { dueSoonUntil } from './due-window.rules.js';
import type { RequestListQuery } from './request-list.rules.js';

/** Rows and total of the list; `paths` are the reader's subtrees (already narrowed to one agency when asked). */
export async function requestListFor(
  ctx: Pick<Ctx, 'db' | 'actor' | 'now'>,
  paths: string[],
  query: RequestListQuery,
  page: { limit: number; offset: number },
): Promise<{ rows: RequestWithOrg[]; total: number; day: string; cal: WorkCalendar }> {
  const day = today(ctx);
  const cal = await requestCalendar(ctx.db);
  const f: RequestListFilter = {
    orgPaths: paths,
    queue: query.queue,
    userId: ctx.actor.userId,
    today: day,
    soonUntil: dueSoonUntil(cal, day),
    ...page,
    text: query.q || undefined,
    namePaths: nameScopes(ctx.actor),
    state: query.state || undefined,
    channel: query.channel || undefined,
    handlerId:
      query.handler === 'me'
        ? (ctx.actor.userId ?? -1)
        : query.handler === 'none'
          ? 'none'
          : query.handler
            ? Number(query.handler)
            : undefined,
    departmentId: query.department ? Number(query.department) : undefined,
    outcome: query.outcome || undefined,
    receivedFrom: query.receivedFrom || undefined,
    receivedTo: query.receivedTo || undefined,
    dueFrom: query.dueFrom || undefined,
    dueTo: query.dueTo || undefined,
    dueYears: query.provisional ? cal.provisionalYears.map(String) : undefined,
    sort: query.sort,
  };
  const { rows, total } = await listRequests(ctx.db, f);
  return { rows, total, day, cal };
}
