import type { CapabilityModule } from '../modules.js';

/** 政府信息公开工作年度报告: drafts from the records, workflow, portal page, exports, the report checker. */
export const reportsModule: CapabilityModule = {
  name: 'reports',
  async routes(app) {
    const [nav, workflow, check, list, summary, history, legacy, detail, portal, api] = await Promise.all([
      import('../../console/nav.js'),
      import('../../reports/index.js'),
      import('../../console/reports/check-routes.js'),
      import('../../console/reports/reports-list-routes.js'),
      import('../../console/reports/reports-summary-routes.js'),
      import('../../console/reports/report-history-routes.js'),
      import('../../console/reports/legacy-stats-routes.js'),
      import('../../console/reports/report-detail-routes.js'),
      import('../../portal/reports/reports-portal-routes.js'),
      import('../../api/reports/reports-api.js'),
    ]);
    nav.registerNav(
      { href: '/console/reports', label: '年度报告', roles: workflow.REPORT_VIEW_ROLES, group: '年度报告' },
      { href: '/console/reports/summary', label: '辖区汇总', roles: workflow.REPORT_REVIEW_ROLES, group: '年度报告' },
      { href: '/console/reports/check', label: '年度报告检查', roles: [], group: '年度报告' },
    );
    await check.reportCheckRoutes(app);
    await list.reportsListRoutes(app);
    await summary.reportsSummaryRoutes(app);
    await history.reportHistoryRoutes(app);
    await legacy.legacyStatsRoutes(app);
    await detail.reportDetailRoutes(app);
    await portal.reportsPortalRoutes(app);
    await api.reportsApi(app);
  },
  async hooks() {
    // “我的工作” counts: the console home and the daily work digest (also when a job or CLI runs without routes).
    const [{ registerWorkSource }, { reportWork }] = await Promise.all([
      import('../../console/foundation/my-work.js'),
      import('../../console/reports/report-work.js'),
    ]);
    registerWorkSource(reportWork);
    // The counts of a report come from the requests and the catalogue.
    const [{ registerReportSource }, { requestsReportSource }, { catalogReportSource }] = await Promise.all([
      import('../../reports/index.js'),
      import('../../reports/index.js'),
      import('../../reports/index.js'),
    ]);
    registerReportSource(requestsReportSource);
    registerReportSource(catalogReportSource);
  },
  seedDemo: async (ctx, demo) => (await import('../../reports/index.js')).seedDemoReports(ctx, demo),
  cli: {
    commands: [{ name: 'report', description: '政府信息公开工作年度报告' }],
    // The checker needs no database: the registration ignores `open`.
    load: async () => (await import('../../reports/index.js')).reportCli,
  },
};
