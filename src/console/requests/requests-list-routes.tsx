import type { FastifyInstance } from 'fastify';
import { orgFilter } from '../org-filter.js';
import { ConsoleLayout } from '../layout.js';
import { Empty, Pagination } from '../../platform/views/components.js';
import { pageParam, str } from '../../platform/http/form.js';
import { addDays } from '../../platform/dates.js';
import { addWorkingDays, isProvisionalDate } from '../../calendar/calendar.rules.js';
import { provisionalNote, provisionalYears } from '../../calendar/provisional-year.rules.js';
import { ProvisionalBadge } from '../../platform/views/provisional.js';
import { assertAllowed } from '../guard.js';
import { requestScopes } from '../../requests/requests.policy.rules.js';
import { listRequests, type RequestQueue } from '../../requests/requests.store.js';
import { requestCalendar } from '../../requests/request-calendar.js';
import { today } from '../../requests/case-support.js';
import { isOpenState, stateLabel } from '../../requests/request-states.rules.js';
import { APPLICANT_TYPES } from '../../requests/applicant.rules.js';

const PER_PAGE = 30;

/** Queues shown as tabs. */
export const QUEUES: ReadonlyArray<[RequestQueue, string]> = [
  ['mine', '我的待办'],
  ['due_soon', '3个工作日内到期'],
  ['overdue', '已超期'],
  ['waiting', '等待补正、征求意见或缴费'],
  ['unconfirmed', '网上申请待确认'],
  ['all', '全部'],
];

const isQueue = (q: string): q is RequestQueue => QUEUES.some(([k]) => k === q);

/** The last day of “due within 3 working days” (falls back to 5 calendar days when the calendar lacks a year). */
export async function soonUntil(db: Parameters<typeof requestCalendar>[0], day: string): Promise<string> {
  try {
    return addWorkingDays(await requestCalendar(db), day, 3);
  } catch {
    return addDays(day, 5);
  }
}

/** Console: request queues with pagination. Personal data never appears in lists. */
export async function requestsListRoutes(app: FastifyInstance): Promise<void> {
  app.get('/console/requests', async (req, reply) => {
    const scopes = requestScopes(req.actor);
    assertAllowed(scopes.length > 0);
    const { paths, org, qs: orgQs } = await orgFilter(req.ctx.db, scopes, req.query);
    const q = str(req.query, 'queue');
    const queue: RequestQueue = isQueue(q) ? q : 'mine';
    const page = pageParam(req.query);
    const day = today(req.ctx);
    const cal = await requestCalendar(req.ctx.db);
    const { rows, total } = await listRequests(req.ctx.db, {
      orgPaths: paths,
      queue,
      userId: req.actor.userId,
      today: day,
      soonUntil: await soonUntil(req.ctx.db, day),
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    const view = reply.view();
    return reply.page(
      <ConsoleLayout view={view} title="依申请公开" wide>
        <p>
          <a href="/console/requests/new">登记申请（当面、邮寄、传真、电子邮件、口头）</a>
          {org ? (
            <>
              {' '}
              · 仅显示「{org.name}」 · <a href={`/console/requests?queue=${queue}`}>显示全部单位</a>
            </>
          ) : null}
        </p>
        <nav class="filters" aria-label="队列">
          {QUEUES.map(([k, label]) => (
            <a href={`/console/requests?queue=${k}${orgQs}`} aria-current={k === queue ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        {rows.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">申请编号</th>
                  <th scope="col">受理机关</th>
                  <th scope="col">申请人类型</th>
                  <th scope="col">所需信息</th>
                  <th scope="col">状态</th>
                  <th scope="col">收到日期</th>
                  <th scope="col">答复期限</th>
                  <th scope="col">办理人</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`/console/requests/${r.id}`}>{r.request_no}</a>
                    </td>
                    <td>{r.org_name}</td>
                    <td>{APPLICANT_TYPES[r.applicant_type as keyof typeof APPLICANT_TYPES] ?? r.applicant_type}</td>
                    <td>{(r.info_title ?? r.info_ref ?? r.info_description ?? '').slice(0, 40)}</td>
                    <td>{stateLabel(r.state)}</td>
                    <td>{r.received_on ?? '待确认'}</td>
                    <td>
                      {r.due_on ?? '—'}
                      {r.state === 'processing' && r.due_on && r.due_on < day ? <span class="badge bad">已超期</span> : null}
                      {r.due_on && isOpenState(r.state) && isProvisionalDate(cal, r.due_on) ? <ProvisionalBadge note={provisionalNote(provisionalYears([r.due_on]))} /> : null}
                    </td>
                    <td>{r.handler_name ?? '未分派'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>该队列中没有申请。</Empty>
        )}
        <Pagination page={page} total={total} perPage={PER_PAGE} baseUrl={`/console/requests?queue=${queue}${orgQs}`} />
      </ConsoleLayout>,
    );
  });
}
