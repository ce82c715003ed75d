import type { Ctx } from '../platform/context.js';
import { conflict, forbidden, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { rolesAllow, getOrg } from '../orgs/index.js';
import { CATEGORY_EDITORS } from './category.rules.js';

/** Deletes an empty category (no items, no sub-categories) of an agency's 公开目录. */
export async function deleteCategory(ctx: Ctx, input: { id: number }): Promise<void> {
  await tx(ctx, async (trx) => {
    const cat = await trx.selectFrom('catalog_categories').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!cat) throw notFound('category_not_found', '分类不存在。');
    const org = await getOrg(trx, cat.org_id);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, CATEGORY_EDITORS, org.path)) throw forbidden();
    const used = await trx.selectFrom('items').select('id').where('category_id', '=', cat.id).executeTakeFirst();
    const child = await trx
      .selectFrom('catalog_categories')
      .select('id')
      .where('parent_id', '=', cat.id)
      .executeTakeFirst();
    if (used || child) throw conflict('category_in_use', `分类“${cat.name}”下还有信息或子分类，不能删除。`);
    await trx.deleteFrom('catalog_categories').where('id', '=', cat.id).execute();
    await bumpPublicVersion(trx, ctx); // public pages show it (page cache, Last-Modified)
    await writeAudit(trx, ctx, {
      action: 'catalog.category_delete',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `「${org.name}」公开目录删除分类“${cat.name}”`,
    });
  });
}
