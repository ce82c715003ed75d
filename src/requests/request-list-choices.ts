/** Read queries behind the console request list's filters and its bulk actions (分派办理人, 主办科室). */
import type { Ctx } from '../platform/context.js';
import { canViewRequests } from './requests.policy.rules.js';
import { getRequest, handlersWithin, type RequestWithOrg } from './requests.store.js';
import { sectionsWithin } from './request-departments.store.js';

export type { RequestWithOrg };

/** A choice of a select: id and the name shown. */
export interface Choice {
  id: number;
  name: string;
}

/** Handlers and sections (科室, shown with their agency) within the given subtrees: the list's filters and bulk targets. */
export async function requestListChoices(
  ctx: Pick<Ctx, 'db'>,
  paths: readonly string[],
): Promise<{ handlers: Choice[]; sections: Choice[] }> {
  const [handlers, sections] = await Promise.all([handlersWithin(ctx.db, paths), sectionsWithin(ctx.db, paths)]);
  return {
    handlers: handlers.map((h) => ({ id: h.id, name: h.display_name })),
    sections: sections.map((s) => ({ id: s.id, name: `${s.agency_name} · ${s.name}` })),
  };
}

/** The cases of the given ids the actor may view (others and unknown ids left out), in the order asked. */
export async function viewableRequests(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  ids: readonly number[],
): Promise<RequestWithOrg[]> {
  const rows = await Promise.all(ids.map((id) => getRequest(ctx.db, id)));
  return rows.filter((r): r is RequestWithOrg => !!r && canViewRequests(ctx.actor, r.org_path));
}
