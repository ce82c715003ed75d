import type { CapabilityModule } from '../modules.js';
import { registerNav } from '../../console/nav.js';
import { reportCheckRoutes } from '../../console/reports/check-routes.js';
import { reportCli } from '../../reports/report-cli.js';

/** 政府信息公开工作年度报告: the report checker (console page and CLI), exports. */
export const reportsModule: CapabilityModule = {
  name: 'reports',
  async routes(app) {
    registerNav({ href: '/console/reports/check', label: '年度报告检查', roles: [], group: '年度报告' });
    await reportCheckRoutes(app);
  },
  cli: (program) => reportCli(program),
};
