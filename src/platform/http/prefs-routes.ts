import type { FastifyInstance } from 'fastify';
import { Form, OptText, typed } from './schemas.js';
import { sameSitePath } from './same-site.js';

const ElderQuery = Form({ on: OptText('长者模式'), back: OptText('返回页面') });
const ScriptQuery = Form({ v: OptText('字体'), back: OptText('返回页面') });

/** 长者模式 and 简/繁: preferences kept in cookies for a year, set by plain links (no JavaScript), then back to a same-site page. */
export function prefsRoutes(
  app: FastifyInstance,
  o: { elderCookie: string; scriptCookie: string; secure: boolean },
): void {
  const prefs = typed(app);
  const keep = { path: '/', sameSite: 'lax' as const, secure: o.secure, maxAge: 365 * 86400 };
  prefs.get('/prefs/elder', { schema: { querystring: ElderQuery } }, async (req, reply) => {
    reply.setCookie(o.elderCookie, req.query.on === '1' ? '1' : '0', keep);
    return reply.redirect(sameSitePath(req.query.back ?? '/'), 303);
  });
  prefs.get('/prefs/script', { schema: { querystring: ScriptQuery } }, async (req, reply) => {
    reply.setCookie(o.scriptCookie, req.query.v === 'hant' ? 'hant' : 'hans', keep);
    return reply.redirect(sameSitePath(req.query.back ?? '/'), 303);
  });
}
