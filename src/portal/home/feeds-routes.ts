import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { getOrg } from '../../orgs/orgs.store.js';
import { publicItems, type ItemWithOrg } from '../../catalog/catalog.store.js';
import { registerSitemapSource } from '../sitemap-routes.js';
import { displayDocNumber } from '../../catalog/doc-number.rules.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FEED_SIZE = 50;

/** An Atom 1.0 document for published items (RFC 4287). */
export function atom(base: string, selfPath: string, title: string, rows: ItemWithOrg[], updated: string): string {
  const entries = rows
    .map(
      (r) => `  <entry>
    <id>${esc(`${base}/gk/items/${r.id}`)}</id>
    <title>${esc(r.title)}</title>
    <link rel="alternate" href="${esc(`${base}/gk/items/${r.id}`)}"/>
    <updated>${esc(`${r.published_on}T00:00:00+08:00`)}</updated>
    <author><name>${esc(r.org_name)}</name></author>
    <category term="${esc(r.category_name ?? '其他')}"/>
    <summary>${esc([r.index_no, displayDocNumber(r.doc_no), r.summary].filter(Boolean).join(' · '))}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${esc(base + selfPath)}</id>
  <title>${esc(title)}</title>
  <link rel="self" href="${esc(base + selfPath)}"/>
  <updated>${esc(updated)}</updated>
${entries}
</feed>
`;
}

/** Atom feeds of published items: all, per agency, per agency category; and the sitemap's item URLs. */
export async function feedsRoutes(app: FastifyInstance, base: string): Promise<void> {
  registerSitemapSource('items', async (ctx, today) => {
    const rows = await publicItems(ctx.db, today).clearSelect().select(['items.id', 'items.published_on']).orderBy('items.id').limit(45000).execute();
    return rows.map((r) => ({ loc: `/gk/items/${r.id}`, lastmod: r.published_on ?? undefined }));
  });

  const send = async (req: FastifyRequest, reply: FastifyReply, f: { orgId?: number; categoryId?: number; title: string }) => {
    const today = todayInShanghai(req.ctx.now());
    let q = publicItems(req.ctx.db, today);
    if (f.orgId) q = q.where('items.org_id', '=', f.orgId);
    if (f.categoryId) q = q.where('items.category_id', '=', f.categoryId);
    const rows = await q.orderBy('items.published_on', 'desc').orderBy('items.id', 'desc').limit(FEED_SIZE).execute();
    const updated = rows[0]?.published_on ? `${rows[0].published_on}T00:00:00+08:00` : new Date(0).toISOString();
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(atom(base, req.url.split('?')[0], f.title, rows, updated));
  };

  app.get('/feeds/all.atom', async (req, reply) => send(req, reply, { title: '最新公开的政府信息' }));
  app.get('/feeds/org/:orgId', async (req, reply) => {
    const org = await getOrg(req.ctx.db, Number((req.params as { orgId: string }).orgId) || 0);
    if (!org || org.disabled) throw notFound('org_not_found', '该机构不存在。');
    return send(req, reply, { orgId: org.id, title: `${org.name}：最新公开的政府信息` });
  });
  app.get('/feeds/org/:orgId/category/:categoryId', async (req, reply) => {
    const p = req.params as { orgId: string; categoryId: string };
    const org = await getOrg(req.ctx.db, Number(p.orgId) || 0);
    const cat = org ? await req.ctx.db.selectFrom('catalog_categories').select(['id', 'name']).where('id', '=', Number(p.categoryId) || 0).where('org_id', '=', org.id).executeTakeFirst() : undefined;
    if (!org || !cat) throw notFound('not_found', '该目录分类不存在。');
    return send(req, reply, { orgId: org.id, categoryId: cat.id, title: `${org.name} · ${cat.name}` });
  });
}
