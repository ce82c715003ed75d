/** Read queries of the console's request pages: the agencies a reader works for, and an agency's letter setup. */
import type { Ctx } from '../platform/context.js';
import { scopePaths, listOrgs, type OrgRow } from '../orgs/index.js';
import { APPROVE_ROLES, HANDLE_ROLES } from './requests.policy.rules.js';
import { listAgencyTemplates, templateInForce, type LetterTemplateRow } from './letter-templates.store.js';
import { getCohandlingDays } from './request-departments.store.js';
import { getLetterSettings } from './letter-numbers.store.js';
import type { LetterTemplate } from './letter-templates.rules.js';
import type { LetterSettings } from './letter-numbers.rules.js';

export type { OrgRow };

/** Agencies (not sections) within the actor's grants of `roles`: where they register (handlers) or set up letters (负责人). */
export async function requestAgencies(ctx: Pick<Ctx, 'db' | 'actor'>, roles: 'handle' | 'approve'): Promise<OrgRow[]> {
  const paths = scopePaths(ctx.actor, roles === 'handle' ? HANDLE_ROLES : APPROVE_ROLES);
  if (!paths.length) return [];
  return (await listOrgs(ctx.db, { underPaths: paths })).filter((o) => o.kind !== 'section');
}

/** An agency's letter setup: its edited templates (outcome code → row), the co-handling lead time, 发文字号 and 抄送. */
export interface LetterSetup {
  custom: Map<string, LetterTemplateRow>;
  days: number;
  settings: LetterSettings;
}

/** The agency's letter setup (templates page). */
export async function letterSetup(ctx: Pick<Ctx, 'db'>, orgId: number): Promise<LetterSetup> {
  const [custom, days, settings] = await Promise.all([
    listAgencyTemplates(ctx.db, orgId),
    getCohandlingDays(ctx.db, orgId),
    getLetterSettings(ctx.db, orgId),
  ]);
  return { custom, days, settings };
}

/** The template of an outcome in force at the agency: its own, else the default (`custom` tells which). */
export const letterTemplateInForce = (
  ctx: Pick<Ctx, 'db'>,
  orgId: number,
  code: string,
): Promise<LetterTemplate & { custom: boolean }> => templateInForce(ctx.db, orgId, code);
