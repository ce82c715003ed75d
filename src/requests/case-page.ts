/** Read query for the staff case page: the choices its action forms offer. */
import type { Ctx } from '../platform/context.js';
import { listHandlers } from './requests.store.js';
import { listSections } from './request-departments.store.js';
import { listOrgs } from '../orgs/index.js';

/** Who may be assigned, the agencies a case may be forwarded to ([id, name]), and the agency's sections. */
export async function caseFormChoices(
  ctx: Ctx,
  orgPath: string,
): Promise<{
  handlers: Array<{ id: number; display_name: string }>;
  agencies: Array<[string, string]>;
  sections: Array<{ id: number; name: string }>;
}> {
  const agencies = (await listOrgs(ctx.db))
    .filter((o) => o.kind !== 'section')
    .map((o): [string, string] => [String(o.id), o.name]);
  return { handlers: await listHandlers(ctx.db, orgPath), agencies, sections: await listSections(ctx.db, orgPath) };
}
