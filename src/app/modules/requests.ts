import type { CapabilityModule } from '../modules.js';

/** 依申请公开: portal form and status page, console queues and case pages, JSON API, CLI. */
export const requestsModule: CapabilityModule = {
  name: 'requests',
  async routes(app) {
    const [
      nav,
      policy,
      list,
      create,
      templates,
      detail,
      files,
      settings,
      portal,
      api,
      departments,
      release,
      releasePortal,
      exportRoutes,
      bulk,
      proofsApi,
      reminderPrefs,
      bulkApi,
    ] = await Promise.all([
      import('../../console/nav.js'),
      import('../../requests/index.js'),
      import('../../console/requests/requests-list-routes.js'),
      import('../../console/requests/request-new-routes.js'),
      import('../../console/requests/letter-templates-routes.js'),
      import('../../console/requests/request-detail-routes.js'),
      import('../../console/requests/request-files-routes.js'),
      import('../../console/requests/request-settings-routes.js'),
      import('../../portal/requests/requests-portal-routes.js'),
      import('../../api/requests/requests-api.js'),
      import('../../api/requests/request-departments-api.js'),
      import('../../console/requests/release-routes.js'),
      import('../../portal/requests/release-portal-routes.js'),
      import('../../console/requests/requests-export-routes.js'),
      import('../../console/requests/requests-bulk-routes.js'),
      import('../../api/requests/id-proofs-api.js'),
      import('../../console/requests/reminder-prefs-routes.js'),
      import('../../api/requests/requests-bulk-api.js'),
    ]);
    const { VIEW_ROLES, HANDLE_ROLES, APPROVE_ROLES } = policy;
    nav.registerNav(
      { href: '/console/requests', label: '申请办理', roles: VIEW_ROLES, group: '依申请公开' },
      { href: '/console/requests/new', label: '登记申请', roles: HANDLE_ROLES, group: '依申请公开' },
      { href: '/console/requests/reminders', label: '到期提醒方式', roles: HANDLE_ROLES, group: '依申请公开' },
      { href: '/console/requests/settings', label: '依申请公开设置', roles: ['sysadmin'], group: '依申请公开' },
      {
        href: '/console/requests/letter-templates',
        label: '文书模板与协办期限',
        roles: APPROVE_ROLES,
        group: '依申请公开',
      },
    );
    await list.requestsListRoutes(app);
    await exportRoutes.requestsExportRoutes(app);
    await bulk.requestsBulkRoutes(app);
    await create.requestNewRoutes(app);
    await templates.letterTemplateRoutes(app);
    await detail.requestDetailRoutes(app);
    await files.requestFilesRoutes(app);
    await settings.requestSettingsRoutes(app);
    await portal.requestsPortalRoutes(app);
    await bulkApi.requestsBulkApi(app);
    await api.requestsApi(app);
    await departments.requestDepartmentsApi(app);
    await release.releaseRoutes(app);
    await releasePortal.releasePortalRoutes(app);
    await proofsApi.idProofsApi(app);
    await reminderPrefs.reminderPrefsRoutes(app);
  },
  async hooks() {
    // “我的工作” counts: the console home and the daily work digest (also when a job or CLI runs without routes).
    const [{ registerWorkSource }, { requestWork }] = await Promise.all([
      import('../../console/foundation/my-work.js'),
      import('../../console/requests/request-work.js'),
    ]);
    registerWorkSource(requestWork);
    // Stored due dates follow the calendar: recomputed whenever a year is imported or corrected.
    const [{ onCalendarChange }, { recomputeRequestDueDates }] = await Promise.all([
      import('../../calendar/index.js'),
      import('../../requests/index.js'),
    ]);
    onCalendarChange(async (ctx, cal, change) => {
      const r = await recomputeRequestDueDates(ctx, cal, change);
      return { label: r.label, moved: r.moved };
    });
  },
  seedDemo: async (ctx, demo) => (await import('../../requests/index.js')).seedDemoRequests(ctx, demo),
  jobs: [
    {
      name: 'requests.reminders',
      label: '提醒办理人和负责人即将到期或已超期的申请',
      period: 'daily',
      atHour: 8,
      async run(ctx) {
        const r = await (await import('../../requests/index.js')).sendReminders(ctx);
        return `提醒 ${r.handlers} 名办理人，${r.cases} 件申请`;
      },
    },
    {
      name: 'requests.retention',
      label: '删除超过保存年限的申请人个人信息',
      period: 'daily',
      atHour: 2,
      async run(ctx) {
        const r = await (await import('../../requests/index.js')).eraseExpiredPersonalData(ctx);
        return r.cutoff
          ? `删除 ${r.erased} 件申请的申请人个人信息、${r.files} 个身份证明文件（${r.cutoff} 前办结）`
          : '未设置保存年限';
      },
    },
    {
      name: 'requests.tally_compact',
      label: '整理年报表三的计数（合并增量行）',
      period: 'hourly',
      async run(ctx) {
        const r = await (await import('../../requests/index.js')).compactTallyCounts(ctx);
        return `年报表三计数：${r.summed} 行合并为 ${r.groups} 行`;
      },
    },
    {
      // The counts follow the cases by triggers; a write with them off (a data-only restore) is corrected
      // here by the next night, and audited (`request.recount`).
      name: 'requests.tally_recount',
      label: '按申请记录重新核对年报表三的计数',
      period: 'daily',
      atHour: 3,
      async run(ctx) {
        const { recountTallyCounts, describeRecount } = await import('../../requests/index.js');
        return describeRecount(await recountTallyCounts(ctx));
      },
    },
  ],
  cli: {
    commands: [
      {
        name: 'requests-retention',
        description: '设置依申请公开申请人个人信息的保存年限（办结后 N 年），并立即删除已到期的个人信息',
      },
      { name: 'requests-recompute', description: '按当前节假日日历重新计算未办结申请的答复期限' },
      {
        name: 'requests-recount',
        description: '按申请与缴费记录重新核对年度报告表三计数和信息处理费（触发器停用期间写入数据后使用）',
      },
    ],
    load: async () => (await import('../../cli/requests-commands.js')).requestsCli,
  },
};
