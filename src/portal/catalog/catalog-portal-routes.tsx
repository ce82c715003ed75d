import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PortalLayout } from '../layout.js';
import { Empty } from '../../platform/views/components.js';
import { intOrUndef, pageParam, str } from '../../platform/http/form.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { getOrg, listOrgs } from '../../orgs/orgs.store.js';
import { getItem, isPublicSort, listAttachments, listCategories, listPublicItems, listVersions, publicCategoryCounts, publicCounts, publicLinksOf } from '../../catalog/catalog.store.js';
import { categoryPath, categoryTree, subtreeIds } from '../../catalog/category-tree.rules.js';
import { CATALOG_VIEWERS } from '../../catalog/catalog-policy.rules.js';
import { rolesAllow } from '../../orgs/roles.rules.js';
import { AgencyCatalogPage } from './agency-catalog-view.js';
import { ItemPrintPage, PublicItemPage } from './item-page.js';
import { getPublicItemPage } from '../../catalog/public-item-page.js';

const PER_PAGE = 20;
const today = (req: FastifyRequest) => todayInShanghai(req.ctx.now());
const itemNotFound = () => notFound('item_not_found', '您访问的信息不存在或尚未公开。');
const orgNotFound = () => notFound('org_not_found', '机构不存在。');
const idParam = (req: FastifyRequest, key: string): number | undefined => {
  const raw = (req.params as Record<string, string>)[key] ?? '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
};

/** Public catalogue (政府信息公开目录, 条例第十二条): only published 主动公开 items, through `publicItems`. */
export async function catalogPortalRoutes(app: FastifyInstance): Promise<void> {
  app.get('/gk', async (req, reply) => {
    const totals = new Map<number, number>();
    for (const c of await publicCounts(req.ctx.db, today(req))) totals.set(c.org_id, (totals.get(c.org_id) ?? 0) + c.n);
    const agencies = (await listOrgs(req.ctx.db)).filter((o) => o.kind !== 'section');
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

  app.get('/gk/:orgId', async (req, reply) => {
    const orgId = idParam(req, 'orgId');
    const org = orgId ? await getOrg(req.ctx.db, orgId) : undefined;
    if (!org || org.disabled) throw orgNotFound();
    const day = today(req);
    const counts = await publicCategoryCounts(req.ctx.db, day, org.id);
    const tree = categoryTree(await listCategories(req.ctx.db, org.id), new Map([...counts].filter((e): e is [number, number] => e[0] !== null)));
    const categoryId = intOrUndef(req.query, 'categoryId');
    const trail = categoryId ? categoryPath(tree, categoryId) : [];
    if (categoryId && !trail.length) throw notFound('category_not_found', '该分类不存在。');
    const sortRaw = str(req.query, 'sort');
    const sort = isPublicSort(sortRaw) ? sortRaw : 'date';
    const page = pageParam(req.query);
    const { rows, total } = await listPublicItems(req.ctx.db, day, { orgId: org.id, categoryIds: categoryId ? subtreeIds(tree, categoryId) : undefined, sort, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const children = (await listOrgs(req.ctx.db)).filter((o) => o.parent_id === org.id && o.kind !== 'section');
    const allCount = [...counts.values()].reduce((a, b) => a + b, 0);
    return reply.page(<AgencyCatalogPage view={reply.view()} org={org} tree={tree} trail={trail} total={total} allCount={allCount} rows={rows} page={page} perPage={PER_PAGE} sort={sort} children={children} />);
  });

  const publicPageOr404 = async (req: FastifyRequest) => {
    const id = idParam(req, 'id');
    const data = id ? await getPublicItemPage(req.ctx.db, today(req), id) : undefined;
    if (!data) throw itemNotFound();
    return data;
  };

  // One statement reads the item through the public door with everything its page shows.
  app.get('/gk/items/:id', async (req, reply) => reply.page(<PublicItemPage view={reply.view()} {...await publicPageOr404(req)} />));

  app.get('/gk/items/:id/print', async (req, reply) => {
    const { item, versions, attachments } = await publicPageOr404(req);
    return reply.page(<ItemPrintPage view={reply.view()} item={item} versions={versions} attachments={attachments} publicUrl={req.ctx.config.publicUrl} />);
  });

  // Staff preview, exactly as the public page (the console guard requires a signed-in user).
  app.get('/console/items/:id/preview', async (req, reply) => {
    const id = idParam(req, 'id');
    const item = id ? await getItem(req.ctx.db, id) : undefined;
    if (!item) throw itemNotFound();
    if (!rolesAllow(req.actor, CATALOG_VIEWERS, item.org_path)) throw forbidden();
    return reply.page(<PublicItemPage view={reply.view()} item={item} versions={await listVersions(req.ctx.db, item.id)} attachments={await listAttachments(req.ctx.db, item.id)} links={await publicLinksOf(req.ctx.db, today(req), item.id)} preview />);
  });
}
