/** Read queries of catalogue items: the published ones (anyone) and, for staff, those within their grants. */
import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { rolesAllow, scopePaths } from '../orgs/index.js';
import { CATALOG_VIEWERS } from './catalog-policy.rules.js';
import {
  getItem,
  getPublicItem,
  listItems,
  listPublicItems,
  listReviews,
  type ItemReviewRow,
  type ItemWithOrg,
} from './catalog.store.js';

/** Items published by today (the reader's clock), newest first. */
export const publishedItems = (
  ctx: Ctx,
  f: { orgId?: number; limit: number; offset: number },
): Promise<{ rows: ItemWithOrg[]; total: number }> => listPublicItems(ctx.db, todayInShanghai(ctx.now()), f);

/** One item published by today; 404 otherwise. */
export async function publishedItem(ctx: Ctx, id: number): Promise<ItemWithOrg> {
  const item = await getPublicItem(ctx.db, todayInShanghai(ctx.now()), id);
  if (!item) throw notFound('item_not_found', '信息不存在或尚未公开。');
  return item;
}

/** Items of any status within the reader's catalogue grants. */
export const itemsInScope = (
  ctx: Ctx,
  f: { status?: string; orgId?: number; limit: number; offset: number },
): Promise<{ rows: ItemWithOrg[]; total: number }> =>
  listItems(ctx.db, {
    orgPaths: scopePaths(ctx.actor, CATALOG_VIEWERS),
    statuses: f.status ? [f.status] : undefined,
    orgId: f.orgId,
    limit: f.limit,
    offset: f.offset,
  });

/** One item the reader may see, with its review history; 404 when it does not exist, 403 outside the reader's grants. */
export async function itemWithReviews(ctx: Ctx, id: number): Promise<{ item: ItemWithOrg; reviews: ItemReviewRow[] }> {
  const item = await getItem(ctx.db, id);
  if (!item) throw notFound('item_not_found', '信息不存在。');
  if (!rolesAllow(ctx.actor, CATALOG_VIEWERS, item.org_path)) throw forbidden();
  return { item, reviews: await listReviews(ctx.db, item.id) };
}

/** An item as it is now (after a change the caller just made and was allowed to make), or undefined. */
export const currentItem = (ctx: Ctx, id: number): Promise<ItemWithOrg | undefined> => getItem(ctx.db, id);
