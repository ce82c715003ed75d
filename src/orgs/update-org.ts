import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound, conflict } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { validateOrg, type OrgInput, type OrgFields } from './orgs.rules.js';
import { can } from './roles.rules.js';
import { findOrgByCode, getOrg, updateOrgFields, type OrgRow } from './orgs.store.js';
import { orgRenameListeners } from './org-listeners.js';

const LABELS: Record<keyof OrgFields, string> = {
  kind: '类型',
  name: '名称',
  short_name: '简称',
  code: '机构代码',
  sort_order: '排序',
  office_name: '公开工作机构',
  address: '办公地址',
  office_hours: '办公时间',
  phone: '联系电话',
  fax: '传真',
  email: '电子邮箱',
  website: '网址',
  postcode: '邮编',
};

/** Edits an organisation's name, code and 公开工作机构 contact details. */
export async function updateOrg(ctx: Ctx, id: number, input: OrgInput): Promise<OrgRow> {
  return tx(ctx, async (trx) => {
    // Authorize before validating: errors about another agency's form must not reveal it.
    const org = await getOrg(trx, id);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (!can(ctx.actor, 'org.manage', org.path) && ctx.actor.kind !== 'system') throw forbidden();
    const { fields, errors } = validateOrg(input);
    if (!fields) throw invalidFields(errors);
    if (fields.code && fields.code !== org.code) {
      const other = await findOrgByCode(trx, fields.code);
      if (other && other.id !== id) throw conflict('org_code_taken', '该机构代码已被其他机构使用。', 'code');
    }
    const changed = (Object.keys(fields) as (keyof OrgFields)[]).filter((k) => fields[k] !== org[k]);
    if (!changed.length) return org;
    await updateOrgFields(trx, id, fields, ctx.now().toISOString());
    if (changed.includes('name')) for (const l of orgRenameListeners()) await l(trx, { id, name: fields.name });
    await bumpPublicVersion(trx, ctx); // public pages show it (page cache, Last-Modified)
    await writeAudit(trx, ctx, {
      action: 'org.update',
      subjectType: 'org',
      subjectId: id,
      orgId: id,
      summary: `修改机构「${fields.name}」：${changed.map((k) => LABELS[k]).join('、')}`,
    });
    return (await getOrg(trx, id))!;
  });
}

/** Disables or re-enables an organisation (kept for history; never deleted). */
export async function setOrgDisabled(ctx: Ctx, id: number, disabled: boolean): Promise<void> {
  await tx(ctx, async (trx) => {
    const org = await getOrg(trx, id);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (!can(ctx.actor, 'org.manage', org.path) && ctx.actor.kind !== 'system') throw forbidden();
    await updateOrgFields(trx, id, { disabled: disabled ? 1 : 0 }, ctx.now().toISOString());
    await bumpPublicVersion(trx, ctx); // public pages show it (page cache, Last-Modified)
    await writeAudit(trx, ctx, {
      action: disabled ? 'org.disable' : 'org.enable',
      subjectType: 'org',
      subjectId: id,
      orgId: id,
      summary: `${disabled ? '停用' : '启用'}机构「${org.name}」`,
    });
  });
}
