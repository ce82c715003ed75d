import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, Empty, ErrorSummary, Pagination, SelectField, TextField } from '../../platform/views/components.js';
import { Form, OptInt, Page, typed } from '../../platform/http/schemas.js';
import { isProvisionalDate, provisionalNote, provisionalYears } from '../../calendar/index.js';
import { ProvisionalBadge } from '../../platform/views/provisional.js';
import { assertAllowed } from '../guard.js';
import {
  HANDLE_ROLES,
  requestScopes,
  requestListChoices,
  isOverdue,
  isOpenState,
  REQUEST_STATES,
  stateLabel,
  APPLICANT_TYPES,
  OUTCOMES,
  outcomeText,
  CHANNELS,
  hasFilters,
  parseRequestListQuery,
  REQUEST_QUEUES,
  REQUEST_SORTS,
  requestListQs,
  type RequestQueue,
  RequestListFields,
} from '../../requests/index.js';
import { rolesAllow } from '../../orgs/index.js';
import { runRequestList } from './request-list-query.js';

const PER_PAGE = 30;

/** The list's query (lenient filters, see request-list.schemas.ts), its page and `?org=` (one agency). */
const ListQuery = Form({ ...RequestListFields, page: Page(), org: OptInt('机构') });

/** Queues shown as tabs. */
export const QUEUES = Object.entries(REQUEST_QUEUES) as ReadonlyArray<[RequestQueue, string]>;

/** Console: the request list with queues, search, filters, sorting, pagination, export and bulk actions. Personal data never appears in lists. */
export async function requestsListRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/console/requests', { schema: { querystring: ListQuery } }, async (req, reply) => {
    assertAllowed(requestScopes(req.actor).length > 0);
    const { query, errors } = parseRequestListQuery(req.query);
    const page = req.query.page;
    const { rows, total, day, cal, org, orgQs, scopes } = await runRequestList(req, query, {
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    const { handlers, sections } = await requestListChoices(req.ctx, org ? [org.path] : scopes);
    const handlerOptions: Array<[string, string]> = [
      ['me', '我自己'],
      ['none', '未分派'],
      ...handlers.map((h): [string, string] => [String(h.id), h.name]),
    ];
    const sectionOptions = sections.map((s): [string, string] => [String(s.id), s.name]);
    const qs = requestListQs(query);
    const bulk = rolesAllow(req.actor, HANDLE_ROLES);
    const view = reply.view();
    return reply.page(
      <ConsoleLayout view={view} title="依申请公开" wide>
        <p>
          {bulk ? <a href="/console/requests/new">登记申请（当面、邮寄、传真、电子邮件、口头）</a> : null}
          {org ? (
            <>
              {' '}
              · 仅显示「{org.name}」 · <a href={`/console/requests?${qs}`}>显示全部单位</a>
            </>
          ) : null}
        </p>
        <nav class="filters" aria-label="队列">
          {QUEUES.map(([k, label]) => (
            <a
              href={`/console/requests?${requestListQs(query, { queue: k })}${orgQs}`}
              aria-current={k === query.queue ? 'page' : undefined}
            >
              {label}
            </a>
          ))}
        </nav>
        <ErrorSummary errors={errors} />
        <form
          method="get"
          action="/console/requests"
          class="filters desk-filters"
          role="search"
          aria-label="检索和筛选申请"
          data-testid="request-filters"
        >
          <input type="hidden" name="queue" value={query.queue} />
          {org ? <input type="hidden" name="org" value={String(org.id)} /> : null}
          <TextField
            name="q"
            label="检索"
            type="search"
            value={query.q}
            hint="申请编号、所需信息；有权查看的，也可输入申请人姓名"
          />
          <SelectField
            name="state"
            label="状态"
            value={query.state}
            placeholder="全部"
            options={Object.entries(REQUEST_STATES)}
          />
          <SelectField
            name="channel"
            label="渠道"
            value={query.channel}
            placeholder="全部"
            options={Object.entries(CHANNELS).map(([k, c]) => [k, c.short])}
          />
          <SelectField
            name="handler"
            label="办理人"
            value={query.handler}
            placeholder="全部"
            options={handlerOptions}
          />
          <SelectField
            name="department"
            label="主办科室"
            value={query.department}
            placeholder="全部"
            options={sectionOptions}
          />
          <SelectField
            name="outcome"
            label="办理结果"
            value={query.outcome}
            placeholder="全部"
            options={OUTCOMES.map((o) => [o.code, outcomeText(o.code)])}
          />
          <TextField
            name="receivedFrom"
            label="收到日期（起）"
            type="date"
            value={query.receivedFrom}
            errors={errors}
          />
          <TextField name="receivedTo" label="收到日期（止）" type="date" value={query.receivedTo} errors={errors} />
          <TextField name="dueFrom" label="答复期限（起）" type="date" value={query.dueFrom} errors={errors} />
          <TextField name="dueTo" label="答复期限（止）" type="date" value={query.dueTo} errors={errors} />
          <div class="field">
            <label>
              <input type="checkbox" name="provisional" value="1" checked={query.provisional} /> 仅暂定答复期限
            </label>
          </div>
          <SelectField name="sort" label="排序" value={query.sort} options={Object.entries(REQUEST_SORTS)} />
          <button type="submit">筛选</button>
          {hasFilters(query) ? <a href={`/console/requests?queue=${query.queue}${orgQs}`}>清除条件</a> : null}
        </form>
        <p>
          导出当前列表（全部页，最多 5000 件）：<a href={`/console/requests/export?format=csv&${qs}${orgQs}`}>CSV</a> ·{' '}
          <a href={`/console/requests/export?format=xlsx&${qs}${orgQs}`} data-testid="export-xlsx">
            XLSX
          </a>
        </p>
        {rows.length ? (
          <form method="post" action="/console/requests/bulk" data-testid="bulk-form">
            <CsrfField token={view.csrf} />
            <input type="hidden" name="back" value={`/console/requests?${qs}${orgQs}`} />
            <div class="table-wrap">
              <table class="desk-list">
                <thead>
                  <tr>
                    {bulk ? <th scope="col">选择</th> : null}
                    <th scope="col">申请编号</th>
                    <th scope="col">受理机关</th>
                    <th scope="col">申请人类型</th>
                    <th scope="col">所需信息</th>
                    <th scope="col">状态</th>
                    <th scope="col">收到日期</th>
                    <th scope="col">答复期限</th>
                    <th scope="col">办理人</th>
                    <th scope="col">办理结果</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      {bulk ? (
                        <td>
                          <input
                            type="checkbox"
                            name="ids"
                            value={String(r.id)}
                            aria-label={`选择 ${r.request_no}`}
                            disabled={!isOpenState(r.state)}
                          />
                        </td>
                      ) : null}
                      <td class="nowrap">
                        <a href={`/console/requests/${r.id}`}>{r.request_no}</a>
                      </td>
                      <td>{r.org_name}</td>
                      <td>{APPLICANT_TYPES[r.applicant_type as keyof typeof APPLICANT_TYPES] ?? r.applicant_type}</td>
                      <td>{(r.info_title ?? r.info_ref ?? r.info_description ?? '').slice(0, 40)}</td>
                      <td class="nowrap">{stateLabel(r.state)}</td>
                      <td class="nowrap">{r.received_on ?? '待确认'}</td>
                      <td class="nowrap">
                        {r.due_on ?? '—'}
                        {isOverdue(r, day) ? <span class="badge bad">已超期</span> : null}
                        {r.due_on && isOpenState(r.state) && isProvisionalDate(cal, r.due_on) ? (
                          <ProvisionalBadge note={provisionalNote(provisionalYears([r.due_on]))} />
                        ) : null}
                      </td>
                      <td>{r.handler_name ?? '未分派'}</td>
                      <td>{r.outcome_code ? outcomeText(r.outcome_code) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {bulk ? (
              <fieldset class="filters">
                <legend>批量处理勾选的申请（先确认，再执行）</legend>
                <SelectField
                  name="handlerId"
                  label="分派办理人"
                  value=""
                  placeholder="请选择"
                  options={handlers.map((h) => [String(h.id), h.name])}
                  idPrefix="bulk"
                />
                <button type="submit" name="action" value="assign">
                  批量分派…
                </button>
                <SelectField
                  name="departmentId"
                  label="主办科室"
                  value=""
                  placeholder="请选择"
                  options={sectionOptions}
                  idPrefix="bulk"
                />
                <button type="submit" name="action" value="lead">
                  批量设主办科室…
                </button>
              </fieldset>
            ) : null}
          </form>
        ) : (
          <Empty>{hasFilters(query) ? '没有符合条件的申请。' : '该队列中没有申请。'}</Empty>
        )}
        <Pagination page={page} total={total} perPage={PER_PAGE} baseUrl={`/console/requests?${qs}${orgQs}`} />
      </ConsoleLayout>,
    );
  });
}
