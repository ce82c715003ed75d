import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, Empty, Pagination, SelectField, TextField } from '../../platform/views/components.js';
import {
  bulkItems,
  GENRES,
  agencyCategories,
  categoriesOf,
  type CategoryRow,
  agenciesFor,
  CATALOG_QUEUE_ROLES,
  CATALOG_VIEWERS,
  isItemStatus,
  ITEM_STATUSES,
  STATUS_LABELS,
  staffItems,
  type ItemWithOrg,
  catalogCalendar,
  timeliness,
  timelinessLabel,
  createItem,
  ITEM_WRITERS,
  reviewQueue,
  queueActions,
  type ItemInput,
  STAFF_ITEM_SORTS,
  STAFF_ITEM_SORT_KEYS,
} from '../../catalog/index.js';
import {
  Checkbox,
  Choice,
  Form,
  Ints,
  OptChoice,
  OptDate,
  OptInt,
  OptText,
  Page,
  ticked,
  typed,
  OptChosen,
} from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { rolesAllow, scopePaths } from '../../orgs/index.js';
import { assertAllowed } from '../guard.js';
import type { WorkCalendar } from '../../calendar/index.js';
import { ItemFields, ItemForm, itemFormInput } from './item-form.js';

const PER_PAGE = 30;

function ItemsTable({
  rows,
  cal,
  today,
  selectable,
}: {
  rows: ItemWithOrg[];
  cal: WorkCalendar;
  today: string;
  selectable?: boolean;
}) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {selectable ? <th scope="col">选择</th> : null}
            <th scope="col">索引号</th>
            <th scope="col">名称</th>
            <th scope="col">发布机构</th>
            <th scope="col">分类</th>
            <th scope="col">状态</th>
            <th scope="col">生成日期</th>
            <th scope="col">发布日期</th>
            <th scope="col">时效</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {selectable ? (
                <td>
                  <input type="checkbox" name="ids" value={String(r.id)} aria-label={`选择「${r.title}」`} />
                </td>
              ) : null}
              <td>{r.index_no}</td>
              <td>
                <a href={`/console/items/${r.id}`}>{r.title}</a>
              </td>
              <td>{r.org_name}</td>
              <td>{r.category_name ?? '—'}</td>
              <td>{isItemStatus(r.status) ? STATUS_LABELS[r.status] : r.status}</td>
              <td>{r.created_on}</td>
              <td>{r.published_on ?? '—'}</td>
              <td>
                {r.status === 'withdrawn'
                  ? '—'
                  : timelinessLabel(
                      timeliness(cal, r.created_on, r.status === 'published' ? r.published_on : null, today),
                    )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function writableOrgs(req: FastifyRequest): Promise<Array<[string, string]>> {
  return (await agenciesFor(req.ctx.db, req.actor, ITEM_WRITERS)).map((o) => [
    String(o.id),
    `${'　'.repeat(o.depth)}${o.name}`,
  ]);
}

function NewItemPage({
  view,
  orgs,
  categories,
  values,
  errors,
  orgId,
}: {
  view: ViewCtx;
  orgs: Array<[string, string]>;
  categories: CategoryRow[];
  values: Partial<ItemInput>;
  errors?: FieldError[];
  orgId?: string;
}) {
  return (
    <ConsoleLayout view={view} title="新建公开信息">
      <p>
        <a href="/console/items">← 返回信息列表</a>
      </p>
      <p class="muted">保存后为草稿；提交后依次经保密审查、合法性审查（规范性文件）和领导签发后公开。</p>
      <ItemForm
        action="/console/items"
        csrf={view.csrf}
        values={values}
        errors={errors}
        categories={categories}
        orgs={orgs}
        orgId={orgId}
        submitLabel="保存草稿"
        showIndexNo
      />
    </ConsoleLayout>
  );
}

const ListQuery = Form({
  status: OptChoice('状态', ITEM_STATUSES),
  categoryId: OptInt('目录分类'),
  orgId: OptInt('机构'),
  genre: OptChoice('体裁', GENRES),
  from: OptDate('生成日期从'),
  to: OptDate('生成日期至'),
  mine: Checkbox('只看我编写的'),
  q: OptText('名称、索引号或文号', { maxLength: 200 }),
  sort: OptChoice('排序', STAFF_ITEM_SORT_KEYS),
  page: Page(),
});
const BulkForm = Form({
  action: Choice('操作', ['approve', 'publish', 'submit'] as const, { default: 'submit' }),
  ids: Ints('选择'),
});
const NewItemQuery = Form({ orgId: OptInt('发布机构') });
const NewItemForm = Form({ ...ItemFields, orgId: OptChosen('发布机构') });

/** Console: item list with filters, the review queue, and the new-item form. */
export async function itemsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/items', { schema: { querystring: ListQuery } }, async (req, reply) => {
    const paths = scopePaths(req.actor, CATALOG_VIEWERS);
    assertAllowed(paths.length > 0);
    const { status, categoryId, orgId, genre, from, to, q, sort, page } = req.query;
    const mine = ticked(req.query.mine);
    const { rows, total } = await staffItems(req.ctx.db, {
      orgPaths: paths,
      statuses: status ? [status] : undefined,
      categoryId,
      orgId,
      genre,
      authorId: mine && req.actor.userId ? req.actor.userId : undefined,
      createdFrom: from,
      createdTo: to,
      q,
      sort,
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    const cats = orgId ? await agencyCategories(req.ctx.db, orgId) : [];
    const cal = await catalogCalendar(req.ctx.db);
    const today = todayInShanghai(req.ctx.now());
    const view = reply.view();
    const qs = new URLSearchParams({
      status: status ?? '',
      genre: genre ?? '',
      from: from ?? '',
      to: to ?? '',
      q: q ?? '',
      ...(sort ? { sort } : {}),
      ...(mine ? { mine: '1' } : {}),
      ...(categoryId ? { categoryId: String(categoryId) } : {}),
      ...(orgId ? { orgId: String(orgId) } : {}),
    });
    return reply.page(
      <ConsoleLayout view={view} title="公开信息" wide>
        <p>
          {rolesAllow(req.actor, ITEM_WRITERS) ? (
            <>
              <a href="/console/items/new">新建信息</a> ·{' '}
            </>
          ) : null}
          {rolesAllow(req.actor, CATALOG_QUEUE_ROLES) ? (
            <>
              <a href="/console/items/queue">我的待办</a> ·{' '}
            </>
          ) : null}
          <a href="/console/items/export?format=csv">导出 CSV</a> ·{' '}
          <a href="/console/items/export?format=xlsx">导出 XLSX</a> · <a href="/console/items/late">逾期与即将逾期</a>
        </p>
        <form method="get" action="/console/items" class="filters">
          <SelectField
            name="status"
            label="状态"
            value={status ?? ''}
            options={ITEM_STATUSES.map((s) => [s, STATUS_LABELS[s]])}
            placeholder="全部"
          />
          {cats.length ? (
            <SelectField
              name="categoryId"
              label="目录分类"
              value={categoryId ? String(categoryId) : ''}
              options={cats.map((c) => [String(c.id), c.name])}
              placeholder="全部"
            />
          ) : null}
          {orgId ? <input type="hidden" name="orgId" value={String(orgId)} /> : null}
          <SelectField
            name="genre"
            label="体裁"
            value={genre ?? ''}
            options={GENRES.map((g) => [g, g])}
            placeholder="全部"
          />
          <TextField name="from" label="生成日期从" type="date" value={from ?? ''} />
          <TextField name="to" label="至" type="date" value={to ?? ''} />
          <div class="field">
            <label>
              <input type="checkbox" name="mine" value="1" checked={mine} /> 只看我编写的
            </label>
          </div>
          <div class="field">
            <label for="f-q">名称、索引号或文号</label>
            <input id="f-q" name="q" type="search" value={q ?? ''} />
          </div>
          <SelectField name="sort" label="排序" value={sort ?? 'updated'} options={Object.entries(STAFF_ITEM_SORTS)} />
          <button type="submit">筛选</button>
        </form>
        {rows.length ? <ItemsTable rows={rows} cal={cal} today={today} /> : <Empty>没有符合条件的信息。</Empty>}
        <Pagination page={page} total={total} perPage={PER_PAGE} baseUrl={`/console/items?${qs.toString()}`} />
      </ConsoleLayout>,
    );
  });

  /** The review queue's bulk actions (bulkItems), in the order shown. */
  const BULK_BUTTONS = [
    ['approve', '批量审核通过', undefined],
    ['publish', '批量签发并立即发布', undefined],
    ['submit', '批量提交审核', 'secondary'],
  ] as const;

  r.get('/console/items/queue', async (req, reply) => {
    assertAllowed(scopePaths(req.actor, CATALOG_QUEUE_ROLES).length > 0);
    const mine = await reviewQueue(req.ctx.db, req.actor);
    const offered = queueActions(mine, req.actor);
    const cal = await catalogCalendar(req.ctx.db);
    const view = reply.view();
    return reply.page(
      <ConsoleLayout view={view} title="我的待办（公开信息审核）" wide>
        <p>
          <a href="/console/items">← 全部信息</a>
        </p>
        {mine.length ? (
          <form method="post" action="/console/items/bulk">
            <CsrfField token={view.csrf} />
            <ItemsTable rows={mine} cal={cal} today={todayInShanghai(req.ctx.now())} selectable />
            {/* Only what this reader may do to at least one of these items (a secrecy reviewer does not sign). */}
            <p class="actions">
              {BULK_BUTTONS.filter(([action]) => offered.has(action)).map(([action, label, cls]) => (
                <>
                  <button type="submit" name="action" value={action} class={cls}>
                    {label}
                  </button>{' '}
                </>
              ))}
            </p>
          </form>
        ) : (
          <Empty>没有等待您处理的信息。</Empty>
        )}
      </ConsoleLayout>,
    );
  });

  r.post('/console/items/bulk', { schema: { body: BulkForm } }, async (req, reply) => {
    const ids = req.body.ids.slice(0, 200);
    if (!ids.length) return reply.flashRedirect('/console/items/queue', '请先勾选要处理的信息。');
    const { done, failed } = await bulkItems(req.ctx, req.body.action, ids);
    return reply.flashRedirect(
      '/console/items/queue',
      `已处理 ${done} 条。${failed.length ? `未处理 ${failed.length} 条：${failed.map((f) => `#${f.id}：${f.message}`).join('；')}` : ''}`,
    );
  });

  r.get('/console/items/new', { schema: { querystring: NewItemQuery } }, async (req, reply) => {
    const orgs = await writableOrgs(req);
    assertAllowed(orgs.length > 0);
    const asked = req.query.orgId;
    const orgId =
      asked && orgs.some(([id]) => id === String(asked)) ? asked : orgs.length === 1 ? Number(orgs[0]![0]) : undefined;
    const view = reply.view();
    if (!orgId) {
      return reply.page(
        <ConsoleLayout view={view} title="新建公开信息：选择发布机构">
          <ul>
            {orgs.map(([id, name]) => (
              <li>
                <a href={`/console/items/new?orgId=${id}`}>{name.trim()}</a>
              </li>
            ))}
          </ul>
        </ConsoleLayout>,
      );
    }
    const categories = await categoriesOf(req.ctx, orgId);
    return reply.page(
      <NewItemPage
        view={view}
        orgs={orgs}
        categories={categories}
        orgId={String(orgId)}
        values={{ createdOn: todayInShanghai(req.ctx.now()), genre: '通知', disclosureMode: '主动公开' }}
      />,
    );
  });

  r.post('/console/items', { schema: { body: NewItemForm } }, async (req, reply) => {
    const input = itemFormInput(req.body);
    const { orgId } = req.body;
    const again = async (errors: FieldError[], status: number) => {
      const orgs = await writableOrgs(req);
      const categories = orgId ? await categoriesOf(req.ctx, orgId) : [];
      return reply.page(
        <NewItemPage
          view={reply.view()}
          orgs={orgs}
          categories={categories}
          orgId={orgId ? String(orgId) : ''}
          values={input}
          errors={errors}
        />,
        status,
      );
    };
    if (!orgId) return again([{ code: 'item_org_required', message: '请选择发布机构。', field: 'orgId' }], 400);
    try {
      const { id, indexNo } = await createItem(req.ctx, { ...input, orgId });
      return reply.flashRedirect(`/console/items/${id}`, `已保存草稿，索引号 ${indexNo}。`);
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict')) throw e;
      return again(e.errors, e.status);
    }
  });
}
