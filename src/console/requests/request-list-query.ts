/** The staff request list of a console page: the reader's scopes, narrowed by `?org=` (shared by the list page, the export and “my work”). */
import type { FastifyRequest } from 'fastify';
import { orgFilter } from '../org-filter.js';
import type { OrgRow } from '../../orgs/index.js';
import type { WorkCalendar } from '../../calendar/index.js';
import { requestScopes, type RequestWithOrg, requestListFor, type RequestListQuery } from '../../requests/index.js';

/** The list's rows for a parsed query within the reader's scopes (narrowed by `?org=`). */
export async function runRequestList(
  req: FastifyRequest,
  query: RequestListQuery,
  page: { limit: number; offset: number },
): Promise<{
  rows: RequestWithOrg[];
  total: number;
  day: string;
  cal: WorkCalendar;
  org: OrgRow | null;
  orgQs: string;
  scopes: string[];
}> {
  const scopes = requestScopes(req.actor);
  const { paths, org, qs: orgQs } = await orgFilter(req.ctx.db, scopes, req.query);
  return { ...(await requestListFor(req.ctx, paths, query, page)), org, orgQs, scopes };
}
