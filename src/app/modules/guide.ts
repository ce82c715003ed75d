import type { CapabilityModule } from '../modules.js';

/** 政府信息公开指南 (portal + console), Atom feeds, sitemap.xml and robots.txt. */
export const guideModule: CapabilityModule = {
  name: 'guide',
  async routes(app, { config }) {
    const [{ guideRoutes }, { guideConsoleRoutes }, { sitemapRoutes }, { feedsRoutes }] = await Promise.all([
      import('../../portal/guide/guide-routes.js'),
      import('../../console/guide/guide-routes.js'),
      import('../../portal/sitemap-routes.js'),
      import('../../portal/home/feeds-routes.js'),
    ]);
    await guideRoutes(app);
    await guideConsoleRoutes(app);
    await sitemapRoutes(app, config.publicUrl);
    await feedsRoutes(app, config.publicUrl);
  },
};
