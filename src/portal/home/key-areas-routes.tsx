import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { notFound } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { Empty, Pagination } from '../../platform/views/components.js';
import { Form, OptInt, Page, Params, Text, typed } from '../../platform/http/schemas.js';
import { findEnabledOrg, type OrgRow } from '../../orgs/index.js';
import { keyArea, keyAreaCounts, keyAreaItems, KEY_AREAS } from '../../catalog/index.js';
import { PAGE_BY_ID, unknownPageIfBadParams, CACHED_PAGE } from '../page-input.js';
import { ItemList } from './home-routes.js';

const PER_PAGE = 20;
const areaNotFound = () => notFound('key_area_not_found', '您访问的重点领域不存在。');
const AreaParams = Params({ area: Text('重点领域', { maxLength: 40 }) });
const IndexQuery = Form({ org: OptInt('机构') });
const AreaQuery = Form({ org: OptInt('机构'), page: Page() });
const orgSuffix = (org: OrgRow | undefined) => (org ? `?org=${org.id}` : '');

/** `?org=N`: one agency's items (an unknown agency is a 404). */
async function orgOf(req: FastifyRequest, orgId: number | undefined): Promise<OrgRow | undefined> {
  if (orgId === undefined) return undefined;
  const org = await findEnabledOrg(req.ctx.db, orgId);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  return org;
}

function Trail({ org, area }: { org?: OrgRow; area?: string }) {
  return (
    <nav aria-label="当前位置" class="breadcrumbs">
      <a href="/">首页</a>
      {org ? (
        <>
          {' › '}
          <a href={`/jg/${org.id}`}>{org.name}</a>
        </>
      ) : null}
      {area ? (
        <>
          {' › '}
          <a href={`/zdly${orgSuffix(org)}`}>重点领域信息公开</a>
        </>
      ) : null}
    </nav>
  );
}

/**
 * 重点领域信息公开: the twelve areas with their counts (`/zdly`) and the items of the 公开目录 categories
 * mapped to each (`/zdly/:area`), across the county or of one agency (`?org=`), newest first. The
 * mapping is set in the console (重点领域设置); only public items are listed (`publicItems`).
 */
export async function keyAreaRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/zdly', { schema: { querystring: IndexQuery }, ...CACHED_PAGE }, async (req, reply) => {
    const org = await orgOf(req, req.query.org);
    const counts = await keyAreaCounts(req.ctx.db, todayInShanghai(req.ctx.now()), org?.id);
    return reply.page(
      <PortalLayout view={reply.view()} title={org ? `${org.name} 重点领域信息公开` : '重点领域信息公开'}>
        <Trail org={org} />
        <h1>{org ? `${org.name} 重点领域信息公开` : '重点领域信息公开'}</h1>
        <p>按重点领域浏览{org ? '本机构' : '全县各机关'}主动公开的政府信息，每个领域汇集公开目录中相应分类的信息。</p>
        <ul class="plain">
          {KEY_AREAS.map((a) => (
            <li>
              <a href={`/zdly/${a.slug}${orgSuffix(org)}`}>{a.name}</a>{' '}
              <span class="muted">（{counts.get(a.slug) ?? 0} 条）</span>
            </li>
          ))}
        </ul>
      </PortalLayout>,
    );
  });

  r.get(
    '/zdly/:area',
    { schema: { params: AreaParams, querystring: AreaQuery }, ...PAGE_BY_ID, ...CACHED_PAGE },
    async (req, reply) => {
      unknownPageIfBadParams(req, areaNotFound);
      const area = keyArea(req.params.area);
      if (!area) throw areaNotFound();
      const org = await orgOf(req, req.query.org);
      const { page } = req.query;
      const { rows, total } = await keyAreaItems(req.ctx.db, todayInShanghai(req.ctx.now()), {
        slug: area.slug,
        orgId: org?.id,
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
      });
      return reply.page(
        <PortalLayout view={reply.view()} title={org ? `${area.name} - ${org.name}` : area.name}>
          <Trail org={org} area={area.name} />
          <h1>{area.name}</h1>
          <p class="muted">{org ? `发布机构：${org.name}` : '全县各机关'}</p>
          {rows.length ? <ItemList rows={rows} /> : <Empty>暂无此领域已公开的信息。</Empty>}
          <Pagination page={page} total={total} perPage={PER_PAGE} baseUrl={`/zdly/${area.slug}${orgSuffix(org)}`} />
        </PortalLayout>,
      );
    },
  );
}
