import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { rolesAllow, getOrg } from '../orgs/index.js';
import { CATEGORY_EDITORS, validateCategoryName } from './category.rules.js';
import { ensureCategories } from './categories.js';

/** Adds a category (top level or under a parent) to an agency's 公开目录. */
export async function addCategory(
  ctx: Ctx,
  input: { orgId: number; name: string; parentId?: number | null },
): Promise<number> {
  return tx(ctx, async (trx) => {
    const org = await getOrg(trx, input.orgId);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, CATEGORY_EDITORS, org.path)) throw forbidden();
    const now = ctx.now().toISOString();
    const cats = await ensureCategories(trx, org.id, now);
    const parentId = input.parentId ?? null;
    if (parentId != null && !cats.some((c) => c.id === parentId))
      throw invalidFields([{ code: 'category_parent_invalid', message: '上级分类不存在。', field: 'parentId' }]);
    const siblings = cats.filter((c) => c.parent_id === parentId);
    const errors = validateCategoryName(
      input.name,
      siblings.map((c) => c.name),
    );
    if (errors.length) throw invalidFields(errors);
    const name = input.name.trim();
    const r = await trx
      .insertInto('catalog_categories')
      .values({
        org_id: org.id,
        parent_id: parentId,
        name,
        sort_order: siblings.length,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpPublicVersion(trx, ctx); // public pages show it (page cache, Last-Modified)
    await writeAudit(trx, ctx, {
      action: 'catalog.category_add',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `「${org.name}」公开目录新增分类“${name}”`,
    });
    return r.id;
  });
}
