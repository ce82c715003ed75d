import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { findOrg } from '../../orgs/index.js';
import { feedItems, findOrgCategory, sitemapItems, type ItemWithOrg, displayDocNumber } from '../../catalog/index.js';
import { Params, typed, Int } from '../../platform/http/schemas.js';
import { PAGE_BY_ID, unknownPageIfBadParams } from '../page-input.js';
import { registerSitemapSource } from '../sitemap-routes.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FEED_SIZE = 50;
const FeedParams = Params({ orgId: Int('机构') });
const CategoryFeedParams = Params({ orgId: Int('机构'), categoryId: Int('目录分类') });

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
    const rows = await sitemapItems(ctx.db, today, 45000);
    return rows.map((r) => ({ loc: `/gk/items/${r.id}`, lastmod: r.published_on ?? undefined }));
  });

  const send = async (
    req: FastifyRequest,
    reply: FastifyReply,
    f: { orgId?: number; categoryId?: number; title: string },
  ) => {
    const today = todayInShanghai(req.ctx.now());
    const rows = await feedItems(req.ctx.db, today, { orgId: f.orgId, categoryId: f.categoryId, limit: FEED_SIZE });
    const updated = rows[0]?.published_on ? `${rows[0].published_on}T00:00:00+08:00` : new Date(0).toISOString();
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(atom(base, req.url.split('?')[0], f.title, rows, updated));
  };

  const r = typed(app);
  const orgNotFound = () => notFound('org_not_found', '该机构不存在。');
  const categoryNotFound = () => notFound('not_found', '该目录分类不存在。');
  r.get('/feeds/all.atom', async (req, reply) => send(req, reply, { title: '最新公开的政府信息' }));
  r.get('/feeds/org/:orgId', { schema: { params: FeedParams }, ...PAGE_BY_ID }, async (req, reply) => {
    unknownPageIfBadParams(req, orgNotFound);
    const org = await findOrg(req.ctx, req.params.orgId);
    if (!org || org.disabled) throw orgNotFound();
    return send(req, reply, { orgId: org.id, title: `${org.name}：最新公开的政府信息` });
  });
  r.get(
    '/feeds/org/:orgId/category/:categoryId',
    { schema: { params: CategoryFeedParams }, ...PAGE_BY_ID },
    async (req, reply) => {
      unknownPageIfBadParams(req, categoryNotFound);
      const org = await findOrg(req.ctx, req.params.orgId);
      const cat = org ? await findOrgCategory(req.ctx.db, org.id, req.params.categoryId) : undefined;
      if (!org || !cat) throw categoryNotFound();
      return send(req, reply, { orgId: org.id, categoryId: cat.id, title: `${org.name} · ${cat.name}` });
    },
  );
}
