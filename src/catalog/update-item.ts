import type { Ctx } from '../platform/context.js';
import { todayInShanghai } from '../platform/dates.js';
import { invalidFields } from '../platform/errors.js';
import { tx } from '../platform/tx.js';
import { validateItem, type ItemInput } from './item-input.rules.js';
import { ensureCategories } from './categories.js';
import { applyTransition, authorizeItemFirst, loadItem } from './item-transition.js';

/** Edits an item's fields while it is a draft or returned for changes. The 索引号 never changes. */
export async function updateItem(ctx: Ctx, id: number, input: ItemInput): Promise<void> {
  await authorizeItemFirst(ctx, id, 'edit'); // before the fields
  const { fields, errors } = validateItem({ ...input, indexNo: undefined }, todayInShanghai(ctx.now()));
  if (!fields) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    const item = await loadItem(trx, id);
    const cats = await ensureCategories(trx, item.org_id, ctx.now().toISOString());
    if (fields.category_id != null && !cats.some((c) => c.id === fields.category_id)) {
      throw invalidFields([
        { code: 'item_category_invalid', message: '所选目录分类不属于该机构。', field: 'categoryId' },
      ]);
    }
    await applyTransition(trx, ctx, item, 'edit', {
      changes: () => fields,
      summary: `修改信息「${fields.title}」（${item.index_no}）`,
    });
  });
}
