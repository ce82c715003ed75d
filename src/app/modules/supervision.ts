import type { CapabilityModule } from '../modules.js';
import { registerNav } from '../../console/nav.js';
import { registerHomeWidget } from '../../console/foundation/home-routes.js';
import { rolesAllow } from '../../orgs/roles.rules.js';
import { todayInShanghai } from '../../platform/dates.js';
import { dashboardRoutes } from '../../console/supervision/dashboard-routes.js';
import { tasksRoutes } from '../../console/supervision/tasks-routes.js';
import { taskRoutes } from '../../console/supervision/task-routes.js';
import { alertsRoutes } from '../../console/supervision/alerts-routes.js';
import { checksRoutes } from '../../console/supervision/checks-routes.js';
import { checkSettingsRoutes } from '../../console/supervision/check-settings-routes.js';
import { runAllSiteChecks } from '../../supervision/run-all-site-checks.js';
import { statsRoutes } from '../../portal/supervision/stats-routes.js';
import { supervisionApi } from '../../api/supervision/supervision-api.js';
import { sendDailyDigest } from '../../supervision/daily-digest.js';
import { TASK_VIEW_ROLES } from '../../supervision/tasks.rules.js';
import { listTasks } from '../../supervision/tasks.store.js';
import { taskScope } from '../../supervision/task-access.js';
import { DASHBOARD_ROLES } from '../../supervision/build-dashboard.js';

/** 监督检查: the supervising office's dashboard, yearly tasks, daily alerts and public statistics. */
export const supervisionModule: CapabilityModule = {
  name: 'supervision',
  async routes(app) {
    registerNav(
      { href: '/console/supervision', label: '工作台统计', roles: DASHBOARD_ROLES, group: '监督检查' },
      { href: '/console/supervision/tasks', label: '年度任务分解表', roles: TASK_VIEW_ROLES, group: '监督检查' },
      { href: '/console/supervision/checks', label: '网站检查', roles: ['supervisor'], group: '监督检查' },
      { href: '/console/supervision/alerts', label: '每日提醒设置', roles: DASHBOARD_ROLES, group: '监督检查' },
    );
    registerHomeWidget(async (req) => {
      if (!rolesAllow(req.actor, TASK_VIEW_ROLES)) return null;
      const { total } = await listTasks(req.ctx.db, { ...taskScope(req.actor), overdueAsOf: todayInShanghai(req.ctx.now()) }, 1, 1);
      return total ? { title: '年度任务逾期', body: `${total} 项任务已超过完成时限且未验收，请到“年度任务分解表”查看。`, level: 'warning' } : null;
    });
    await dashboardRoutes(app);
    await tasksRoutes(app);
    await taskRoutes(app);
    await alertsRoutes(app);
    await checkSettingsRoutes(app);
    await checksRoutes(app);
    await statsRoutes(app);
    await supervisionApi(app);
  },
  cli(program, open) {
    program
      .command('supervision:check')
      .description('立即对所有单位进行网站检查（19号单项否决与扣分）')
      .action(async () => {
        const { ctx, close } = await open();
        try {
          console.log(await runAllSiteChecks(ctx));
        } finally {
          await close();
        }
      });
    program
      .command('supervision:digest')
      .description('立即发送今日监督检查提醒（站内通知与邮件）')
      .action(async () => {
        const { ctx, close } = await open();
        try {
          console.log(await sendDailyDigest(ctx));
        } finally {
          await close();
        }
      });
  },
  jobs: [
    { name: 'supervision.site_checks', period: 'daily', atHour: 6, run: (ctx) => runAllSiteChecks(ctx) },
    { name: 'supervision.daily_digest', period: 'daily', atHour: 7, run: (ctx) => sendDailyDigest(ctx) },
  ],
};
