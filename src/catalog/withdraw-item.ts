import type { Ctx } from '../platform/context.js';
import { tx } from '../platform/tx.js';
import { applyTransition, loadItem } from './item-transition.js';
import type { ItemStatus } from './item-workflow.rules.js';

/** 撤回: takes a published or scheduled item off the public catalogue, with a reason. */
export function withdrawItem(ctx: Ctx, input: { id: number; reason: string }): Promise<ItemStatus> {
  return tx(ctx, async (trx) =>
    applyTransition(trx, ctx, await loadItem(trx, input.id), 'withdraw', {
      comment: input.reason,
      changes: () => ({ withdrawn_reason: input.reason.trim() }),
    }),
  );
}
