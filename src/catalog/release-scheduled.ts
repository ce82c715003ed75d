import type { Ctx } from '../platform/context.js';
import { todayInShanghai } from '../platform/dates.js';
import { tx } from '../platform/tx.js';
import { listDueScheduled } from './catalog.store.js';
import { applyTransition, loadItem } from './item-transition.js';

/** Publishes every scheduled item whose 发布日期 has come (job; one transaction and audit event per item). */
export async function releaseScheduled(ctx: Ctx): Promise<number> {
  const today = todayInShanghai(ctx.now());
  const due = await listDueScheduled(ctx.db, today);
  for (const { id } of due)
    await tx(ctx, async (trx) => applyTransition(trx, ctx, await loadItem(trx, id), 'release', {}));
  return due.length;
}
