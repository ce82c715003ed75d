import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { forbidden, notFound } from '../platform/errors.js';
import { rolesAllow } from '../orgs/index.js';
import { CATALOG_VIEWERS } from './catalog-policy.rules.js';
import { writeAudit } from '../platform/audit/audit.js';
import { syncItemIndex } from './sync-item-index.js';
import { separationFacts } from './separation-of-duties.js';
import type { Updateable } from 'kysely';
import type { ItemsTable } from './catalog.tables.js';
import { getItem, insertReview, updateItemRow, type ItemWithOrg } from './catalog.store.js';
import {
  ACTION_LABELS,
  decide,
  isItemStatus,
  mayAttempt,
  STATUS_LABELS,
  type ItemAction,
  type ItemStatus,
  type WorkflowItem,
} from './item-workflow.rules.js';

/** The workflow view of a stored item. */
export function workflowItem(item: ItemWithOrg): WorkflowItem {
  return {
    status: isItemStatus(item.status) ? item.status : 'draft',
    needsLegality: item.is_normative === 1 || item.is_rule === 1 || item.legality_required === 1,
    authorId: item.author_id,
    orgPath: item.org_path,
  };
}

/** The workflow view with the item's history, as separation of duties needs it. */
export async function workflowWithHistory(db: Db, item: ItemWithOrg): Promise<WorkflowItem> {
  return { ...workflowItem(item), ...(await separationFacts(db, item)) };
}

/** Loads an item inside a transaction or throws 404. */
export async function loadItem(trx: Db, id: number): Promise<ItemWithOrg> {
  const item = await getItem(trx, id);
  if (!item) throw notFound('item_not_found', '信息不存在。');
  return item;
}

/**
 * Authorize before validating (issue 16): the item exists (404), the actor may see it and holds a role that
 * may take `action` on it (403) — before the use-case looks at a field.
 */
export async function authorizeItemFirst(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: number,
  action: ItemAction,
): Promise<void> {
  const item = await loadItem(ctx.db, id);
  if (ctx.actor.kind === 'system') return;
  if (!rolesAllow(ctx.actor, CATALOG_VIEWERS, item.org_path) || !mayAttempt(workflowItem(item), action, ctx.actor))
    throw forbidden('item_forbidden', `您没有“${ACTION_LABELS[action]}”的权限。`);
}

/**
 * Decides `action` on the item, applies `changes`, records the step in the item's history and
 * writes the use-case's one audit event. Call inside `tx`.
 */
export async function applyTransition(
  trx: Db,
  ctx: Ctx,
  item: ItemWithOrg,
  action: ItemAction,
  opts: { comment?: string | null; changes?: (to: ItemStatus) => Updateable<ItemsTable>; summary?: string },
): Promise<ItemStatus> {
  const from = await workflowWithHistory(trx, item);
  const to = decide(from, action, ctx.actor, opts.comment);
  const now = ctx.now().toISOString();
  await updateItemRow(trx, item.id, { ...(opts.changes?.(to) ?? {}), status: to, updated_at: now });
  const comment = opts.comment?.trim() || null;
  await insertReview(trx, {
    item_id: item.id,
    action,
    from_status: from.status,
    to_status: to,
    actor_id: ctx.actor.userId,
    actor_label: ctx.actor.label,
    comment,
    created_at: now,
  });
  await writeAudit(trx, ctx, {
    action: `item.${action}`,
    subjectType: 'item',
    subjectId: item.id,
    orgId: item.org_id,
    summary:
      opts.summary ??
      `${ACTION_LABELS[action]}：「${item.title}」（${item.index_no}），${STATUS_LABELS[from.status]} → ${STATUS_LABELS[to]}${comment ? `；意见：${comment}` : ''}`,
  });
  await syncItemIndex(trx, ctx, item.id);
  return to;
}
