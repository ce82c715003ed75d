import type { FastifyInstance } from 'fastify';
import type { Db } from '../platform/db/schema.js';
import { listOrgs } from '../orgs/orgs.store.js';
import { todayInShanghai } from '../platform/dates.js';

/** A source of public URLs for the sitemap (capabilities register theirs). */
export type SitemapSource = (db: Db, today: string) => Promise<Array<{ loc: string; lastmod?: string }>>;
const sources: SitemapSource[] = [];
export const registerSitemapSource = (s: SitemapSource): void => void sources.push(s);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `sitemap.xml` (only public pages) and `robots.txt` (console and API kept out). */
export async function sitemapRoutes(app: FastifyInstance, publicUrl: string): Promise<void> {
  app.get('/robots.txt', async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send(`User-agent: *\nDisallow: /console\nDisallow: /api/\nDisallow: /prefs/\nSitemap: ${publicUrl}/sitemap.xml\n`),
  );
  app.get('/sitemap.xml', async (req, reply) => {
    const urls: Array<{ loc: string; lastmod?: string }> = [{ loc: '/' }, { loc: '/zn' }, { loc: '/tools/deadline' }];
    for (const o of await listOrgs(req.ctx.db)) if (o.kind !== 'section') urls.push({ loc: `/zn/${o.id}` });
    const today = todayInShanghai(req.ctx.now());
    for (const s of sources) urls.push(...(await s(req.ctx.db, today)));
    const body = urls.map((u) => `  <url><loc>${esc(publicUrl + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n');
    return reply.type('application/xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`);
  });
}
