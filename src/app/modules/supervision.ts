import type { CapabilityModule } from '../modules.js';

/** 监督检查: the supervising office's dashboard, yearly tasks, daily alerts and public statistics. */
export const supervisionModule: CapabilityModule = {
  name: 'supervision',
  async routes(app) {
    const [
      nav,
      home,
      roles,
      dates,
      tasksRules,
      tasksStore,
      access,
      build,
      dashboard,
      tasks,
      task,
      alerts,
      checks,
      checkSettings,
      stats,
      api,
    ] = await Promise.all([
      import('../../console/nav.js'),
      import('../../console/foundation/home-routes.js'),
      import('../../orgs/index.js'),
      import('../../platform/dates.js'),
      import('../../supervision/index.js'),
      import('../../supervision/index.js'),
      import('../../supervision/index.js'),
      import('../../supervision/index.js'),
      import('../../console/supervision/dashboard-routes.js'),
      import('../../console/supervision/tasks-routes.js'),
      import('../../console/supervision/task-routes.js'),
      import('../../console/supervision/alerts-routes.js'),
      import('../../console/supervision/checks-routes.js'),
      import('../../console/supervision/check-settings-routes.js'),
      import('../../portal/supervision/stats-routes.js'),
      import('../../api/supervision/supervision-api.js'),
    ]);
    const { TASK_VIEW_ROLES } = tasksRules;
    nav.registerNav(
      { href: '/console/supervision', label: '工作台统计', roles: build.DASHBOARD_ROLES, group: '监督检查' },
      { href: '/console/supervision/tasks', label: '年度任务分解表', roles: TASK_VIEW_ROLES, group: '监督检查' },
      { href: '/console/supervision/checks', label: '网站检查', roles: ['supervisor'], group: '监督检查' },
      { href: '/console/supervision/alerts', label: '每日提醒设置', roles: build.DASHBOARD_ROLES, group: '监督检查' },
    );
    home.registerHomeWidget(async (req) => {
      if (!roles.rolesAllow(req.actor, TASK_VIEW_ROLES)) return null;
      const { total } = await tasksStore.listTasks(
        req.ctx.db,
        { ...access.taskScope(req.actor), overdueAsOf: dates.todayInShanghai(req.ctx.now()) },
        1,
        1,
      );
      return total
        ? {
            title: '年度任务逾期',
            body: `${total} 项任务已超过完成时限且未验收，请到“年度任务分解表”查看。`,
            level: 'warning',
          }
        : null;
    });
    await dashboard.dashboardRoutes(app);
    await tasks.tasksRoutes(app);
    await task.taskRoutes(app);
    await alerts.alertsRoutes(app);
    await checkSettings.checkSettingsRoutes(app);
    await checks.checksRoutes(app);
    await stats.statsRoutes(app);
    await api.supervisionApi(app);
  },
  seedDemo: async (ctx, demo) => (await import('../../supervision/index.js')).seedDemoSupervision(ctx, demo),
  cli: {
    commands: [
      { name: 'supervision:check', description: '立即对所有单位进行网站检查（19号单项否决与扣分）' },
      { name: 'supervision:digest', description: '立即发送今日监督检查提醒（站内通知与邮件）' },
    ],
    load: async () => (await import('../../cli/supervision-commands.js')).supervisionCli,
  },
  jobs: [
    {
      name: 'supervision.site_checks',
      label: '网站检查：各单位公开专栏的栏目、链接和附件',
      period: 'daily',
      atHour: 6,
      run: async (ctx) => (await import('../../supervision/index.js')).runAllSiteChecks(ctx),
    },
    {
      name: 'supervision.daily_digest',
      label: '向监督人员和单位管理员发送每日摘要',
      period: 'daily',
      atHour: 7,
      run: async (ctx) => (await import('../../supervision/index.js')).sendDailyDigest(ctx),
    },
  ],
};
