import type { Db } from '../platform/db/schema.js';
import { listReviews, type ItemWithOrg } from './catalog.store.js';
import { CONTRIBUTING_ACTIONS, stageOf, type WorkflowItem } from './item-workflow.rules.js';

/** settings key of an agency's separation-of-duties level (`strict`; absent = the standard rule). */
export const separationKey = (orgId: number): string => `catalog.separation.${orgId}`;

/** Organisation ids of a materialised path (`/1/4/7/` → 1, 4, 7). */
const pathIds = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

/** Whether the organisation or one above it chose the strict separation of duties (stricter always wins). */
export async function strictSeparation(db: Db, orgPath: string): Promise<boolean> {
  const keys = pathIds(orgPath).map(separationKey);
  if (!keys.length) return false;
  const rows = await db.selectFrom('settings').select('value').where('key', 'in', keys).execute();
  return rows.some((r) => r.value === 'strict');
}

/** What separation of duties needs from an item's history and its agency's setting. */
export async function separationFacts(
  db: Db,
  item: ItemWithOrg,
): Promise<Pick<WorkflowItem, 'stagesDone' | 'contributorIds' | 'strictSeparation'>> {
  const reviews = await listReviews(db, item.id);
  const stagesDone = reviews.flatMap((r) => {
    const stage = stageOf(r.action, r.from_status ?? '');
    return stage && r.actor_id != null ? [{ stage, userId: r.actor_id }] : [];
  });
  const contributorIds = [
    ...new Set(
      reviews.filter((r) => CONTRIBUTING_ACTIONS.includes(r.action) && r.actor_id != null).map((r) => r.actor_id!),
    ),
  ];
  if (item.author_id != null && !contributorIds.includes(item.author_id)) contributorIds.push(item.author_id);
  return { stagesDone, contributorIds, strictSeparation: await strictSeparation(db, item.org_path) };
}

/** Real names of the people in an item's history, by user id. */
export async function reviewerNames(db: Db, userIds: ReadonlyArray<number | null>): Promise<Map<number, string>> {
  const ids = [...new Set(userIds.filter((x): x is number => x != null))];
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
