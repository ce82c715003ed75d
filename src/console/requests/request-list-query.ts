/** Builds the store filter of the staff request list from its query (shared by the list page, the export and “my work”). */
import type { FastifyRequest } from 'fastify';
import { orgFilter } from '../org-filter.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import type { WorkCalendar } from '../../calendar/calendar.rules.js';
import { nameScopes, requestScopes } from '../../requests/requests.policy.rules.js';
import { listRequests, type RequestListFilter, type RequestWithOrg } from '../../requests/requests.store.js';
import { requestCalendar } from '../../requests/request-calendar.js';
import { dueSoonUntil } from '../../requests/due-window.rules.js';
import { today } from '../../requests/case-support.js';
import type { RequestListQuery } from '../../requests/request-list.rules.js';

/** The list's rows for a parsed query within the reader's scopes (narrowed by `?org=`). */
export async function runRequestList(
  req: FastifyRequest,
  query: RequestListQuery,
  page: { limit: number; offset: number },
): Promise<{ rows: RequestWithOrg[]; total: number; day: string; cal: WorkCalendar; org: OrgRow | null; orgQs: string; scopes: string[] }> {
  const scopes = requestScopes(req.actor);
  const { paths, org, qs: orgQs } = await orgFilter(req.ctx.db, scopes, req.query);
  const day = today(req.ctx);
  const cal = await requestCalendar(req.ctx.db);
  const f: RequestListFilter = {
    orgPaths: paths,
    queue: query.queue,
    userId: req.actor.userId,
    today: day,
    soonUntil: dueSoonUntil(cal, day),
    ...page,
    text: query.q || undefined,
    namePaths: nameScopes(req.actor),
    state: query.state || undefined,
    channel: query.channel || undefined,
    handlerId: query.handler === 'me' ? (req.actor.userId ?? -1) : query.handler === 'none' ? 'none' : query.handler ? Number(query.handler) : undefined,
    departmentId: query.department ? Number(query.department) : undefined,
    outcome: query.outcome || undefined,
    receivedFrom: query.receivedFrom || undefined,
    receivedTo: query.receivedTo || undefined,
    dueFrom: query.dueFrom || undefined,
    dueTo: query.dueTo || undefined,
    dueYears: query.provisional ? cal.provisionalYears.map(String) : undefined,
    sort: query.sort,
  };
  const { rows, total } = await listRequests(req.ctx.db, f);
  return { rows, total, day, cal, org, orgQs, scopes };
}
