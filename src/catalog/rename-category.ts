import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { rolesAllow, getOrg } from '../orgs/index.js';
import { CATEGORY_EDITORS, validateCategoryName } from './category.rules.js';
import { listCategories } from './catalog.store.js';
import { relabelSearchDocs } from '../search/index.js';

/** Renames a category of an agency's 公开目录. */
export async function renameCategory(ctx: Ctx, input: { id: number; name: string }): Promise<void> {
  await tx(ctx, async (trx) => {
    const cat = await trx.selectFrom('catalog_categories').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!cat) throw notFound('category_not_found', '分类不存在。');
    const org = await getOrg(trx, cat.org_id);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, CATEGORY_EDITORS, org.path)) throw forbidden();
    const siblings = (await listCategories(trx, org.id)).filter(
      (c) => c.parent_id === cat.parent_id && c.id !== cat.id,
    );
    const errors = validateCategoryName(
      input.name,
      siblings.map((c) => c.name),
    );
    if (errors.length) throw invalidFields(errors);
    await trx
      .updateTable('catalog_categories')
      .set({ name: input.name.trim(), updated_at: ctx.now().toISOString() })
      .where('id', '=', cat.id)
      .execute();
    await relabelSearchDocs(trx, { categoryId: cat.id, name: input.name.trim() });
    await bumpPublicVersion(trx, ctx); // public pages show it (page cache, Last-Modified)
    await writeAudit(trx, ctx, {
      action: 'catalog.category_rename',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `「${org.name}」公开目录分类“${cat.name}”改名为“${input.name.trim()}”`,
    });
  });
}
