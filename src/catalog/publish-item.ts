import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { tx } from '../platform/tx.js';
import { checkPublicationDate } from './item-input.rules.js';
import { applyTransition, loadItem } from './item-transition.js';
import type { ItemStatus } from './item-workflow.rules.js';

/**
 * 领导签发: the approver signs and publishes now, or on a later 发布日期 (scheduled). The 成文日期 may
 * not be after the 发布日期, nor the 发布日期 before today.
 */
export function publishItem(
  ctx: Ctx,
  input: { id: number; publishOn?: string; comment?: string },
): Promise<ItemStatus> {
  const today = todayInShanghai(ctx.now());
  const on = input.publishOn?.trim() || today;
  return tx(ctx, async (trx) => {
    const item = await loadItem(trx, input.id);
    const errors = checkPublicationDate(item.written_on, on);
    // Published means seen from that day: an earlier 发布日期 would misstate it (and its timeliness).
    if (!errors.length && on < today)
      errors.push({
        code: 'item_publish_on_past',
        message: `发布日期 ${on} 早于今天（${today}）：签发后才公开，留空即为今天发布，或选择以后的日期定时发布。`,
        field: 'publishOn',
      });
    if (errors.length) throw invalidFields(errors);
    const action = on > today ? 'schedule' : 'publish';
    return applyTransition(trx, ctx, item, action, {
      comment: input.comment,
      changes: () => ({ published_on: on, approver: ctx.actor.displayName ?? ctx.actor.label }),
    });
  });
}
