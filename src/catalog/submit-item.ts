import type { Ctx } from '../platform/context.js';
import { tx } from '../platform/tx.js';
import { applyTransition, loadItem } from './item-transition.js';
import type { ItemStatus } from './item-workflow.rules.js';

/** Submits a draft (or returned) item to 保密审查. */
export function submitItem(ctx: Ctx, id: number): Promise<ItemStatus> {
  return tx(ctx, async (trx) => applyTransition(trx, ctx, await loadItem(trx, id), 'submit', {}));
}
