import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { Empty } from '../../platform/views/components.js';
import { Form, OptText, Params, typed, Int, OptInt, Page, IdParams } from '../../platform/http/schemas.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { findEnabledOrg, publicAgencies, orgsWithin, rolesAllow } from '../../orgs/index.js';
import {
  isPublicSort,
  itemPreview,
  listCategories,
  listPublicItems,
  publicCategoryCounts,
  publicTotalsByOrg,
  categoryPath,
  categoryTree,
  subtreeIds,
  CATALOG_VIEWERS,
  getPublicItemPage,
} from '../../catalog/index.js';
import { AgencyCatalogPage } from './agency-catalog-view.js';
import { ItemPrintPage, PublicItemPage } from './item-page.js';
import { PAGE_BY_ID, unknownPageIfBadParams, CACHED_PAGE } from '../page-input.js';

const PER_PAGE = 20;
const today = (req: FastifyRequest) => todayInShanghai(req.ctx.now());
const itemNotFound = () => notFound('item_not_found', '您访问的信息不存在或尚未公开。');
const orgNotFound = () => notFound('org_not_found', '机构不存在。');
const AgencyParams = Params({ orgId: Int('机构') });
// An unknown order falls back to the default (an old or hand-made link still shows the list).
const AgencyQuery = Form({ categoryId: OptInt('信息分类'), sort: OptText('排序'), page: Page() });

/** Public catalogue (政府信息公开目录, 条例第十二条): only published 主动公开 items, through `publicItems`. */
export async function catalogPortalRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/gk', CACHED_PAGE, async (req, reply) => {
    const totals = await publicTotalsByOrg(req.ctx.db, today(req));
    const agencies = await publicAgencies(req.ctx.db);
    const minDepth = Math.min(...agencies.map((o) => o.depth));
    return reply.page(
      <PortalLayout view={reply.view()} title="政府信息公开目录">
        <h1>政府信息公开目录</h1>
        <p>按机构浏览主动公开的政府信息；进入机构后可按信息分类浏览、排序。</p>
        {agencies.length ? (
          <ul class="catalogue agency-list">
            {agencies.map((o) => (
              <li class={`indent-${Math.min(6, o.depth - minDepth)}`}>
                <a href={`/gk/${o.id}`}>{o.name}</a> <span class="muted">（{totals.get(o.id) ?? 0} 条）</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>目前还没有公开的政府信息。</Empty>
        )}
      </PortalLayout>,
    );
  });

  r.get(
    '/gk/:orgId',
    { schema: { params: AgencyParams, querystring: AgencyQuery }, ...PAGE_BY_ID, ...CACHED_PAGE },
    async (req, reply) => {
      unknownPageIfBadParams(req, orgNotFound);
      const org = await findEnabledOrg(req.ctx.db, req.params.orgId);
      if (!org) throw orgNotFound();
      const day = today(req);
      const counts = await publicCategoryCounts(req.ctx.db, day, org.id);
      const tree = categoryTree(
        await listCategories(req.ctx.db, org.id),
        new Map([...counts].filter((e): e is [number, number] => e[0] !== null)),
      );
      const { categoryId, page } = req.query;
      const sort = isPublicSort(req.query.sort) ? req.query.sort : 'date';
      const trail = categoryId ? categoryPath(tree, categoryId) : [];
      if (categoryId && !trail.length) throw notFound('category_not_found', '该分类不存在。');
      const { rows, total } = await listPublicItems(req.ctx.db, day, {
        orgId: org.id,
        categoryIds: categoryId ? subtreeIds(tree, categoryId) : undefined,
        sort,
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
      });
      const children = (await orgsWithin(req.ctx)).filter((o) => o.parent_id === org.id && o.kind !== 'section');
      const allCount = [...counts.values()].reduce((a, b) => a + b, 0);
      return reply.page(
        <AgencyCatalogPage
          view={reply.view()}
          org={org}
          tree={tree}
          trail={trail}
          total={total}
          allCount={allCount}
          rows={rows}
          page={page}
          perPage={PER_PAGE}
          sort={sort}
          children={children}
        />,
      );
    },
  );

  const publicPageOr404 = async (req: FastifyRequest, id: number) => {
    unknownPageIfBadParams(req, itemNotFound);
    const data = await getPublicItemPage(req.ctx.db, today(req), id);
    if (!data) throw itemNotFound();
    return data;
  };

  // One statement reads the item through the public door with everything its page shows.
  r.get('/gk/items/:id', { schema: { params: IdParams }, ...PAGE_BY_ID, ...CACHED_PAGE }, async (req, reply) =>
    reply.page(<PublicItemPage view={reply.view()} {...await publicPageOr404(req, req.params.id)} />),
  );

  r.get('/gk/items/:id/print', { schema: { params: IdParams }, ...PAGE_BY_ID }, async (req, reply) => {
    const { item, versions, attachments } = await publicPageOr404(req, req.params.id);
    return reply.page(
      <ItemPrintPage
        view={reply.view()}
        item={item}
        versions={versions}
        attachments={attachments}
        publicUrl={req.ctx.config.publicUrl}
      />,
    );
  });

  // Staff preview, exactly as the public page (the console guard requires a signed-in user).
  r.get('/console/items/:id/preview', { schema: { params: IdParams }, ...PAGE_BY_ID }, async (req, reply) => {
    unknownPageIfBadParams(req, itemNotFound);
    const p = await itemPreview(req.ctx.db, today(req), req.params.id);
    if (!p) throw itemNotFound();
    if (!rolesAllow(req.actor, CATALOG_VIEWERS, p.item.org_path)) throw forbidden();
    return reply.page(
      <PublicItemPage
        view={reply.view()}
        item={p.item}
        versions={p.versions}
        attachments={p.attachments}
        links={p.links}
        preview
      />,
    );
  });
}
