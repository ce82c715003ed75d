import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../platform/context.js';
import { publicAgencies } from '../orgs/index.js';
import { todayInShanghai } from '../platform/dates.js';
import { PortalLayout } from '../platform/views/portal-layout.js';
import { typed } from '../platform/http/schemas.js';
import { assetUrl } from '../platform/http/static-assets.js';
import { ARTICLE20_ITEMS, KEY_AREAS } from '../catalog/index.js';

/** A source of public URLs for the sitemap (capabilities register theirs, once per name). */
export type SitemapSource = (ctx: Ctx, today: string) => Promise<Array<{ loc: string; lastmod?: string }>>;
const sources = new Map<string, SitemapSource>();
export const registerSitemapSource = (name: string, s: SitemapSource): void => void sources.set(name, s);

/** The public sections of the portal, as people look for them (网站地图) and as sitemap.xml lists them. */
export const PUBLIC_SECTIONS: ReadonlyArray<{ title: string; links: ReadonlyArray<readonly [string, string]> }> = [
  {
    title: '政府信息公开',
    links: [
      ['/zn', '政府信息公开指南'],
      ['/gk', '政府信息公开目录'],
      ['/fdzdgk', '法定主动公开内容'],
      ['/zdly', '重点领域信息公开'],
      ['/reports', '政府信息公开工作年度报告'],
      ['/stats', '统计数据'],
      ['/search', '信息检索'],
    ],
  },
  {
    title: '依申请公开',
    links: [
      ['/ysqgk', '提出政府信息公开申请'],
      ['/ysqgk/status', '申请办理进度查询'],
      ['/tools/deadline', '答复期限计算器'],
    ],
  },
  {
    title: '互动交流',
    links: [
      ['/hd', '互动交流'],
      ['/hd/messages/new', '我要留言（咨询、投诉、建议）'],
      ['/hd/messages/status', '留言答复查询'],
      ['/hd/qa', '公开问答'],
      ['/hd/consultations', '意见征集'],
    ],
  },
  { title: '订阅', links: [['/feeds/all.atom', '最新公开信息订阅（Atom）']] },
];

/** Pages of one agency. */
const agencyLinks = (id: number): Array<[string, string]> => [
  [`/jg/${id}`, '机构首页'],
  [`/zn/${id}`, '公开指南'],
  [`/gk/${id}`, '公开目录'],
  [`/zdly?org=${id}`, '重点领域'],
  [`/reports?org=${id}`, '年度报告'],
  [`/stats/${id}`, '统计数据'],
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** 网站地图 (for people), `sitemap.xml` (every public page) and `robots.txt` (console and API kept out). */
export async function sitemapRoutes(app: FastifyInstance, publicUrl: string): Promise<void> {
  const r = typed(app);
  // Browsers ask for /favicon.ico on every first visit: the site's icon, not a 404 in every console.
  r.get('/favicon.ico', async (_req, reply) => reply.redirect(assetUrl('favicon.svg'), 302));
  r.get('/robots.txt', async (_req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(
        `User-agent: *\nDisallow: /console\nDisallow: /api/\nDisallow: /prefs/\nSitemap: ${publicUrl}/sitemap.xml\n`,
      ),
  );
  r.get('/sitemap', async (req, reply) => {
    const orgs = await publicAgencies(req.ctx.db);
    const minDepth = Math.min(...orgs.map((o) => o.depth));
    return reply.page(
      <PortalLayout view={reply.view()} title="网站地图">
        <h1>网站地图</h1>
        <div class="sitemap">
          <section aria-labelledby="sm-home">
            <h2 id="sm-home">首页</h2>
            <ul>
              <li>
                <a href="/">网站首页</a>
              </li>
            </ul>
          </section>
          {PUBLIC_SECTIONS.map((s, i) => (
            <section aria-labelledby={`sm-${i}`}>
              <h2 id={`sm-${i}`}>{s.title}</h2>
              <ul>
                {s.links.map(([href, label]) => (
                  <li>
                    <a href={href}>{label}</a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <section aria-labelledby="sm-orgs">
          <h2 id="sm-orgs">各机关</h2>
          {orgs.length ? (
            <ul class="sitemap-orgs" data-testid="sitemap-orgs">
              {orgs.map((o) => (
                // A class, not an inline style: the Content-Security-Policy refuses style attributes.
                <li class={`indent-${Math.min(6, o.depth - minDepth)}`}>
                  <span class="org-name">{o.name}</span>
                  <span class="org-links">
                    {agencyLinks(o.id).map(([href, label]) => (
                      <a href={href}>{label}</a>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>暂无机关。</p>
          )}
        </section>
      </PortalLayout>,
    );
  });
  r.get('/sitemap.xml', async (req, reply) => {
    const urls: Array<{ loc: string; lastmod?: string }> = [{ loc: '/' }, { loc: '/sitemap' }];
    for (const s of PUBLIC_SECTIONS)
      for (const [href] of s.links) if (!href.endsWith('.atom') && !href.endsWith('/status')) urls.push({ loc: href });
    for (let n = 1; n <= ARTICLE20_ITEMS.length; n++) urls.push({ loc: `/fdzdgk/${n}` });
    for (const a of KEY_AREAS) urls.push({ loc: `/zdly/${a.slug}` });
    for (const o of await publicAgencies(req.ctx.db)) for (const [href] of agencyLinks(o.id)) urls.push({ loc: href });
    const today = todayInShanghai(req.ctx.now());
    for (const s of sources.values()) urls.push(...(await s(req.ctx, today)));
    const body = urls
      .map(
        (u) => `  <url><loc>${esc(publicUrl + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
      )
      .join('\n');
    return reply
      .type('application/xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
      );
  });
}
