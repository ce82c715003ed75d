import type { CapabilityModule } from '../modules.js';
import { registerNav } from '../../console/nav.js';
import { reportCheckRoutes } from '../../console/reports/check-routes.js';
import { reportsListRoutes } from '../../console/reports/reports-list-routes.js';
import { reportDetailRoutes } from '../../console/reports/report-detail-routes.js';
import { reportsSummaryRoutes } from '../../console/reports/reports-summary-routes.js';
import { reportHistoryRoutes } from '../../console/reports/report-history-routes.js';
import { legacyStatsRoutes } from '../../console/reports/legacy-stats-routes.js';
import { reportsPortalRoutes } from '../../portal/reports/reports-portal-routes.js';
import { reportsApi } from '../../api/reports/reports-api.js';
import { reportCli } from '../../reports/report-cli.js';
import { seedDemoReports } from '../../reports/seed-demo-reports.js';
import { REPORT_REVIEW_ROLES, REPORT_VIEW_ROLES } from '../../reports/report-workflow.rules.js';
import { registerReportSource } from '../../reports/report-source.js';
import { requestsReportSource } from '../../reports/requests-source.js';
import { catalogReportSource } from '../../reports/catalog-source.js';

registerReportSource(requestsReportSource);
registerReportSource(catalogReportSource);

/** 政府信息公开工作年度报告: drafts from the records, workflow, portal page, exports, the report checker. */
export const reportsModule: CapabilityModule = {
  name: 'reports',
  async routes(app) {
    registerNav(
      { href: '/console/reports', label: '年度报告', roles: REPORT_VIEW_ROLES, group: '年度报告' },
      { href: '/console/reports/summary', label: '辖区汇总', roles: REPORT_REVIEW_ROLES, group: '年度报告' },
      { href: '/console/reports/check', label: '年度报告检查', roles: [], group: '年度报告' },
    );
    await reportCheckRoutes(app);
    await reportsListRoutes(app);
    await reportsSummaryRoutes(app);
    await reportHistoryRoutes(app);
    await legacyStatsRoutes(app);
    await reportDetailRoutes(app);
    await reportsPortalRoutes(app);
    await reportsApi(app);
  },
  seedDemo: seedDemoReports,
  cli: (program) => reportCli(program),
};
