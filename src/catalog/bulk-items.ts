import type { Ctx } from '../platform/context.js';
import { isAppError } from '../platform/errors.js';
import { rolesAllow } from '../orgs/index.js';
import { CATALOG_VIEWERS } from './catalog-policy.rules.js';
import { getItem } from './catalog.store.js';
import { reviewItem } from './review-item.js';
import { publishItem } from './publish-item.js';
import { submitItem } from './submit-item.js';

export type BulkAction = 'approve' | 'publish' | 'submit';

/** What the user is told about an item they may not see: not its state, not even whether it exists. */
export const BULK_NOT_ALLOWED = '无权处理';

/**
 * Runs one workflow step on many items, each in its own transaction. Authorization comes first: an item
 * the actor may not see (or that does not exist) is reported only as “无权处理”.
 */
export async function bulkItems(
  ctx: Ctx,
  action: BulkAction,
  ids: readonly number[],
): Promise<{ done: number; failed: Array<{ id: number; message: string }> }> {
  const run = (id: number) =>
    action === 'approve'
      ? reviewItem(ctx, { id, decision: 'approve' })
      : action === 'publish'
        ? publishItem(ctx, { id })
        : submitItem(ctx, id);
  const failed: Array<{ id: number; message: string }> = [];
  for (const id of ids) {
    const item = await getItem(ctx.db, id);
    if (!item || (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, CATALOG_VIEWERS, item.org_path))) {
      failed.push({ id, message: BULK_NOT_ALLOWED });
      continue;
    }
    try {
      await run(id);
    } catch (e) {
      if (!isAppError(e)) throw e;
      failed.push({ id, message: e.errors[0]?.message ?? e.code });
    }
  }
  return { done: ids.length - failed.length, failed };
}
