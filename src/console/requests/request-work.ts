/**
 * “我的工作” counts of 依申请公开 for the console home. Each count is the total of the very list it opens
 * (same queue and filters, `requestListFor` over the person's scopes), so the two never disagree. A handler sees their own cases;
 * the head of office (依申请公开负责人, request_admin) and supervisors see the agency's.
 */
import type { Ctx } from '../../platform/context.js';
import type { WorkCount } from '../foundation/my-work.js';
import { rolesAllow } from '../../orgs/index.js';
import {
  HANDLE_ROLES,
  nameScopes,
  requestScopes,
  parseRequestListQuery,
  requestListQs,
  requestListFor,
} from '../../requests/index.js';

const GROUP = '依申请公开';

/** The counts for the reader (none without a request role). */
export async function requestWork(ctx: Ctx): Promise<WorkCount[]> {
  if (!requestScopes(ctx.actor).length) return [];
  const head = nameScopes(ctx.actor).length > 0;
  const handler = rolesAllow(ctx.actor, HANDLE_ROLES);
  const wanted: Array<{ label: string; query: Record<string, string>; level?: 'bad' }> = [];
  if (handler) {
    wanted.push({ label: '我的待办申请', query: { queue: 'mine' } });
    if (!head) {
      wanted.push({ label: '我的申请3个工作日内到期', query: { queue: 'due_soon', handler: 'me' } });
      wanted.push({ label: '我的申请已超期', query: { queue: 'overdue', handler: 'me' }, level: 'bad' });
    }
  }
  if (head || !handler) {
    wanted.push({ label: '本机关申请3个工作日内到期', query: { queue: 'due_soon' } });
    wanted.push({ label: '本机关申请已超期', query: { queue: 'overdue' }, level: 'bad' });
  }
  if (head) {
    wanted.push({ label: '网上申请待确认收到', query: { queue: 'unconfirmed' } });
    wanted.push({ label: '办理中未分派办理人', query: { queue: 'all', state: 'processing', handler: 'none' } });
  }
  return Promise.all(
    wanted.map(async (w) => {
      const { query } = parseRequestListQuery(w.query);
      const { total } = await requestListFor(ctx, requestScopes(ctx.actor), query, { limit: 1, offset: 0 });
      return {
        label: w.label,
        count: total,
        href: `/console/requests?${requestListQs(query)}`,
        group: GROUP,
        level: w.level,
      };
    }),
  );
}
