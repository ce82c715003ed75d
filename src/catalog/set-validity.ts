import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { tx } from '../platform/tx.js';
import { validateValidity } from './item-input.rules.js';
import { getItem } from './catalog.store.js';
import { applyTransition, authorizeItemFirst, loadItem } from './item-transition.js';

/** Marks a published item 有效 / 失效 / 废止 / 已修订, with the date and the item that replaces it. */
export async function setValidity(
  ctx: Ctx,
  input: { id: number; validity: string; validityOn?: string; replacedById?: number | null },
): Promise<void> {
  await authorizeItemFirst(ctx, input.id, 'set_validity'); // before the fields
  const on = input.validityOn?.trim() || todayInShanghai(ctx.now());
  const errors = validateValidity(input.validity, on);
  if (errors.length) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    const item = await loadItem(trx, input.id);
    const replacedBy = input.replacedById ?? null;
    if (replacedBy != null && (replacedBy === item.id || !(await getItem(trx, replacedBy)))) {
      throw invalidFields([{ code: 'item_replaced_by_invalid', message: '替代文件不存在。', field: 'replacedById' }]);
    }
    await applyTransition(trx, ctx, item, 'set_validity', {
      changes: () => ({ validity: input.validity, validity_on: on, replaced_by_id: replacedBy }),
      summary: `变更有效性：「${item.title}」（${item.index_no}）${item.validity} → ${input.validity}（${on}）`,
    });
  });
}
