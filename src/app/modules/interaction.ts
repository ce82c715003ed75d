import type { CapabilityModule } from '../modules.js';

/** 互动交流: messages (咨询/投诉/建议) with reply limits and figures, public Q&A, comment periods. */
export const interactionModule: CapabilityModule = {
  name: 'interaction',
  async routes(app) {
    const [nav, policy, settings, list, detail, portal, qa, consultations, consultationsPortal, api] =
      await Promise.all([
        import('../../console/nav.js'),
        import('../../interaction/index.js'),
        import('../../console/interaction/settings-routes.js'),
        import('../../console/interaction/messages-list-routes.js'),
        import('../../console/interaction/message-detail-routes.js'),
        import('../../portal/interaction/messages-portal-routes.js'),
        import('../../portal/interaction/qa-routes.js'),
        import('../../console/interaction/consultations-routes.js'),
        import('../../portal/interaction/consultations-portal-routes.js'),
        import('../../api/interaction/interaction-api.js'),
      ]);
    const { HANDLE_ROLES, PUBLISH_ROLES, VIEW_ROLES } = policy;
    nav.registerNav(
      { href: '/console/messages', label: '留言办理', roles: VIEW_ROLES, group: '互动交流' },
      { href: '/console/messages/new', label: '登记留言', roles: HANDLE_ROLES, group: '互动交流' },
      { href: '/console/consultations', label: '意见征集', roles: [...PUBLISH_ROLES, 'supervisor'], group: '互动交流' },
      { href: '/console/messages/settings', label: '互动交流设置', roles: ['sysadmin'], group: '互动交流' },
    );
    await settings.interactionSettingsRoutes(app);
    await list.messagesListRoutes(app);
    await detail.messageDetailRoutes(app);
    await portal.messagesPortalRoutes(app);
    await qa.qaRoutes(app);
    await consultations.consultationsRoutes(app);
    await consultationsPortal.consultationsPortalRoutes(app);
    await api.interactionApi(app);
  },
  async hooks() {
    // “我的工作” counts: the console home and the daily work digest (also when a job or CLI runs without routes).
    const [{ registerWorkSource }, { messageWork }] = await Promise.all([
      import('../../console/foundation/my-work.js'),
      import('../../console/interaction/message-work.js'),
    ]);
    registerWorkSource(messageWork);
    // Stored reply deadlines follow the calendar: recomputed whenever a year is imported or corrected.
    const [{ onCalendarChange }, { recomputeMessageDueDates }] = await Promise.all([
      import('../../calendar/index.js'),
      import('../../interaction/index.js'),
    ]);
    onCalendarChange((ctx, cal, change) => recomputeMessageDueDates(ctx, cal, change));
    // Published Q&A are a search source: `gongkai search reindex` re-reads them.
    const [{ registerSearchSource }, { qaSearchSource }] = await Promise.all([
      import('../../search/index.js'),
      import('../../interaction/index.js'),
    ]);
    registerSearchSource(qaSearchSource);
  },
  seedDemo: async (ctx, demo) => (await import('../../interaction/index.js')).seedDemoInteraction(ctx, demo),
  cli: {
    commands: [
      {
        name: 'interaction:figures',
        description: '留言办理统计：收到、办结、办结率、按时办结率、满意率、平均答复用时、超过3个月未回应',
      },
    ],
    load: async () => (await import('../../cli/interaction-commands.js')).interactionCli,
  },
};
