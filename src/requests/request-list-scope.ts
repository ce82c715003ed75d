/** Read query: which subtrees a staff request list covers. */
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { getOrg } from '../orgs/index.js';
import { requestScopes } from './requests.policy.rules.js';

/** The reader's request grants, narrowed to one organisation when it lies within them; 403 without grants. */
export async function requestListScope(ctx: Ctx, orgId?: number): Promise<string[]> {
  const paths = requestScopes(ctx.actor);
  if (!paths.length) throw forbidden();
  const narrowed = orgId ? await getOrg(ctx.db, orgId) : undefined;
  return narrowed && paths.some((p) => narrowed.path.startsWith(p)) ? [narrowed.path] : paths;
}
