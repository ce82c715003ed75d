import type { CapabilityModule } from '../modules.js';
import { guideRoutes } from '../../portal/guide/guide-routes.js';
import { guideConsoleRoutes } from '../../console/guide/guide-routes.js';
import { sitemapRoutes } from '../../portal/sitemap-routes.js';
import { feedsRoutes } from '../../portal/home/feeds-routes.js';

/** 政府信息公开指南 (portal + console), Atom feeds, sitemap.xml and robots.txt. */
export const guideModule: CapabilityModule = {
  name: 'guide',
  async routes(app, { config }) {
    await guideRoutes(app);
    await guideConsoleRoutes(app);
    await sitemapRoutes(app, config.publicUrl);
    await feedsRoutes(app, config.publicUrl);
  },
};
