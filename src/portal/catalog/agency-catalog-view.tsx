/** One agency's 政府信息公开目录: category tree with counts, sortable paged list, sub-agencies, scoped search. */
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { DocNo } from '../doc-no.js';
import { Empty, Pagination } from '../../platform/views/components.js';
import { PUBLIC_SORTS, type ItemWithOrg, type PublicSort, type CategoryNode } from '../../catalog/index.js';
import type { OrgRow } from '../../orgs/index.js';
import type { ViewCtx } from '../../platform/http/types.js';

/** Query string of a catalogue page (category and sort kept, page reset). */
export function catalogUrl(orgId: number, p: { categoryId?: number; sort?: PublicSort }): string {
  const q = new URLSearchParams();
  if (p.categoryId) q.set('categoryId', String(p.categoryId));
  if (p.sort && p.sort !== 'date') q.set('sort', p.sort);
  const s = q.toString();
  return `/gk/${orgId}${s ? `?${s}` : ''}`;
}

/** The table of items of a catalogue list. */
export function ItemTable({ rows }: { rows: ItemWithOrg[] }) {
  return (
    <div class="table-wrap">
      <table class="item-table">
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
              <td data-label="索引号">{r.index_no}</td>
              <td data-label="名称">
                <a href={`/gk/items/${r.id}`}>{r.title}</a>
              </td>
              <td data-label="发文字号">
                <DocNo raw={r.doc_no} />
              </td>
              <td data-label="发布日期">{r.published_on}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Tree({
  nodes,
  orgId,
  current,
  sort,
}: {
  nodes: CategoryNode[];
  orgId: number;
  current?: number;
  sort?: PublicSort;
}) {
  return (
    <ul>
      {nodes.map((n) => (
        <li>
          <a href={catalogUrl(orgId, { categoryId: n.id, sort })} aria-current={n.id === current ? 'page' : undefined}>
            {n.name}（{n.total}）
          </a>
          {n.children.length ? <Tree nodes={n.children} orgId={orgId} current={current} sort={sort} /> : null}
        </li>
      ))}
    </ul>
  );
}

export interface AgencyCatalogProps {
  view: ViewCtx;
  org: OrgRow;
  tree: CategoryNode[];
  /** Root → current category. */
  trail: CategoryNode[];
  total: number;
  allCount: number;
  rows: ItemWithOrg[];
  page: number;
  perPage: number;
  sort: PublicSort;
  children: OrgRow[];
}

export function AgencyCatalogPage(p: AgencyCatalogProps) {
  const { org, sort } = p;
  const current = p.trail[p.trail.length - 1];
  const feed = current ? `/feeds/org/${org.id}/category/${current.id}` : `/feeds/org/${org.id}`;
  const title = `${org.name} 政府信息公开目录${current ? `：${current.name}` : ''}`;
  return (
    <PortalLayout view={p.view} title={title} feeds={[{ href: feed, title: `${title}：最新公开的政府信息` }]}>
      <nav aria-label="当前位置" class="breadcrumbs">
        <a href="/gk">政府信息公开目录</a> › <a href={`/jg/${org.id}`}>{org.name}</a>
        {p.trail.map((n) => (
          <>
            {' › '}
            <a href={catalogUrl(org.id, { categoryId: n.id, sort })}>{n.name}</a>
          </>
        ))}
      </nav>
      <h1>{title}</h1>
      <p class="no-print">
        <a href={`/zn/${org.id}`}>公开指南</a> · <a href={`/ysqgk?org=${org.id}`}>申请公开</a> ·{' '}
        <a href={feed}>订阅（Atom）</a>
      </p>
      <form class="inline-search" role="search" action="/search" method="get">
        <label for="scoped-q">{current ? `在“${current.name}”中搜索` : '在本机构目录中搜索'}</label>
        <input id="scoped-q" name="q" type="search" />
        <input type="hidden" name="org" value={String(org.id)} />
        {current ? <input type="hidden" name="category" value={String(current.id)} /> : null}
        <button type="submit">搜索</button>
      </form>
      <div class="catalog-layout">
        <nav class="category-tree" id="cat-tree" aria-label="信息分类">
          <h2>信息分类</h2>
          <ul>
            <li>
              <a href={catalogUrl(org.id, { sort })} aria-current={current ? undefined : 'page'}>
                全部（{p.allCount}）
              </a>
            </li>
          </ul>
          {p.tree.length ? <Tree nodes={p.tree} orgId={org.id} current={current?.id} sort={sort} /> : null}
        </nav>
        <section class="catalog-list" aria-labelledby="list-h">
          <h2 id="list-h">信息列表</h2>
          <p class="narrow-only">
            <a href="#cat-tree">按信息分类浏览 ↓</a>
          </p>
          <p class="sort-links">
            排序：
            {(Object.keys(PUBLIC_SORTS) as PublicSort[]).map((k, i) => (
              <>
                {i ? ' · ' : ''}
                {k === sort ? (
                  <strong aria-current="true">{PUBLIC_SORTS[k]}</strong>
                ) : (
                  <a href={catalogUrl(org.id, { categoryId: current?.id, sort: k })}>{PUBLIC_SORTS[k]}</a>
                )}
              </>
            ))}
          </p>
          {p.rows.length ? (
            <ItemTable rows={p.rows} />
          ) : p.total ? null : (
            <Empty>{current ? '该分类下目前没有公开的信息。' : '该机构目前没有公开的信息。'}</Empty>
          )}
          <Pagination
            page={p.page}
            total={p.total}
            perPage={p.perPage}
            baseUrl={catalogUrl(org.id, { categoryId: current?.id, sort })}
          />
        </section>
      </div>
      {p.children.length ? (
        <section aria-labelledby="sub-h">
          <h2 id="sub-h">下属机构</h2>
          <ul class="agency-list">
            {p.children.map((c) => (
              <li>
                <a href={`/gk/${c.id}`}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PortalLayout>
  );
}
