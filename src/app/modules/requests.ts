import type { CapabilityModule } from '../modules.js';
import { registerNav } from '../../console/nav.js';
import { VIEW_ROLES, HANDLE_ROLES } from '../../requests/requests.policy.rules.js';
import { requestsListRoutes } from '../../console/requests/requests-list-routes.js';
import { requestNewRoutes } from '../../console/requests/request-new-routes.js';
import { requestDetailRoutes } from '../../console/requests/request-detail-routes.js';
import { requestsPortalRoutes } from '../../portal/requests/requests-portal-routes.js';
import { requestsApi } from '../../api/requests/requests-api.js';

/** 依申请公开: portal form and status page, console queues and case pages, JSON API. */
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
};
