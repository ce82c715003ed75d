import type { FastifyInstance } from 'fastify';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { notFound } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { Empty } from '../../platform/views/components.js';
import { findPublicAgency, orgsWithin, ORG_KINDS } from '../../orgs/index.js';
import { listPublicItems } from '../../catalog/index.js';
import { Params, typed, Int } from '../../platform/http/schemas.js';
import { PAGE_BY_ID, unknownPageIfBadParams, CACHED_PAGE } from '../page-input.js';
import { ItemList, KeyAreas } from './home-routes.js';

/** The home page of one agency (机构首页): its doors, latest items, 重点领域 and sub-agencies. */
const AgencyParams = Params({ orgId: Int('机构') });
const orgNotFound = () => notFound('org_not_found', '机构不存在。');

export async function agencyHomeRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get(
    '/jg/:orgId',
    { schema: { params: AgencyParams }, ...PAGE_BY_ID, ...CACHED_PAGE },
    async (req, reply) => {
      unknownPageIfBadParams(req, orgNotFound);
      const org = await findPublicAgency(req.ctx.db, req.params.orgId);
      if (!org) throw orgNotFound();
      const latest = await listPublicItems(req.ctx.db, todayInShanghai(req.ctx.now()), {
        orgId: org.id,
        limit: 10,
        offset: 0,
      });
      const orgs = await orgsWithin(req.ctx);
      const parent = orgs.find((o) => o.id === org.parent_id);
      const children = orgs.filter((o) => o.parent_id === org.id && o.kind !== 'section');
      const doors: Array<[string, string, string]> = [
        [`/gk/${org.id}`, '政府信息公开目录', `按分类浏览本机构主动公开的信息（${latest.total} 条）`],
        [`/zn/${org.id}`, '政府信息公开指南', '分类、获取方式、工作机构和联系方式'],
        [`/fdzdgk?org=${org.id}`, '法定主动公开内容', '《条例》第二十条规定的十五类信息'],
        [`/ysqgk?org=${org.id}`, '依申请公开', '向本机构提交政府信息公开申请'],
        [`/hd/messages/new?org=${org.id}`, '互动交流', '向本机构咨询、投诉、提出建议'],
        [`/reports?org=${org.id}`, '年度报告', '本机构政府信息公开工作年度报告'],
      ];
      return reply.page(
        <PortalLayout
          view={reply.view()}
          title={org.name}
          feeds={[{ href: `/feeds/org/${org.id}`, title: `${org.name}：最新公开的政府信息` }]}
        >
          <nav aria-label="当前位置" class="breadcrumbs">
            <a href="/">首页</a>
            {parent && parent.kind !== 'section' ? (
              <>
                {' › '}
                <a href={`/jg/${parent.id}`}>{parent.name}</a>
              </>
            ) : null}
          </nav>
          <h1>{org.name}</h1>
          <p class="muted">{ORG_KINDS[org.kind as keyof typeof ORG_KINDS] ?? ''}</p>
          <section aria-labelledby="doors">
            <h2 id="doors">办事入口</h2>
            <div class="cards">
              {doors.map(([href, title, text]) => (
                <a class="card" href={href}>
                  <strong>{title}</strong>
                  <br />
                  {text}
                </a>
              ))}
            </div>
          </section>
          <section aria-labelledby="latest">
            <h2 id="latest">最新公开</h2>
            {latest.rows.length ? <ItemList rows={latest.rows} /> : <Empty>本机构暂无已公开的信息。</Empty>}
            <p>
              <a href={`/gk/${org.id}`}>更多信息 →</a> · <a href={`/feeds/org/${org.id}`}>订阅（Atom）</a>
            </p>
          </section>
          <KeyAreas orgId={org.id} />
          {children.length ? (
            <section aria-labelledby="sub">
              <h2 id="sub">下属机构</h2>
              <ul class="agency-list">
                {children.map((c) => (
                  <li>
                    <a href={`/jg/${c.id}`}>{c.name}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </PortalLayout>,
      );
    },
  );
}
