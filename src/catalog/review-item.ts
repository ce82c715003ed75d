import type { Ctx } from '../platform/context.js';
import { tx } from '../platform/tx.js';
import { applyTransition, loadItem, workflowItem } from './item-transition.js';
import { REVIEW_STEP, type ItemStatus } from './item-workflow.rules.js';

/** A reviewer's decision on the current step: approve, or return to the author with a comment. */
export function reviewItem(
  ctx: Ctx,
  input: { id: number; decision: 'approve' | 'return'; comment?: string },
): Promise<ItemStatus> {
  return tx(ctx, async (trx) => {
    const item = await loadItem(trx, input.id);
    const step = REVIEW_STEP[workflowItem(item).status];
    return applyTransition(trx, ctx, item, input.decision, {
      comment: input.comment,
      changes: () =>
        input.decision === 'approve' && step === 'secrecy_reviewer'
          ? { secrecy_reviewer: ctx.actor.displayName ?? ctx.actor.label }
          : input.decision === 'approve' && step === 'legality_reviewer'
            ? { legality_reviewer: ctx.actor.displayName ?? ctx.actor.label }
            : {},
    });
  });
}
