import type { CapabilityModule } from '../modules.js';
import { registerNav } from '../../console/nav.js';
import { onCalendarChange } from '../../calendar/calendar-listeners.js';
import { VIEW_ROLES, HANDLE_ROLES } from '../../requests/requests.policy.rules.js';
import { recomputeRequestDueDates } from '../../requests/recompute-due-dates.js';
import { requestsListRoutes } from '../../console/requests/requests-list-routes.js';
import { requestNewRoutes } from '../../console/requests/request-new-routes.js';
import { requestDetailRoutes } from '../../console/requests/request-detail-routes.js';
import { requestsPortalRoutes } from '../../portal/requests/requests-portal-routes.js';
import { requestsApi } from '../../api/requests/requests-api.js';

// Stored due dates follow the calendar: recomputed whenever a year is imported or corrected.
onCalendarChange(async (ctx, cal) => {
  const r = await recomputeRequestDueDates(ctx, cal);
  return { label: r.label, moved: r.moved };
});

/** 依申请公开: portal form and status page, console queues and case pages, JSON API, CLI. */
export const requestsModule: CapabilityModule = {
  name: 'requests',
  async routes(app) {
    registerNav(
      { href: '/console/requests', label: '申请办理', roles: VIEW_ROLES, group: '依申请公开' },
      { href: '/console/requests/new', label: '登记申请', roles: HANDLE_ROLES, group: '依申请公开' },
    );
    await requestsListRoutes(app);
    await requestNewRoutes(app);
    await requestDetailRoutes(app);
    await requestsPortalRoutes(app);
    await requestsApi(app);
  },
  cli(program, open) {
    program
      .command('requests-recompute')
      .description('按当前节假日日历重新计算未办结申请的答复期限')
      .action(async () => {
        const c = await open();
        try {
          const r = await recomputeRequestDueDates(c.ctx);
          console.log(`已重新计算：${r.moved} 件申请的答复期限变动${r.failed ? `，${r.failed} 件无法计算（缺少日历年度）` : ''}。`);
        } catch (e) {
          const err = e as { errors?: Array<{ code: string; message: string }>; message?: string };
          console.error(err.errors ? err.errors.map((x) => `错误 [${x.code}]: ${x.message}`).join('\n') : `错误: ${err.message ?? String(e)}`);
          process.exitCode = 1;
        } finally {
          await c.close();
        }
      });
  },
};
