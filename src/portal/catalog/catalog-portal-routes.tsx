import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PortalLayout } from '../layout.js';
import { Empty, Pagination } from '../../platform/views/components.js';
import { intOrUndef, pageParam } from '../../platform/http/form.js';
import { notFound } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { getOrg } from '../../orgs/orgs.store.js';
import { getItem, getPublicItem, listAttachments, listPublicAttachments, listPublicItems, listVersions, publicCounts, publicLinksOf, type AttachmentWithFile, type ItemVersionRow, type ItemWithOrg } from '../../catalog/catalog.store.js';
import { isItemStatus, STATUS_LABELS } from '../../catalog/item-workflow.rules.js';
import { CATALOG_VIEWERS } from '../../catalog/catalog-policy.rules.js';
import { rolesAllow } from '../../orgs/roles.rules.js';
import { forbidden } from '../../platform/errors.js';
import type { ViewCtx } from '../../platform/http/types.js';

const PER_PAGE = 20;
const today = (req: FastifyRequest) => todayInShanghai(req.ctx.now());
const itemNotFound = () => notFound('item_not_found', '您访问的信息不存在或尚未公开。');

function ItemList({ rows }: { rows: ItemWithOrg[] }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">索引号</th>
            <th scope="col">名称</th>
            <th scope="col">发文字号</th>
            <th scope="col">发布日期</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.index_no}</td>
              <td>
                <a href={`/gk/items/${r.id}`}>{r.title}</a>
              </td>
              <td>{r.doc_no ?? ''}</td>
              <td>{r.published_on}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The public item page: the metadata table (索引号 … 有效性), body and revision notes. Also used for the staff preview. */
export function PublicItemPage({ view, item, versions, attachments, links, replacedBy, preview }: { view: ViewCtx; item: ItemWithOrg; versions: ItemVersionRow[]; attachments: AttachmentWithFile[]; links: Awaited<ReturnType<typeof publicLinksOf>>; replacedBy?: { id: number; title: string }; preview?: boolean }) {
  const row = (k: string, v: string | null) => (
    <tr>
      <th scope="row">{k}</th>
      <td>{v ?? ''}</td>
    </tr>
  );
  return (
    <PortalLayout view={view} title={preview ? `预览：${item.title}` : item.title}>
      {preview ? (
        <p class="warning" role="note">
          预览：以下是公开后公众看到的页面。本信息尚未公开（{isItemStatus(item.status) ? STATUS_LABELS[item.status] : item.status}）。<a href={`/console/items/${item.id}`}>返回编辑</a>
        </p>
      ) : null}
      <p>
        <a href={`/gk/${item.org_id}`}>← {item.org_name} 政府信息公开目录</a>
      </p>
      <table class="item-meta">
        <tbody>
          {row('索引号', item.index_no)}
          {row('主题分类', item.topic)}
          {row('发布机构', item.org_name)}
          {row('成文日期', item.written_on)}
          {row('名称', item.title)}
          {row('发文字号', item.doc_no)}
          {row('发布日期', item.published_on ?? (preview ? '（发布时填写）' : ''))}
          {row('有效性', item.validity_on && item.validity !== '有效' ? `${item.validity}（${item.validity_on}）` : item.validity)}
        </tbody>
      </table>
      {replacedBy ? (
        <p class="warning">
          本文件{item.validity}，替代文件：<a href={`/gk/items/${replacedBy.id}`}>{replacedBy.title}</a>
        </p>
      ) : null}
      <h1>{item.title}</h1>
      {item.summary ? <p class="muted">{item.summary}</p> : null}
      <div class="item-body" dangerouslySetInnerHTML={{ __html: item.body_html }} />
      {links.interpretations.length ? (
        <section aria-labelledby="jd">
          <h2 id="jd">政策解读</h2>
          <ul>
            {links.interpretations.map((l) => (
              <li>
                <a href={`/gk/items/${l.id}`}>{l.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {links.documents.length ? (
        <section aria-labelledby="wj">
          <h2 id="wj">解读的文件</h2>
          <ul>
            {links.documents.map((l) => (
              <li>
                <a href={`/gk/items/${l.id}`}>{l.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {attachments.length ? (
        <section aria-labelledby="att">
          <h2 id="att">附件</h2>
          <ul>
            {attachments.map((a) => (
              <li>
                <a href={preview ? `/console/items/${item.id}/files/${a.id}` : `/gk/files/${a.id}`}>{a.filename}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {versions.length ? (
        <section aria-labelledby="rev">
          <h2 id="rev">勘误说明</h2>
          <ul>
            {versions.map((v) => (
              <li>
                {v.corrected_on}：{v.revision_note}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PortalLayout>
  );
}

/** Public catalogue (政府信息公开目录, 条例第十二条): only published 主动公开 items, through `publicItems`. */
export async function catalogPortalRoutes(app: FastifyInstance): Promise<void> {
  app.get('/gk', async (req, reply) => {
    const counts = await publicCounts(req.ctx.db, today(req));
    const orgs = new Map<number, { name: string; total: number; cats: Array<[string, number]> }>();
    for (const c of counts) {
      const o = orgs.get(c.org_id) ?? { name: c.org_name, total: 0, cats: [] };
      o.total += c.n;
      o.cats.push([c.category_name ?? '未分类', c.n]);
      orgs.set(c.org_id, o);
    }
    const view = reply.view();
    return reply.page(
      <PortalLayout view={view} title="政府信息公开目录">
        <h1>政府信息公开目录</h1>
        {orgs.size ? (
          <ul class="catalogue">
            {[...orgs].map(([id, o]) => (
              <li>
                <a href={`/gk/${id}`}>{o.name}</a>（{o.total} 条）
                <ul>
                  {o.cats.map(([name, n]) => (
                    <li>
                      {name}：{n} 条
                    </li>
                  ))}
                </ul>
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
    const raw = (req.params as { orgId: string }).orgId;
    if (!/^\d{1,9}$/.test(raw)) throw notFound('org_not_found', '机构不存在。');
    const org = await getOrg(req.ctx.db, Number(raw));
    if (!org || org.disabled) throw notFound('org_not_found', '机构不存在。');
    const page = pageParam(req.query);
    const categoryId = intOrUndef(req.query, 'categoryId');
    const { rows, total } = await listPublicItems(req.ctx.db, today(req), { orgId: org.id, categoryId, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const view = reply.view();
    return reply.page(
      <PortalLayout view={view} title={`${org.name} 政府信息公开目录`}>
        <p>
          <a href="/gk">← 政府信息公开目录</a>
        </p>
        <h1>{org.name} 政府信息公开目录</h1>
        {rows.length ? <ItemList rows={rows} /> : <Empty>该机构目前没有公开的信息。</Empty>}
        <Pagination page={page} total={total} perPage={PER_PAGE} baseUrl={`/gk/${org.id}${categoryId ? `?categoryId=${categoryId}` : ''}`} />
      </PortalLayout>,
    );
  });

  app.get('/gk/items/:id', async (req, reply) => {
    const raw = (req.params as { id: string }).id;
    if (!/^\d{1,9}$/.test(raw)) throw itemNotFound();
    const item = await getPublicItem(req.ctx.db, today(req), Number(raw));
    if (!item) throw itemNotFound();
    const versions = await listVersions(req.ctx.db, item.id);
    return reply.page(<PublicItemPage view={reply.view()} item={item} versions={versions} attachments={await listPublicAttachments(req.ctx.db, today(req), item.id)} links={await publicLinksOf(req.ctx.db, today(req), item.id)} replacedBy={item.replaced_by_id ? await getPublicItem(req.ctx.db, today(req), item.replaced_by_id) : undefined} />);
  });

  // Staff preview, exactly as the public page (the console guard requires a signed-in user).
  app.get('/console/items/:id/preview', async (req, reply) => {
    const raw = (req.params as { id: string }).id;
    const item = /^\d{1,9}$/.test(raw) ? await getItem(req.ctx.db, Number(raw)) : undefined;
    if (!item) throw itemNotFound();
    if (!rolesAllow(req.actor, CATALOG_VIEWERS, item.org_path)) throw forbidden();
    return reply.page(<PublicItemPage view={reply.view()} item={item} versions={await listVersions(req.ctx.db, item.id)} attachments={await listAttachments(req.ctx.db, item.id)} links={await publicLinksOf(req.ctx.db, today(req), item.id)} preview />);
  });
}
