/** The 任务分解表 list page with its filters, shared by the list, the new-task form and the XLSX import. */
import type { FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, Empty, ErrorSummary, Pagination, SelectField, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Checkbox, Form, OptChoice, OptInt, OptText, Page, ticked, type Static } from '../../platform/http/schemas.js';
import type { FieldError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { listOrgs, type OrgRow, scopePaths } from '../../orgs/index.js';
import {
  isTaskOverdue,
  TASK_MANAGE_ROLES,
  TASK_SORTS,
  TASK_STATES,
  TASK_VIEW_ROLES,
  taskStateLabel,
  type TaskSort,
  type TaskState,
  taskCategoryChoices,
  taskPage,
  type TaskFilter,
  type TaskView,
  taskScope,
} from '../../supervision/index.js';
import { TaskFields, orgOptions } from './task-form.js';

const TASK_STATE_KEYS = Object.keys(TASK_STATES) as TaskState[];
const TASK_SORT_KEYS = Object.keys(TASK_SORTS) as TaskSort[];

const PER_PAGE = 50;

/** The list's filters (also the query of the exports and of the forms posted from the list). */
export const TaskQuery = Form({
  year: OptInt('年度', { minimum: 2000, maximum: 2100 }),
  state: OptChoice('状态', TASK_STATE_KEYS),
  responsibleOrgId: OptInt('责任单位'),
  category: OptText('类别', { maxLength: 100 }),
  overdue: Checkbox('只看逾期未完成'),
  q: OptText('检索', { maxLength: 100 }),
  sort: OptChoice('排序', TASK_SORT_KEYS),
  page: Page(),
});
export type TaskQueryT = Static<typeof TaskQuery>;

/** The filter of the list from its query. */
export function filterFrom(req: FastifyRequest, query: TaskQueryT): { filter: TaskFilter; qs: URLSearchParams } {
  const today = todayInShanghai(req.ctx.now());
  const { year, state, responsibleOrgId, category, q: text, sort } = query;
  const overdue = ticked(query.overdue);
  const qs = new URLSearchParams();
  if (year) qs.set('year', String(year));
  if (state) qs.set('state', state);
  if (responsibleOrgId) qs.set('responsibleOrgId', String(responsibleOrgId));
  if (category) qs.set('category', category);
  if (overdue) qs.set('overdue', '1');
  if (text) qs.set('q', text);
  if (sort) qs.set('sort', sort);
  return {
    filter: {
      ...taskScope(req.actor),
      year,
      state,
      responsibleOrgId,
      category,
      overdueAsOf: overdue ? today : undefined,
      text,
      sort,
    },
    qs,
  };
}

/** The supervisor's jurisdictions (orgs where a supervisor grant sits) and the orgs below them. */
export async function jurisdictionOrgs(req: FastifyRequest): Promise<{ jurisdictions: OrgRow[]; orgs: OrgRow[] }> {
  const paths = scopePaths(req.actor, TASK_MANAGE_ROLES);
  const orgs = await listOrgs(req.ctx.db, { underPaths: paths });
  return { jurisdictions: orgs.filter((o) => paths.includes(o.path)), orgs };
}

function TaskTable({ rows, today }: { rows: TaskView[]; today: string }) {
  return (
    <table>
      <caption class="visually-hidden">任务分解表</caption>
      <thead>
        <tr>
          <th scope="col">年度/序号</th>
          <th scope="col">类别</th>
          <th scope="col">任务内容</th>
          <th scope="col">责任单位</th>
          <th scope="col">完成时限</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => {
          const late = isTaskOverdue(t, today);
          return (
            <tr class={late ? 'overdue' : undefined}>
              <td>
                <a href={`/console/supervision/tasks/${t.id}`}>
                  {t.year}-{t.seq}
                </a>
              </td>
              <td>{t.category}</td>
              <td>{t.content.length > 80 ? `${t.content.slice(0, 80)}…` : t.content}</td>
              <td>
                {t.responsible_name}
                {t.department_name ? `（${t.department_name}）` : ''}
              </td>
              <td>{t.deadline}</td>
              <td>
                {taskStateLabel(t.state)} {late ? <span class="badge bad">已逾期</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface ListProps {
  view: ViewCtx;
  rows: TaskView[];
  total: number;
  page: number;
  qs: URLSearchParams;
  today: string;
  categories: string[];
  years: string[];
  filterOrgs: OrgRow[];
  manage: { jurisdictions: OrgRow[]; orgs: OrgRow[] } | null;
  errors?: FieldError[];
  values?: Record<string, unknown>;
}

function FilterSelect(p: { id: string; name: string; label: string; value: string; options: Array<[string, string]> }) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.name}>
        <option value="">全部</option>
        {p.options.map(([v, l]) => (
          <option value={v} selected={v === p.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The list page with filters, exports, the new-task and import forms. */
export function TasksPage(p: ListProps) {
  const g = (k: string) => p.qs.get(k) ?? '';
  const q = p.qs.toString();
  return (
    <ConsoleLayout view={p.view} title="年度任务分解表" wide>
      <ErrorSummary errors={p.errors} />
      <form method="get" action="/console/supervision/tasks" class="filters">
        <div class="field">
          <label for="q-text">检索</label>
          <input
            id="q-text"
            name="q"
            type="search"
            value={g('q')}
            maxLength={100}
            placeholder="任务内容或类别中的字词"
          />
        </div>
        <FilterSelect id="q-year" name="year" label="年度" value={g('year')} options={p.years.map((y) => [y, y])} />
        <FilterSelect id="q-state" name="state" label="状态" value={g('state')} options={Object.entries(TASK_STATES)} />
        <FilterSelect
          id="q-org"
          name="responsibleOrgId"
          label="责任单位"
          value={g('responsibleOrgId')}
          options={orgOptions(p.filterOrgs)}
        />
        <FilterSelect
          id="q-category"
          name="category"
          label="类别"
          value={g('category')}
          options={p.categories.map((c) => [c, c])}
        />
        <div class="field">
          <label for="q-sort">排序</label>
          <select id="q-sort" name="sort">
            {Object.entries(TASK_SORTS).map(([v, l]) => (
              <option value={v} selected={v === (g('sort') || 'number')}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label>
            <input type="checkbox" name="overdue" value="1" checked={g('overdue') === '1'} /> 只看逾期未完成
          </label>
        </div>
        <button type="submit">筛选</button>
      </form>
      <p>
        <a href={`/console/supervision/tasks.xlsx${q ? `?${q}` : ''}`}>导出 XLSX</a> ·{' '}
        <a href={`/console/supervision/tasks/notice.docx${q ? `?${q}` : ''}`}>生成季度通报（DOCX）</a>
      </p>
      {p.rows.length ? <TaskTable rows={p.rows} today={p.today} /> : <Empty>没有符合条件的任务。</Empty>}
      <Pagination
        page={p.page}
        total={p.total}
        perPage={PER_PAGE}
        baseUrl={`/console/supervision/tasks${q ? `?${q}` : ''}`}
      />
      {p.manage && p.manage.jurisdictions.length ? (
        <>
          <section>
            <h2 id="new">新建任务</h2>
            <form method="post" action="/console/supervision/tasks">
              <CsrfField token={p.view.csrf} />
              <TaskFields
                v={p.values ?? { year: p.today.slice(0, 4) }}
                orgs={p.manage.orgs}
                jurisdictions={p.manage.jurisdictions}
                errors={p.errors}
              />
              <button type="submit">新建任务</button>
            </form>
          </section>
          <section>
            <h2 id="import">导入任务分解表（XLSX）</h2>
            <p class="hint">
              表头须包含：类别、任务内容、责任单位、完成时限、佐证材料要求（可选：责任科室）。任一行有错误时不导入任何任务。
            </p>
            <form method="post" action="/console/supervision/tasks/import" enctype="multipart/form-data">
              <CsrfField token={p.view.csrf} />
              {p.manage.jurisdictions.length > 1 ? (
                <SelectField
                  name="importOrgId"
                  label="任务所属"
                  required
                  value=""
                  options={orgOptions(p.manage.jurisdictions)}
                />
              ) : (
                <input type="hidden" name="importOrgId" value={String(p.manage.jurisdictions[0].id)} />
              )}
              <TextField
                name="importYear"
                label="导入年度"
                required
                inputmode="numeric"
                value={p.today.slice(0, 4)}
                maxLength={4}
              />
              <div class="field">
                <label for="f-file">XLSX 文件</label>
                <input id="f-file" name="file" type="file" accept=".xlsx" required />
              </div>
              <button type="submit">导入</button>
            </form>
          </section>
        </>
      ) : null}
    </ConsoleLayout>
  );
}

/** Renders the list (also used to re-render with errors). */
export async function renderList(
  req: FastifyRequest,
  view: ViewCtx,
  query: TaskQueryT,
  extra: { errors?: FieldError[]; values?: Record<string, unknown> } = {},
) {
  const { filter, qs } = filterFrom(req, query);
  const page = query.page;
  const { rows, total } = await taskPage(req.ctx, filter, page, PER_PAGE);
  const manage = scopePaths(req.actor, TASK_MANAGE_ROLES).length ? await jurisdictionOrgs(req) : null;
  const filterOrgs = (await listOrgs(req.ctx.db, { underPaths: scopePaths(req.actor, TASK_VIEW_ROLES) })).filter(
    (o) => o.kind !== 'section',
  );
  const categories = await taskCategoryChoices(req.ctx, {
    supervisePaths: filter.supervisePaths,
    reportPaths: filter.reportPaths,
  });
  const thisYear = Number(todayInShanghai(req.ctx.now()).slice(0, 4));
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map(String);
  return (
    <TasksPage
      view={view}
      rows={rows}
      total={total}
      page={page}
      qs={qs}
      today={todayInShanghai(req.ctx.now())}
      categories={categories}
      years={years}
      filterOrgs={filterOrgs}
      manage={manage}
      {...extra}
    />
  );
}
