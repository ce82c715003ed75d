import type { FastifyInstance } from 'fastify';
import { unauthenticated } from '../platform/errors.js';

/**
 * Staff API routes (those whose OpenAPI `security` names a scheme) answer an anonymous caller 401 before
 * their input is validated (issue 16: authorize before validating), so a schema error never comes first.
 */
export function installApiGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/') || req.actor.kind === 'user') return;
    const security = req.routeOptions.schema?.security;
    if (security && security.length > 0) throw unauthenticated();
  });
}
