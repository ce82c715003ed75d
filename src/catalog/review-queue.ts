/** The review queue (我的待办): items in review or returned on which the reader can act now. */
import type { Actor } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { scopePaths } from '../orgs/index.js';
import { CATALOG_QUEUE_ROLES } from './catalog-policy.rules.js';
import { availableActions, type ItemAction } from './item-workflow.rules.js';
import { workflowItem } from './item-transition.js';
import { listItems, type ItemWithOrg } from './catalog.store.js';

/** Items waiting for the reader: a review step their role takes, or their own returned drafts (at most 500 looked at). */
export async function reviewQueue(db: Db, actor: Actor): Promise<ItemWithOrg[]> {
  const paths = scopePaths(actor, CATALOG_QUEUE_ROLES);
  if (!paths.length) return [];
  const { rows } = await listItems(db, {
    orgPaths: paths,
    statuses: ['secrecy_review', 'legality_review', 'approval', 'returned'],
    limit: 500,
    offset: 0,
  });
  return rows.filter((r) =>
    availableActions(workflowItem(r), actor).some((a) => a !== 'edit' || r.author_id === actor.userId),
  );
}

/** The actions the reader may take on at least one of the queue's items (the bulk buttons offered). */
export const queueActions = (rows: readonly ItemWithOrg[], actor: Actor): Set<ItemAction> =>
  new Set(rows.flatMap((r) => availableActions(workflowItem(r), actor)));
