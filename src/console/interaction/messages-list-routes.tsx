import type { FastifyInstance, FastifyRequest } from 'fastify';
import { orgFilter } from '../org-filter.js';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, Empty, ErrorSummary, Pagination } from '../../platform/views/components.js';
import { Form, OptChoice, OptInt, OptText, Page, Text, typed, type Static } from '../../platform/http/schemas.js';
import { isValidIsoDate, todayInShanghai } from '../../platform/dates.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { assertAllowed } from '../guard.js';
import {
  HANDLE_ROLES,
  messageScopes,
  MESSAGE_QUEUES,
  MESSAGE_SORTS,
  isMessageSort,
  isQueue,
  messageOrgOptions,
  messageQueuePage,
  type MessageQueue,
  type MessageSort,
  isAwaitingReply,
  MESSAGE_CHANNELS,
  MESSAGE_STATES,
  MESSAGE_TYPES,
  type MessageChannel,
  type MessageState,
  type MessageType,
  formatRate,
  type MessageFigures,
  messageFigures,
  maskMessage,
  registerMessage,
  MessageFields,
  type MessageFormValues,
  MessageForm,
  messageValues,
  canHandleMessages,
} from '../../interaction/index.js';
import { rolesAllow } from '../../orgs/index.js';
import { TextField, SelectField } from '../../platform/views/components.js';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-download.js';

const PER_PAGE = 30;

/**
 * The list's filter: a queue, words (编号, subject, content), a type and an order; the figures' period.
 * These come from links and hand-edited addresses: an unknown queue, type or order, or a date that is
 * no date, is ignored (the default applies) rather than refused.
 */
const ListQuery = Form({
  queue: OptText('队列'),
  org: OptInt('单位'),
  q: OptText('检索'),
  type: OptText('类型'),
  sort: OptText('排序'),
  from: OptText('统计起始日期'),
  to: OptText('统计截止日期'),
  page: Page(),
});

/** The list as shown, as CSV or XLSX. */
const ExportQuery = Form({ ...ListQuery.properties, format: OptChoice('格式', TABLE_FORMATS) });

/** A staff registration of a call or a letter: the message form with its channel and date. */
const RegisterForm = Form({ ...MessageForm.properties, channel: Text('来源渠道'), receivedOn: Text('收到日期') });

/** The search part of the filter (words cut at 100 characters). */
const messageSearch = ({
  q,
  type,
  sort,
}: Static<typeof ListQuery>): { q?: string; type?: string; sort?: MessageSort } => ({
  q: q?.slice(0, 100),
  type: type !== undefined && Object.hasOwn(MESSAGE_TYPES, type) ? type : undefined,
  sort: sort !== undefined && isMessageSort(sort) ? sort : undefined,
});
const queueOf = ({ queue }: Static<typeof ListQuery>): MessageQueue =>
  queue !== undefined && isQueue(queue) ? queue : 'pending';

function FigureRow({ label, f }: { label: string; f: MessageFigures }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{f.received}</td>
      <td>{f.closed}</td>
      <td>{formatRate(f.completionRate)}</td>
      <td>{formatRate(f.onTimeRate)}</td>
      <td>{formatRate(f.satisfactionRate)}</td>
      <td>{f.avgReplyWorkingDays ?? '—'}</td>
      <td class={f.veto ? 'bad' : ''}>
        {f.unansweredOver3Months}
        {f.veto ? '（单项否决）' : ''}
      </td>
    </tr>
  );
}

function RegisterPage({
  view,
  orgs,
  values,
  errors,
}: {
  view: ViewCtx;
  orgs: Array<[string, string]>;
  values: MessageFormValues & { channel?: string; receivedOn?: string };
  errors?: FieldError[];
}) {
  return (
    <ConsoleLayout view={view} title="登记留言">
      <p>
        <a href="/console/messages">← 返回留言办理</a>
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/messages/new">
        <CsrfField token={view.csrf} />
        <SelectField
          name="channel"
          label="来源渠道"
          required
          value={values.channel ?? ''}
          options={Object.entries(MESSAGE_CHANNELS)}
          placeholder="请选择"
          errors={errors}
        />
        <TextField
          name="receivedOn"
          label="收到日期"
          value={values.receivedOn ?? ''}
          hint="年-月-日，默认今天。"
          errors={errors}
        />
        <MessageFields v={values} errors={errors} orgs={orgs} />
        <button type="submit">登记</button>
      </form>
    </ConsoleLayout>
  );
}

/** Console: queues, figures per agency and period, staff registration of calls and letters. */
export async function messagesListRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/messages', { schema: { querystring: ListQuery } }, async (req, reply) => {
    const scopes = messageScopes(req.actor);
    assertAllowed(scopes.length > 0);
    const { paths, org, qs: orgQs } = await orgFilter(req.ctx.db, scopes, req.query);
    const { page } = req.query;
    const queue = queueOf(req.query);
    const day = todayInShanghai(req.ctx.now());
    const from =
      req.query.from !== undefined && isValidIsoDate(req.query.from) ? req.query.from : `${day.slice(0, 4)}-01-01`;
    const to = req.query.to !== undefined && isValidIsoDate(req.query.to) ? req.query.to : day;
    const search = messageSearch(req.query);
    const { rows, total } = await messageQueuePage(req.ctx, {
      orgPaths: paths,
      queue,
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
      ...search,
    });
    const searchQs = `${search.q ? `&q=${encodeURIComponent(search.q)}` : ''}${search.type ? `&type=${search.type}` : ''}${search.sort ? `&sort=${search.sort}` : ''}`;
    const figs = await messageFigures(req.ctx, { orgPaths: paths, from, to });
    const view = reply.view();
    return reply.page(
      <ConsoleLayout view={view} title="留言办理" wide>
        {org ? (
          <p>
            仅显示「{org.name}」 · <a href={`/console/messages?queue=${queue}`}>显示全部单位</a>
          </p>
        ) : null}
        {rolesAllow(req.actor, HANDLE_ROLES) ? (
          <p>
            <a href="/console/messages/new">登记电话、来信留言</a>
          </p>
        ) : null}
        <nav class="tabs" aria-label="队列">
          {Object.entries(MESSAGE_QUEUES).map(([k, l]) => (
            <a href={`/console/messages?queue=${k}${orgQs}`} aria-current={k === queue ? 'page' : undefined}>
              {l}
            </a>
          ))}
        </nav>
        <form method="get" action="/console/messages" class="filters" role="search" aria-label="检索留言">
          <input type="hidden" name="queue" value={queue} />
          {org ? <input type="hidden" name="org" value={String(org.id)} /> : null}
          <TextField name="q" label="检索" type="search" value={search.q ?? ''} hint="留言编号、标题或内容中的词" />
          <SelectField
            name="type"
            label="类型"
            value={search.type ?? ''}
            placeholder="全部"
            options={Object.entries(MESSAGE_TYPES)}
          />
          <SelectField
            name="sort"
            label="排序"
            value={search.sort ?? 'newest'}
            options={Object.entries(MESSAGE_SORTS)}
          />
          <button type="submit">筛选</button>
        </form>
        <p>
          导出当前列表（全部页，最多 5000 条，留言人信息已隐藏）：
          <a href={`/console/messages/export?queue=${queue}${searchQs}${orgQs}`}>CSV</a> ·{' '}
          <a href={`/console/messages/export?format=xlsx&queue=${queue}${searchQs}${orgQs}`}>XLSX</a>
        </p>
        {rows.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>编号</th>
                  <th>类型</th>
                  <th>标题</th>
                  <th>机关</th>
                  <th>渠道</th>
                  <th>留言人</th>
                  <th>收到</th>
                  <th>期限</th>
                  <th>状态</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(maskMessage).map((m) => (
                  <tr class={m.due_on && m.due_on < day && isAwaitingReply(m.state) ? 'overdue' : ''}>
                    <td>
                      <a href={`/console/messages/${m.id}`}>{m.message_no}</a>
                    </td>
                    <td>{MESSAGE_TYPES[m.type as MessageType] ?? m.type}</td>
                    <td>
                      {m.subject}
                      {m.held_for_moderation ? <span class="badge bad">待审核</span> : null}
                    </td>
                    <td>{m.org_name}</td>
                    <td>{MESSAGE_CHANNELS[m.channel as MessageChannel] ?? m.channel}</td>
                    <td>{m.name ?? '匿名'}</td>
                    <td>{m.received_on}</td>
                    <td>{m.due_on}</td>
                    <td>{MESSAGE_STATES[m.state as MessageState] ?? m.state}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>该队列没有留言。</Empty>
        )}
        <Pagination
          page={page}
          total={total}
          perPage={PER_PAGE}
          baseUrl={`/console/messages?queue=${queue}${searchQs}${orgQs}`}
        />
        <section>
          <h2>办理统计</h2>
          <form method="get" action="/console/messages" class="inline">
            <input type="hidden" name="queue" value={queue} />
            <label>
              自 <input name="from" value={from} size={10} />
            </label>{' '}
            <label>
              至 <input name="to" value={to} size={10} />
            </label>{' '}
            <button type="submit">统计</button>
          </form>
          <div class="table-wrap">
            <table data-testid="figures">
              <thead>
                <tr>
                  <th>机关</th>
                  <th>收到</th>
                  <th>办结</th>
                  <th>办结率</th>
                  <th>按时办结率</th>
                  <th>满意率</th>
                  <th>平均答复用时（工作日）</th>
                  <th>超过3个月未回应</th>
                </tr>
              </thead>
              <tbody>
                <FigureRow label="合计" f={figs.total} />
                {figs.byOrg.map((o) => (
                  <FigureRow label={o.orgName} f={o.figures} />
                ))}
              </tbody>
            </table>
          </div>
          <p class="muted">
            “超过3个月未回应”统计今天之前一年内收到、超过3个月未答复的有效留言；存在即触发政府网站检查“互动回应差”单项否决。
          </p>
        </section>
      </ConsoleLayout>,
    );
  });

  r.get('/console/messages/export', { schema: { querystring: ExportQuery } }, async (req, reply) => {
    const scopes = messageScopes(req.actor);
    assertAllowed(scopes.length > 0);
    const { paths } = await orgFilter(req.ctx.db, scopes, req.query);
    const day = todayInShanghai(req.ctx.now());
    const { rows } = await messageQueuePage(req.ctx, {
      orgPaths: paths,
      queue: queueOf(req.query),
      limit: 5000,
      offset: 0,
      ...messageSearch(req.query),
    });
    const table = [
      ['编号', '类型', '标题', '机关', '渠道', '留言人', '收到日期', '答复期限日期', '状态', '办理人'],
      ...rows
        .map(maskMessage)
        .map((m) => [
          m.message_no,
          MESSAGE_TYPES[m.type as MessageType] ?? m.type,
          m.subject,
          m.org_name,
          MESSAGE_CHANNELS[m.channel as MessageChannel] ?? m.channel,
          m.name ?? '匿名',
          m.received_on,
          m.due_on ?? '',
          MESSAGE_STATES[m.state as MessageState] ?? m.state,
          m.handler_name ?? '',
        ]),
    ];
    return sendTable(reply, table, `留言列表-${day}`, req.query.format, '留言列表');
  });

  // Only the agencies the user may register a message for (as 登记申请 offers only its own).
  const registrable = (req: FastifyRequest) => messageOrgOptions(req.ctx, (path) => canHandleMessages(req.actor, path));
  r.get('/console/messages/new', async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, HANDLE_ROLES));
    return reply.page(<RegisterPage view={reply.view()} orgs={await registrable(req)} values={{}} />);
  });

  r.post('/console/messages/new', { schema: { body: RegisterForm } }, async (req, reply) => {
    const values = { ...messageValues(req.body), channel: req.body.channel, receivedOn: req.body.receivedOn };
    try {
      const r = await registerMessage(req.ctx, values);
      return reply.flashRedirect(
        `/console/messages/${r.id}`,
        `已登记留言 ${r.messageNo}，查询码 ${r.queryCode}（请告知留言人，仅显示一次），答复期限 ${r.dueOn}。`,
      );
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'not_found')) throw e;
      const errors = e.kind === 'not_found' ? e.errors.map((x) => ({ ...x, field: 'orgId' })) : e.errors;
      return reply.page(
        <RegisterPage view={reply.view()} orgs={await registrable(req)} values={values} errors={errors} />,
        400,
      );
    }
  });
}
