import type { FastifyInstance } from 'fastify';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/db/database.js';
import { createServer } from '../platform/http/server.js';
import { actorForToken, actorForUser } from '../orgs/index.js';
import { ErrorPage } from './error-page.js';
import { installConsoleGuard } from '../console/guard.js';
import { installTargetGuard } from '../platform/http/target-guard.js';
import { installApiGuard } from '../api/api-guard.js';
import { TARGET_RULES } from './target-rules.js';
import { registerNav } from '../console/nav.js';
import { authRoutes } from '../console/foundation/auth-routes.js';
import { orgsRoutes } from '../console/foundation/orgs-routes.js';
import { usersRoutes } from '../console/foundation/users-routes.js';
import { accountRoutes } from '../console/foundation/account-routes.js';
import { auditRoutes } from '../console/foundation/audit-routes.js';
import { jobsRoutes } from '../console/foundation/jobs-routes.js';
import { homeRoutes } from '../console/foundation/home-routes.js';
import { portalHomeRoutes } from '../portal/home/home-routes.js';
import { agencyHomeRoutes } from '../portal/home/agency-home-routes.js';
import { foundationApi } from '../api/foundation-api.js';
import { docsRoutes } from '../api/docs-routes.js';
import { registerOpenApi } from '../api/openapi-document.js';
import { capabilityJobs, capabilityModules, installCapabilityHooks } from './module-list.js';
import { SiteName } from './site-name.js';
import { publicVersionReader } from '../platform/public-version.js';

/** Composition root: the Fastify app with every capability's routes. */
export async function buildApp(
  config: Config,
  database: Database,
  opts: { now?: () => Date } = {},
): Promise<FastifyInstance> {
  const siteName = new SiteName(database.db);
  await siteName.refresh();
  const { app } = await createServer({
    config,
    database,
    actorForUser,
    actorForToken,
    errorPage: (view, status, errors, resubmit) => ErrorPage({ view, status, errors, resubmit }),
    siteName: () => siteName.get(),
    lastModified: publicVersionReader(database.db),
    now: opts.now,
  });
  // Before any API route: the OpenAPI document is generated from the routes as they are added.
  await registerOpenApi(app);
  installConsoleGuard(app);
  installApiGuard(app);
  installTargetGuard(app, TARGET_RULES);
  registerNav(
    { href: '/console/orgs', label: '机构管理', roles: ['sysadmin', 'agency_admin', 'supervisor'], group: '系统管理' },
    {
      href: '/console/users',
      label: '用户与角色',
      roles: ['sysadmin', 'agency_admin', 'supervisor'],
      group: '系统管理',
    },
    { href: '/console/audit', label: '审计日志', roles: ['sysadmin', 'agency_admin', 'supervisor'], group: '系统管理' },
    { href: '/console/account', label: '我的账号', roles: [], group: '个人' },
  );
  await authRoutes(app, config.publicUrl.startsWith('https://'));
  await homeRoutes(app);
  await orgsRoutes(app);
  await usersRoutes(app);
  await accountRoutes(app);
  await auditRoutes(app);
  await jobsRoutes(app, capabilityJobs(), config);
  await portalHomeRoutes(app);
  await agencyHomeRoutes(app);
  await foundationApi(app);
  await installCapabilityHooks();
  for (const m of capabilityModules) await m.routes?.(app, { config, database });
  await docsRoutes(app);
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.url.startsWith('/console/orgs')) siteName.invalidate();
  });
  return app;
}
