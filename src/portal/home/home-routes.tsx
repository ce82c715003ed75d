import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { notFound } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { Pagination, Empty } from '../../platform/views/components.js';
import { Form, Params, typed, Int, OptInt, Page } from '../../platform/http/schemas.js';
import { findEnabledOrg, publicAgencies, type OrgRow, ORG_KINDS } from '../../orgs/index.js';
import {
  article20Counts,
  article20Items,
  listPublicItems,
  type ItemWithOrg,
  ARTICLE20_ITEMS,
  KEY_AREAS,
} from '../../catalog/index.js';
import { PAGE_BY_ID, unknownPageIfBadParams, CACHED_PAGE } from '../page-input.js';

/** 重点领域信息公开: links to the curated area pages (`/zdly/:area`), of the county or of one agency. */
export function KeyAreas({ orgId }: { orgId?: number }) {
  const q = orgId ? `?org=${orgId}` : '';
  return (
    <section aria-labelledby="areas">
      <h2 id="areas">重点领域信息公开</h2>
      <ul class="tags">
        {KEY_AREAS.map((a) => (
          <li>
            <a href={`/zdly/${a.slug}${q}`}>{a.name}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/zdly${q}`}>全部重点领域 →</a>
      </p>
    </section>
  );
}

/** A short list of items with agency and date. */
export function ItemList({ rows }: { rows: ItemWithOrg[] }) {
  return (
    <ul class="item-list">
      {rows.map((r) => (
        <li>
          <a href={`/gk/items/${r.id}`}>{r.title}</a>{' '}
          <span class="muted">
            {r.org_name} · {r.published_on}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** `?org=N` of the 第二十条 pages: one agency's items (an unknown agency is a 404). */
async function orgFilter(req: FastifyRequest, orgId: number | undefined): Promise<OrgRow | undefined> {
  if (orgId === undefined) return undefined;
  const org = await findEnabledOrg(req.ctx.db, orgId);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  return org;
}
const pageNotFound = () => notFound('not_found', '您访问的页面不存在。');

const OrgQuery = Form({ org: OptInt('机构') });
const Article20Params = Params({ n: Int('第二十条信息类别', { maximum: ARTICLE20_ITEMS.length }) });
const Article20Query = Form({ org: OptInt('机构'), page: Page() });

/** The jurisdiction home page, the agency directory and the 第二十条 法定主动公开内容 pages. */
export async function portalHomeRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/', CACHED_PAGE, async (req, reply) => {
    const today = todayInShanghai(req.ctx.now());
    const agencies = await publicAgencies(req.ctx.db);
    const latest = await listPublicItems(req.ctx.db, today, { limit: 10, offset: 0 });
    const view = reply.view();
    return reply.page(
      <PortalLayout view={view} title="首页" feeds={[{ href: '/feeds/all.atom', title: '最新公开的政府信息' }]}>
        <h1>{view.siteName}</h1>
        <section aria-labelledby="doors">
          <h2 id="doors">办事入口</h2>
          <div class="cards">
            <a class="card" href="/gk">
              <strong>政府信息公开目录</strong>
              <br />
              按机构和类别浏览主动公开的政府信息
            </a>
            <a class="card" href="/fdzdgk">
              <strong>法定主动公开内容</strong>
              <br />
              《条例》第二十条规定的十五类信息
            </a>
            <a class="card" href="/zn">
              <strong>政府信息公开指南</strong>
              <br />
              分类、获取方式、工作机构和联系方式
            </a>
            <a class="card" href="/ysqgk">
              <strong>依申请公开</strong>
              <br />
              在线提交申请，查询办理进度
            </a>
            <a class="card" href="/hd">
              <strong>互动交流</strong>
              <br />
              咨询、投诉、建议，意见征集
            </a>
            <a class="card" href="/reports">
              <strong>年度报告</strong>
              <br />
              政府信息公开工作年度报告
            </a>
          </div>
        </section>
        <section aria-labelledby="latest">
          <h2 id="latest">最新公开</h2>
          {latest.rows.length ? <ItemList rows={latest.rows} /> : <Empty>暂无已公开的信息。</Empty>}
          <p>
            <a href="/gk">更多信息 →</a> · <a href="/feeds/all.atom">订阅（Atom）</a>
          </p>
        </section>
        <KeyAreas />
        <section aria-labelledby="dir">
          <h2 id="dir">机构目录</h2>
          {agencies.length ? (
            <ul class="agency-list">
              {agencies.map((o) => (
                <li>
                  {'　'.repeat(Math.max(0, o.depth))}
                  <a href={`/jg/${o.id}`}>{o.name}</a>{' '}
                  <span class="muted">{ORG_KINDS[o.kind as keyof typeof ORG_KINDS]}</span> ·{' '}
                  <a href={`/zn/${o.id}`}>公开指南</a> · <a href={`/stats/${o.id}`}>统计</a>
                  {o.is_demo ? <span class="badge demo">示例</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <Empty>暂无机构。</Empty>
          )}
        </section>
      </PortalLayout>,
    );
  });

  r.get('/fdzdgk', { schema: { querystring: OrgQuery }, ...CACHED_PAGE }, async (req, reply) => {
    const today = todayInShanghai(req.ctx.now());
    const org = await orgFilter(req, req.query.org);
    const counts = await article20Counts(req.ctx.db, today, org?.id);
    const n = (i: number) => counts.get(i) ?? 0;
    return reply.page(
      <PortalLayout view={reply.view()} title="法定主动公开内容">
        <h1>{org ? `${org.name} 法定主动公开内容` : '法定主动公开内容'}</h1>
        <p>依据《中华人民共和国政府信息公开条例》第二十条，行政机关应当主动公开以下政府信息：</p>
        <ol class="plain">
          {ARTICLE20_ITEMS.map((label, i) => (
            <li>
              <a href={`/fdzdgk/${i + 1}${org ? `?org=${org.id}` : ''}`}>{label}</a>{' '}
              <span class="muted">（{n(i + 1)} 条）</span>
            </li>
          ))}
        </ol>
      </PortalLayout>,
    );
  });

  r.get(
    '/fdzdgk/:n',
    { schema: { params: Article20Params, querystring: Article20Query }, ...PAGE_BY_ID },
    async (req, reply) => {
      unknownPageIfBadParams(req, pageNotFound);
      const { n } = req.params;
      const { page } = req.query;
      const today = todayInShanghai(req.ctx.now());
      const org = await orgFilter(req, req.query.org);
      const { rows, total } = await article20Items(req.ctx.db, today, {
        item: n,
        orgId: org?.id,
        limit: 20,
        offset: (page - 1) * 20,
      });
      return reply.page(
        <PortalLayout view={reply.view()} title={ARTICLE20_ITEMS[n - 1]}>
          <p>
            <a href={`/fdzdgk${org ? `?org=${org.id}` : ''}`}>← 法定主动公开内容</a>
          </p>
          <h1>{ARTICLE20_ITEMS[n - 1]}</h1>
          {org ? <p class="muted">发布机构：{org.name}</p> : null}
          {rows.length ? <ItemList rows={rows} /> : <Empty>暂无此类已公开信息。</Empty>}
          <Pagination page={page} total={total} perPage={20} baseUrl={`/fdzdgk/${n}${org ? `?org=${org.id}` : ''}`} />
        </PortalLayout>,
      );
    },
  );
}
