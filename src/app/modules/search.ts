import type { CapabilityModule } from '../modules.js';

/** Public full-text search: portal page, JSON API, CLI. Sources (the catalogue) plug in via registerSearchSource and the index-document/remove-document use-cases. */
export const searchModule: CapabilityModule = {
  name: 'search',
  async routes(app, { config }) {
    const [{ searchPortalRoutes }, { searchApi }] = await Promise.all([
      import('../../portal/search/search-routes.js'),
      import('../../api/search/search-api.js'),
    ]);
    await searchPortalRoutes(app);
    await searchApi(app, config.limits.apiPerMinute);
  },
  async hooks() {
    // Hits show the agency's name as stored in the index: a rename rewrites it.
    const [{ onOrgRenamed }, { relabelSearchDocs }] = await Promise.all([
      import('../../orgs/index.js'),
      import('../../search/index.js'),
    ]);
    onOrgRenamed((trx, org) => relabelSearchDocs(trx, { orgId: org.id, name: org.name }));
  },
  cli: {
    commands: [{ name: 'search', description: '全文检索索引' }],
    load: async () => (await import('../../cli/search-commands.js')).searchCli,
  },
};
