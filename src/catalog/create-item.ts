import type { Ctx } from '../platform/context.js';
import { todayInShanghai } from '../platform/dates.js';
import { conflict, forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { nextCounter, tx } from '../platform/tx.js';
import { authorizeOrgFirst, rolesAllow, getOrg } from '../orgs/index.js';
import { ITEM_WRITERS } from './catalog-policy.rules.js';
import { validateItem, type ItemInput } from './item-input.rules.js';
import { applyIndexPattern, indexPeriod, indexPrefix } from './index-number.rules.js';
import { getIndexPattern } from './index-pattern.js';
import { findItemByIndexNo, insertItem, insertReview, NEW_ITEM_COLUMNS } from './catalog.store.js';
import { ensureCategories } from './categories.js';

/** Roles that may write items. */
export { ITEM_WRITERS };

/** Creates a draft item in an agency's catalogue with a new (or imported) 索引号. */
export async function createItem(
  ctx: Ctx,
  input: ItemInput & { orgId: number },
): Promise<{ id: number; indexNo: string }> {
  await authorizeOrgFirst(ctx, input.orgId, (a, path) => rolesAllow(a, ITEM_WRITERS, path)); // before the fields
  const { fields, errors } = validateItem(input, todayInShanghai(ctx.now()));
  if (!fields) throw invalidFields(errors);
  return tx(ctx, async (trx) => {
    const org = await getOrg(trx, input.orgId);
    if (!org) throw notFound('org_not_found', '发布机构不存在。');
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, ITEM_WRITERS, org.path)) throw forbidden();
    const now = ctx.now().toISOString();
    const cats = await ensureCategories(trx, org.id, now);
    if (fields.category_id != null && !cats.some((c) => c.id === fields.category_id)) {
      throw invalidFields([
        { code: 'item_category_invalid', message: '所选目录分类不属于该机构。', field: 'categoryId' },
      ]);
    }
    let indexNo = input.indexNo?.trim().toUpperCase();
    if (indexNo) {
      if (await findItemByIndexNo(trx, indexNo))
        throw conflict('index_no_taken', `索引号“${indexNo}”已被其他信息使用。`, 'indexNo');
    } else {
      const pattern = await getIndexPattern(trx, org.id);
      const code = indexPrefix(org.code, org.id);
      const scope = `index:${org.id}:${indexPeriod(pattern, fields.created_on)}`;
      do indexNo = applyIndexPattern(pattern, { code, date: fields.created_on, serial: await nextCounter(trx, scope) });
      while (await findItemByIndexNo(trx, indexNo));
    }
    const id = await insertItem(trx, {
      ...fields,
      org_id: org.id,
      index_no: indexNo,
      ...NEW_ITEM_COLUMNS,
      validity: '有效',
      published_on: null,
      status: 'draft',
      author_id: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await insertReview(trx, {
      item_id: id,
      action: 'create',
      from_status: 'draft',
      to_status: 'draft',
      actor_id: ctx.actor.userId,
      actor_label: ctx.actor.label,
      comment: null,
      created_at: now,
    });
    await writeAudit(trx, ctx, {
      action: 'item.create',
      subjectType: 'item',
      subjectId: id,
      orgId: org.id,
      summary: `新建信息「${fields.title}」，索引号 ${indexNo}（${org.name}）`,
    });
    return { id, indexNo };
  });
}
