/** Read query of the console item page: the item and everything shown around it. */
import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { rolesAllow } from '../orgs/index.js';
import { provisionalNote, provisionalYears } from '../calendar/index.js';
import { CATALOG_VIEWERS } from './catalog-policy.rules.js';
import {
  getItem,
  linksOf,
  listChannels,
  listReviews,
  listVersions,
  type CategoryRow,
  type ItemReviewRow,
  type ItemVersionRow,
  type ItemWithOrg,
} from './catalog.store.js';
import { listAttachments, type AttachmentWithFile } from './attachments.store.js';
import { catalogCalendar } from './catalog-calendar.js';
import { timeliness, timelinessLabel } from './timeliness.rules.js';
import { workflowWithHistory } from './item-transition.js';
import { reviewerNames } from './separation-of-duties.js';
import { categoriesOf } from './categories.js';
import type { WorkflowItem } from './item-workflow.rules.js';

export type { AttachmentWithFile, CategoryRow, ItemReviewRow, ItemVersionRow, ItemWithOrg };
export type ItemLinks = Awaited<ReturnType<typeof linksOf>>;

export interface StaffItemPage {
  item: ItemWithOrg;
  reviews: ItemReviewRow[];
  /** Real names of the people in the history, by user id. */
  names: Map<number, string>;
  workflow: WorkflowItem;
  versions: ItemVersionRow[];
  categories: CategoryRow[];
  timeliness: string;
  /** The 暂定 sentence when the timeliness rests on a provisional year. */
  timelinessNote: string | null;
  attachments: AttachmentWithFile[];
  links: ItemLinks;
  channels: string[];
}

/** The item page of staff who may see the item (404 when there is none, 403 outside the reader's scopes). */
export async function staffItemPage(ctx: Ctx, id: number): Promise<StaffItemPage> {
  const { db } = ctx;
  const item = await getItem(db, id);
  if (!item) throw notFound('item_not_found', '信息不存在。');
  if (!rolesAllow(ctx.actor, CATALOG_VIEWERS, item.org_path)) throw forbidden();
  const cal = await catalogCalendar(db);
  const t = timeliness(
    cal,
    item.created_on,
    item.status === 'published' ? item.published_on : null,
    todayInShanghai(ctx.now()),
  );
  const reviews = await listReviews(db, id);
  return {
    item,
    reviews,
    names: await reviewerNames(
      db,
      reviews.map((r) => r.actor_id),
    ),
    workflow: await workflowWithHistory(db, item),
    versions: await listVersions(db, id),
    categories: await categoriesOf(ctx, item.org_id),
    timeliness: timelinessLabel(t),
    timelinessNote: t.kind !== 'unknown' && t.provisional ? provisionalNote(provisionalYears([t.due])) : null,
    attachments: await listAttachments(db, id),
    links: await linksOf(db, id),
    channels: await listChannels(db, id),
  };
}
