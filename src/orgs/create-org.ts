import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound, conflict } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { validateOrg, ORG_KINDS, type OrgInput } from './orgs.rules.js';
import { can } from './roles.rules.js';
import { authorizeOrgFirst } from './org-reads.js';
import { findOrgByCode, getOrg, insertOrg, type OrgRow } from './orgs.store.js';

/** Creates an organisation under a parent (or a root, for system administrators). */
export async function createOrg(ctx: Ctx, input: OrgInput & { isDemo?: boolean }): Promise<OrgRow> {
  await authorizeOrgFirst(ctx, input.parentId, (a, path) => can(a, 'org.manage', path)); // before the fields
  const { fields, errors } = validateOrg(input);
  if (!fields) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const parent = input.parentId != null ? await getOrg(trx, input.parentId) : null;
    if (input.parentId != null && !parent) throw notFound('org_not_found', '上级机构不存在。');
    const allowed = parent
      ? can(ctx.actor, 'org.manage', parent.path)
      : ctx.actor.kind === 'system' || can(ctx.actor, 'settings.manage');
    if (!allowed && ctx.actor.kind !== 'system') throw forbidden();
    if (fields.code && (await findOrgByCode(trx, fields.code))) {
      throw conflict('org_code_taken', '该机构代码已被其他机构使用。', 'code');
    }
    const now = ctx.now().toISOString();
    const org = await insertOrg(trx, parent ?? null, fields, now, input.isDemo);
    await writeAudit(trx, ctx, {
      action: 'org.create',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `新建机构「${org.name}」（${ORG_KINDS[fields.kind]}）${parent ? `，上级：${parent.name}` : ''}`,
    });
    return org;
  });
}
