import type { CapabilityModule } from '../modules.js';

/** Proactive disclosure: the catalogue, review before publication, publication, timeliness. */
export const catalogModule: CapabilityModule = {
  name: 'catalog',
  async routes(app, { config }) {
    const [
      nav,
      policy,
      items,
      late,
      item,
      attachment,
      interpretation,
      importExport,
      categories,
      table2,
      files,
      portal,
      api,
      keyAreasConsole,
      keyAreasPortal,
    ] = await Promise.all([
      import('../../console/nav.js'),
      import('../../catalog/index.js'),
      import('../../console/catalog/items-routes.js'),
      import('../../console/catalog/late-routes.js'),
      import('../../console/catalog/item-routes.js'),
      import('../../console/catalog/attachment-routes.js'),
      import('../../console/catalog/interpretation-routes.js'),
      import('../../console/catalog/import-export-routes.js'),
      import('../../console/catalog/categories-routes.js'),
      import('../../console/catalog/table2-routes.js'),
      import('../../portal/catalog/file-routes.js'),
      import('../../portal/catalog/catalog-portal-routes.js'),
      import('../../api/catalog/catalog-api.js'),
      import('../../console/catalog/key-areas-routes.js'),
      import('../../portal/home/key-areas-routes.js'),
    ]);
    const { CATALOG_QUEUE_ROLES, CATALOG_VIEWERS } = policy;
    nav.registerNav(
      { href: '/console/items', label: '公开信息', roles: CATALOG_VIEWERS, group: '主动公开' },
      { href: '/console/items/queue', label: '我的待办（审核）', roles: CATALOG_QUEUE_ROLES, group: '主动公开' },
      { href: '/console/items/new', label: '新建信息', roles: ['editor', 'agency_admin'], group: '主动公开' },
      { href: '/console/items/late', label: '公开时效', roles: CATALOG_VIEWERS, group: '主动公开' },
      { href: '/console/catalog/categories', label: '公开目录分类', roles: ['agency_admin'], group: '主动公开' },
      { href: '/console/catalog/table2', label: '年报表二数据', roles: CATALOG_VIEWERS, group: '主动公开' },
      { href: '/console/items/import', label: '导入公开目录', roles: ['agency_admin'], group: '主动公开' },
      { href: '/console/items/uninterpreted', label: '待解读的政策文件', roles: CATALOG_VIEWERS, group: '主动公开' },
      { href: '/console/catalog/key-areas', label: '重点领域设置', roles: ['sysadmin'], group: '主动公开' },
    );
    await items.itemsRoutes(app);
    await late.lateRoutes(app);
    await item.itemRoutes(app);
    await attachment.attachmentRoutes(app);
    await interpretation.interpretationRoutes(app);
    await importExport.importExportRoutes(app);
    await categories.categoriesRoutes(app);
    await table2.table2Routes(app);
    await files.fileRoutes(app, config);
    await portal.catalogPortalRoutes(app);
    await api.catalogApi(app);
    await keyAreasConsole.keyAreasConsoleRoutes(app);
    await keyAreasPortal.keyAreaRoutes(app);
  },
  async hooks() {
    // “我的工作” counts: the console home and the daily work digest (also when a job or CLI runs without routes).
    const [{ registerWorkSource }, { catalogWork }] = await Promise.all([
      import('../../console/foundation/my-work.js'),
      import('../../console/catalog/catalog-work.js'),
    ]);
    registerWorkSource(catalogWork);
    // Published items are a search source: `gongkai search reindex` re-reads them.
    const [{ registerSearchSource }, { catalogSearchSource }] = await Promise.all([
      import('../../search/index.js'),
      import('../../catalog/index.js'),
    ]);
    registerSearchSource(catalogSearchSource);
  },
  seedDemo: async (ctx, demo) => (await import('../../catalog/index.js')).seedDemoCatalog(ctx, demo),
  cli: {
    commands: [{ name: 'catalog', description: '政府信息公开目录' }],
    load: async () => (await import('../../cli/catalog-commands.js')).catalogCli,
  },
  jobs: [
    {
      name: 'catalog.release_scheduled',
      label: '发布已到发布日期的定时公开信息',
      period: 'hourly',
      run: async (ctx) => `已发布 ${await (await import('../../catalog/index.js')).releaseScheduled(ctx)} 条定时信息。`,
    },
  ],
};
