import type { CapabilityModule } from '../modules.js';
import { registerNav } from '../../console/nav.js';
import { HANDLE_ROLES, PUBLISH_ROLES, VIEW_ROLES } from '../../interaction/interaction.policy.rules.js';
import { messagesListRoutes } from '../../console/interaction/messages-list-routes.js';
import { messageDetailRoutes } from '../../console/interaction/message-detail-routes.js';
import { messagesPortalRoutes } from '../../portal/interaction/messages-portal-routes.js';
import { qaRoutes } from '../../portal/interaction/qa-routes.js';
import { consultationsRoutes } from '../../console/interaction/consultations-routes.js';
import { consultationsPortalRoutes } from '../../portal/interaction/consultations-portal-routes.js';
import { interactionSettingsRoutes } from '../../console/interaction/settings-routes.js';
import { seedDemoInteraction } from '../../interaction/seed-demo-interaction.js';
import { interactionApi } from '../../api/interaction/interaction-api.js';

/** 互动交流: messages (咨询/投诉/建议) with reply limits and figures, public Q&A, comment periods. */
export const interactionModule: CapabilityModule = {
  name: 'interaction',
  async routes(app) {
    registerNav(
      { href: '/console/messages', label: '留言办理', roles: VIEW_ROLES, group: '互动交流' },
      { href: '/console/messages/new', label: '登记留言', roles: HANDLE_ROLES, group: '互动交流' },
      { href: '/console/consultations', label: '意见征集', roles: [...PUBLISH_ROLES, 'supervisor'], group: '互动交流' },
      { href: '/console/messages/settings', label: '互动交流设置', roles: ['sysadmin'], group: '互动交流' },
    );
    await interactionSettingsRoutes(app);
    await messagesListRoutes(app);
    await messageDetailRoutes(app);
    await messagesPortalRoutes(app);
    await qaRoutes(app);
    await consultationsRoutes(app);
    await consultationsPortalRoutes(app);
    await interactionApi(app);
  },
  seedDemo: seedDemoInteraction,
};
