import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../platform/errors.js';

const OPEN = new Set(['/console/login', '/console/password', '/console/logout']);

/** Console-wide guard (before input validation: a visitor who is not signed in is sent to the login page, whatever the input): staff only; initial passwords must be changed before anything else. */
export function installConsoleGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    const p = req.url.split('?')[0];
    if (!p.startsWith('/console') || OPEN.has(p)) return;
    if (req.actor.kind !== 'user') return reply.redirect(`/console/login?next=${encodeURIComponent(req.url)}`, 303);
    if (req.actor.mustChangePassword) return reply.redirect('/console/password', 303);
  });
}

/** Throws 403 unless the check passes. */
export function assertAllowed(ok: boolean): void {
  if (!ok) throw forbidden();
}
