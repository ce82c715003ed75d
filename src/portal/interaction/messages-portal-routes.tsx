import type { FastifyInstance } from 'fastify';
import { LOOKUP_LIMIT, PUBLIC_FORM_LIMIT } from '../../platform/http/limits.js';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { CsrfField, ErrorSummary, TextArea, TextField, fieldError } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Checkbox, Form, Text, ticked, typed, OptInt } from '../../platform/http/schemas.js';
import { postedTexts, refusedBody } from '../../platform/http/form-refusal.js';
import { invalidFields, isAppError, type FieldError } from '../../platform/errors.js';
import {
  MESSAGE_TYPES,
  RATINGS,
  type MessageType,
  type Rating,
  DEFAULT_REPLY_LIMITS,
  submitMessage,
  publicMessageStatus,
  type PublicMessageStatus,
  rateMessage,
  reopenMessage,
  MESSAGE_EVENT_LABELS,
  MessageFields,
  type MessageFormValues,
  MessageForm,
  messageValues,
  messageOrgOptions,
  ATTACHMENT_LIMITS,
} from '../../interaction/index.js';
import { readMultipartForm, uploadedFiles } from './multipart-form.js';
import { ProvisionalNote } from '../../platform/views/provisional.js';
import { formatChinese } from '../../platform/dates.js';

/** Wrong 查询码 guesses are rate-limited per client. */

function NewPage({
  view,
  orgs,
  values,
  errors,
}: {
  view: ViewCtx;
  orgs: Array<[string, string]>;
  values: MessageFormValues;
  errors?: FieldError[];
}) {
  const d = DEFAULT_REPLY_LIMITS.byChannel;
  return (
    <PortalLayout view={view} title="我要留言">
      <h1>我要留言</h1>
      <p>
        您可以就政策、办事等提出咨询，对行政机关的工作提出投诉或建议。网站留言一般在收到后 {d.website} 个工作日内答复。
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/hd/messages/new" enctype="multipart/form-data">
        <CsrfField token={view.csrf} />
        <MessageFields v={values} errors={errors} orgs={orgs} />
        <div class={`field${fieldError(errors, 'attachments') ? ' has-error' : ''}`}>
          <label for="f-attachments">附件（可选）</label>
          <p class="hint" id="f-attachments-hint">
            最多 {ATTACHMENT_LIMITS.files} 个，每个不超过 {ATTACHMENT_LIMITS.bytes / 1048576} MB；可上传
            PDF、OFD、Word、Excel、图片或 ZIP。附件不公开。
          </p>
          {fieldError(errors, 'attachments') ? <p class="field-error">{fieldError(errors, 'attachments')}</p> : null}
          <input id="f-attachments" name="attachments" type="file" multiple aria-describedby="f-attachments-hint" />
        </div>
        <button type="submit">提交留言</button>
      </form>
    </PortalLayout>
  );
}

function StatusForm({ view, errors, messageNo }: { view: ViewCtx; errors?: FieldError[]; messageNo?: string }) {
  return (
    <PortalLayout view={view} title="留言查询">
      <h1>留言办理查询</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/hd/messages/status">
        <CsrfField token={view.csrf} />
        <TextField name="messageNo" label="留言编号" required value={messageNo ?? ''} hint="例如 LY-2026-000123" />
        <TextField name="queryCode" label="查询码" required hint="提交留言时显示的10位查询码。" autocomplete="off" />
        <button type="submit">查询</button>
      </form>
    </PortalLayout>
  );
}

function StatusPage({
  view,
  st,
  queryCode,
  errors,
}: {
  view: ViewCtx;
  st: PublicMessageStatus;
  queryCode: string;
  errors?: FieldError[];
}) {
  return (
    <PortalLayout view={view} title="留言办理情况">
      <h1>留言办理情况</h1>
      <ErrorSummary errors={errors} />
      <dl class="meta">
        <dt>留言编号</dt>
        <dd>{st.messageNo}</dd>
        <dt>受理机关</dt>
        <dd>{st.orgName}</dd>
        <dt>类型</dt>
        <dd>{MESSAGE_TYPES[st.type as MessageType] ?? st.type}</dd>
        <dt>标题</dt>
        <dd>{st.subject}</dd>
        <dt>状态</dt>
        <dd data-testid="message-state">{st.stateLabel}</dd>
        <dt>收到日期</dt>
        <dd>{st.receivedOn}</dd>
        <dt>答复期限</dt>
        <dd>
          {st.dueOn ?? '—'}
          {st.dueNote ? <ProvisionalNote note={st.dueNote} /> : null}
        </dd>
      </dl>
      {st.replyPublic ? (
        <section>
          <h2>答复（{st.repliedOn}）</h2>
          <div class="reply" data-testid="reply">
            {st.replyPublic}
          </div>
          {st.replyPrivate ? (
            <div class="reply-private">
              <h3>仅向您答复的内容（不公开）</h3>
              <p>{st.replyPrivate}</p>
            </div>
          ) : null}
        </section>
      ) : null}
      {st.rating ? (
        <p>
          您的评价：{RATINGS[st.rating as Rating] ?? st.rating}
          {st.ratingReason ? `（${st.ratingReason}）` : ''}
        </p>
      ) : null}
      {st.canRate ? (
        <form method="post" action="/hd/messages/rate">
          <CsrfField token={view.csrf} />
          <input type="hidden" name="messageNo" value={st.messageNo} />
          <input type="hidden" name="queryCode" value={queryCode} />
          <fieldset class={fieldError(errors, 'rating') ? 'has-error' : ''}>
            <legend id="f-rating">请评价本次答复</legend>
            {st.rateUntil ? (
              <p class="hint" data-testid="rate-until">
                本留言已办结，您仍可评价至{formatChinese(st.rateUntil)}。
              </p>
            ) : null}
            {Object.entries(RATINGS).map(([k, l]) => (
              <label>
                <input type="radio" name="rating" value={k} /> {l}
              </label>
            ))}
          </fieldset>
          <TextArea name="reason" label="评价理由" hint="选择“不满意”时必填。" rows={3} errors={errors} />
          {st.state === 'replied' ? (
            <label>
              <input type="checkbox" name="reopen" value="1" /> 不满意时申请重新办理（仅可申请一次）
            </label>
          ) : null}
          <button type="submit">提交评价</button>
        </form>
      ) : null}
      {st.canReopen ? (
        <form method="post" action="/hd/messages/reopen">
          <CsrfField token={view.csrf} />
          <input type="hidden" name="messageNo" value={st.messageNo} />
          <input type="hidden" name="queryCode" value={queryCode} />
          <button type="submit">申请重新办理</button>
        </form>
      ) : null}
      <h2>办理记录</h2>
      <ul>
        {st.history.map((h) => (
          <li>
            {h.on} {MESSAGE_EVENT_LABELS[h.type] ?? h.type}
            {h.type === 'transferred' || h.type === 'transferred_out'
              ? `：转至${String(h.payload.to)}（${String(h.payload.reason)}）`
              : ''}
            {h.type === 'due_recomputed'
              ? `：由 ${String(h.payload.from)} 调整为 ${String(h.payload.to)}（${String(h.payload.reason)}）`
              : ''}
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}

/** Portal: the doors of 互动交流, the message form and receipt, status, rating and reopening. */
const NewQuery = Form({ org: OptInt('受理机关') });
const LookupForm = Form({ messageNo: Text('留言编号'), queryCode: Text('查询码') });
const RateForm = Form({
  messageNo: Text('留言编号'),
  queryCode: Text('查询码'),
  rating: Text('评价'),
  reason: Text('评价理由'),
  reopen: Checkbox('不满意时申请重新办理'),
});

export async function messagesPortalRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/hd', async (_req, reply) =>
    reply.page(
      <PortalLayout view={reply.view()} title="互动交流">
        <h1>互动交流</h1>
        <div class="cards">
          <a class="card" href="/hd/messages/new">
            <h2>我要留言</h2>
            <p>咨询、投诉、建议</p>
          </a>
          <a class="card" href="/hd/messages/status">
            <h2>留言查询</h2>
            <p>凭留言编号和查询码查看答复、评价</p>
          </a>
          <a class="card" href="/hd/qa">
            <h2>公开问答</h2>
            <p>已答复并经同意公开的留言</p>
          </a>
          <a class="card" href="/hd/consultations">
            <h2>意见征集</h2>
            <p>对政策草案发表意见，查看意见采纳情况</p>
          </a>
        </div>
      </PortalLayout>,
    ),
  );

  r.get('/hd/messages/new', { schema: { querystring: NewQuery } }, async (req, reply) =>
    reply.page(
      <NewPage view={reply.view()} orgs={await messageOrgOptions(req.ctx)} values={{ orgId: req.query.org }} />,
    ),
  );

  // A multipart post (with attachments) keeps its streaming reader: the reader puts the text fields in
  // req.body before validation (multipart-form.ts), so one schema types the multipart and the plain post.
  r.post(
    '/hd/messages/new',
    { schema: { body: MessageForm }, preValidation: readMultipartForm, attachValidation: true, ...PUBLIC_FORM_LIMIT },
    async (req, reply) => {
      const refused = refusedBody(req);
      if (refused) {
        const values = { ...postedTexts(req), orgId: undefined };
        return reply.page(
          <NewPage view={reply.view()} orgs={await messageOrgOptions(req.ctx)} values={values} errors={refused} />,
          400,
        );
      }
      const values = messageValues(req.body);
      try {
        const files = uploadedFiles(req);
        if (files === 'too_large')
          throw invalidFields([
            { code: 'attachment_too_large', message: '文件过大或上传中断，请重新上传。', field: 'attachments' },
          ]);
        const sent = await submitMessage(req.ctx, { ...values, attachments: files });
        return reply.page(
          <PortalLayout view={reply.view()} title="留言已提交">
            <h1>留言已提交</h1>
            <p>请记下留言编号和查询码。查询码只显示这一次，凭两者可查看答复并评价。</p>
            <dl class="meta">
              <dt>留言编号</dt>
              <dd data-testid="message-no">{sent.messageNo}</dd>
              <dt>查询码</dt>
              <dd>
                <pre class="secret" data-testid="query-code">
                  {sent.queryCode}
                </pre>
              </dd>
              <dt>答复期限</dt>
              <dd>
                {sent.dueOn}
                {sent.dueNote ? <ProvisionalNote note={sent.dueNote} /> : null}
              </dd>
            </dl>
            <p>
              <a href="/hd/messages/status">查询办理情况</a>
            </p>
          </PortalLayout>,
        );
      } catch (e) {
        if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'not_found')) throw e;
        const errors = e.kind === 'not_found' ? e.errors.map((x) => ({ ...x, field: 'orgId' })) : e.errors;
        return reply.page(
          <NewPage view={reply.view()} orgs={await messageOrgOptions(req.ctx)} values={values} errors={errors} />,
          400,
        );
      }
    },
  );

  r.get('/hd/messages/status', async (_req, reply) => reply.page(<StatusForm view={reply.view()} />));

  r.post('/hd/messages/status', { schema: { body: LookupForm }, ...LOOKUP_LIMIT }, async (req, reply) => {
    const { messageNo, queryCode } = req.body;
    try {
      const st = await publicMessageStatus(req.ctx, { messageNo, queryCode });
      return reply.page(<StatusPage view={reply.view()} st={st} queryCode={queryCode} />);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'message_lookup_failed') throw e;
      return reply.page(<StatusForm view={reply.view()} errors={e.errors} messageNo={messageNo} />, 404);
    }
  });

  r.post('/hd/messages/rate', { schema: { body: RateForm }, ...LOOKUP_LIMIT }, async (req, reply) => {
    const { messageNo, queryCode, rating, reason } = req.body;
    try {
      const rated = await rateMessage(req.ctx, { messageNo, queryCode, rating, reason });
      if (rated.rating === 'unsatisfied' && rated.state === 'rated' && ticked(req.body.reopen))
        await reopenMessage(req.ctx, { messageNo, queryCode });
      const st = await publicMessageStatus(req.ctx, { messageNo, queryCode });
      return reply.page(<StatusPage view={reply.view()} st={st} queryCode={queryCode} />);
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (e.code === 'message_lookup_failed')
        return reply.page(<StatusForm view={reply.view()} errors={e.errors} messageNo={messageNo} />, 404);
      if (e.kind !== 'invalid' && e.kind !== 'conflict') throw e;
      const st = await publicMessageStatus(req.ctx, { messageNo, queryCode });
      return reply.page(<StatusPage view={reply.view()} st={st} queryCode={queryCode} errors={e.errors} />, e.status);
    }
  });

  r.post('/hd/messages/reopen', { schema: { body: LookupForm }, ...LOOKUP_LIMIT }, async (req, reply) => {
    const { messageNo, queryCode } = req.body;
    try {
      await reopenMessage(req.ctx, { messageNo, queryCode });
      const st = await publicMessageStatus(req.ctx, { messageNo, queryCode });
      return reply.page(<StatusPage view={reply.view()} st={st} queryCode={queryCode} />);
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (e.code === 'message_lookup_failed')
        return reply.page(<StatusForm view={reply.view()} errors={e.errors} messageNo={messageNo} />, 404);
      if (e.kind !== 'conflict') throw e;
      const st = await publicMessageStatus(req.ctx, { messageNo, queryCode });
      return reply.page(<StatusPage view={reply.view()} st={st} queryCode={queryCode} errors={e.errors} />, e.status);
    }
  });
}
