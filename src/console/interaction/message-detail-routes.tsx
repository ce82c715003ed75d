import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { ErrorSummary, beijingTime } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import type { Ctx } from '../../platform/context.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { IdParams, Int, Params, typed } from '../../platform/http/schemas.js';
import {
  MESSAGE_CHANNELS,
  MESSAGE_STATES,
  MESSAGE_TYPES,
  RATINGS,
  type MessageChannel,
  type MessageState,
  type MessageType,
  type Rating,
  staffMessage,
  messageOrgOptions,
  type MessageEventRow,
  type MessageWithOrg,
  listMessageHandlers,
  MESSAGE_EVENT_LABELS,
  readAttachment,
} from '../../interaction/index.js';
import {
  MessageActionForm,
  MessageActionParams,
  MessageActions,
  messageActionIdPrefix,
  runAction,
  type PostedMessageAction,
} from './message-actions.js';
import { postedValues, refusedBody, validateFormsInHandler } from '../../platform/http/form-refusal.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';

function describe(e: MessageEventRow): string {
  const p = JSON.parse(e.payload) as Record<string, unknown>;
  const base = MESSAGE_EVENT_LABELS[e.type] ?? e.type;
  if (e.type === 'transferred' || e.type === 'transferred_out')
    return `${base}：${String(p.from)} → ${String(p.to)}，理由：${String(p.reason)}`;
  if (e.type === 'due_recomputed') return `${base}：${String(p.from)} → ${String(p.to)}（${String(p.reason)}）`;
  if (e.type === 'extended') return `${base} ${String(p.days)} 个工作日至 ${String(p.dueOn)}：${String(p.reason)}`;
  if (e.type === 'rated') return `${base}：${RATINGS[p.rating as Rating] ?? String(p.rating)}`;
  if (e.type === 'assigned') return `${base}：${String(p.handler)}`;
  if (e.type === 'attachment') return `${base}：${String(p.filename)}`;
  return base;
}

function DetailPage({
  view,
  m,
  contactVisible,
  history,
  handlers,
  orgs,
  posted,
}: {
  view: ViewCtx;
  m: MessageWithOrg;
  contactVisible: boolean;
  history: MessageEventRow[];
  handlers: Array<[string, string]>;
  orgs: Array<[string, string]>;
  /** A refused action form: its errors, and what was typed in it. */
  posted?: PostedMessageAction;
}) {
  return (
    <ConsoleLayout view={view} title={`留言 ${m.message_no}`} wide>
      <p>
        <a href="/console/messages">← 返回留言办理</a>
      </p>
      <ErrorSummary errors={posted?.errors} idPrefix={posted ? messageActionIdPrefix(posted.action) : undefined} />
      {m.held_for_moderation ? (
        <p class="badge bad">含敏感词待审核：{(JSON.parse(m.held_words ?? '[]') as string[]).join('、')}</p>
      ) : null}
      <dl class="meta">
        <dt>状态</dt>
        <dd data-testid="message-state">{MESSAGE_STATES[m.state as MessageState] ?? m.state}</dd>
        <dt>受理机关</dt>
        <dd>{m.org_name}</dd>
        <dt>类型 / 渠道</dt>
        <dd>
          {MESSAGE_TYPES[m.type as MessageType] ?? m.type} /{' '}
          {MESSAGE_CHANNELS[m.channel as MessageChannel] ?? m.channel}
        </dd>
        <dt>收到日期</dt>
        <dd>{m.received_on}</dd>
        <dt>答复期限</dt>
        <dd data-testid="due-on">
          {m.due_on}
          {m.extended_days ? `（已延期 ${m.extended_days} 个工作日：${m.extension_reason ?? ''}）` : ''}
        </dd>
        <dt>承办人</dt>
        <dd>{m.handler_name ?? '—'}</dd>
        <dt>留言人</dt>
        <dd data-testid="contact">
          {m.name ?? '匿名'} {m.phone ?? ''} {m.email ?? ''} {m.address ?? ''}
          {contactVisible ? null : <span class="muted">（联系方式仅本机关留言办理人员可见）</span>}
        </dd>
        <dt>同意公开</dt>
        <dd>
          {m.publish_consent ? '是' : '否'}
          {m.published ? '（已发布到公开问答）' : ''}
        </dd>
      </dl>
      <h2>{m.subject}</h2>
      <div class="content">{m.content}</div>
      {history.some((e) => e.type === 'attachment') ? (
        <section>
          <h3>附件</h3>
          <ul>
            {history
              .filter((e) => e.type === 'attachment')
              .map((e) => {
                const a = JSON.parse(e.payload) as { filename: string; size: number };
                return (
                  <li>
                    {contactVisible ? (
                      <a href={`/console/messages/${m.id}/attachments/${e.id}`}>{a.filename}</a>
                    ) : (
                      a.filename
                    )}
                    （{Math.ceil(a.size / 1024)} KB）
                  </li>
                );
              })}
          </ul>
        </section>
      ) : null}
      {m.reply_public ? (
        <section>
          <h2>答复（{m.replied_on}）</h2>
          <div>{m.reply_public}</div>
          {m.reply_private ? <p class="muted">不公开部分：{m.reply_private}</p> : null}
          {m.rating ? (
            <p>
              评价：{RATINGS[m.rating as Rating] ?? m.rating}
              {m.rating_reason ? `（${m.rating_reason}）` : ''}
            </p>
          ) : null}
        </section>
      ) : null}
      <h2>办理</h2>
      <MessageActions m={m} actor={view.actor} csrf={view.csrf} handlers={handlers} orgs={orgs} posted={posted} />
      <h2>办理记录</h2>
      <ol class="history">
        {history.map((e) => (
          <li>
            {beijingTime(e.created_at)} {e.actor_label}：{describe(e)}
          </li>
        ))}
      </ol>
    </ConsoleLayout>
  );
}

async function render(ctx: Ctx, view: ViewCtx, id: number, posted?: PostedMessageAction) {
  const s = await staffMessage(ctx, id);
  const handlers = (await listMessageHandlers(ctx.db, s.message.org_path)).map((h): [string, string] => [
    String(h.id),
    h.name,
  ]);
  return (
    <DetailPage
      view={view}
      m={s.message}
      contactVisible={s.contactVisible}
      history={s.history}
      handlers={handlers}
      orgs={await messageOrgOptions(ctx)}
      posted={posted}
    />
  );
}

const AttachmentParams = Params({ id: Int('留言编号'), eid: Int('附件编号') });

/** Console: one message with its history and the action forms. */
export async function messageDetailRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/messages/:id', { schema: { params: IdParams } }, async (req, reply) =>
    reply.page(await render(req.ctx, reply.view(), req.params.id)),
  );

  r.get('/console/messages/:id/attachments/:eid', { schema: { params: AttachmentParams } }, async (req, reply) => {
    const a = await readAttachment(req.ctx, req.params.id, req.params.eid);
    return reply
      .header('content-type', a.mime)
      .header('content-disposition', contentDisposition(a.filename))
      .header('x-content-type-options', 'nosniff')
      .send(a.data);
  });

  await app.register(async (scope) => actionRoutes(scope));
}

/** The action forms' posts: a refused one shows the page again with what was typed. */
async function actionRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  validateFormsInHandler(app);
  r.post(
    '/console/messages/:id/:action',
    { schema: { params: MessageActionParams, body: MessageActionForm } },
    async (req, reply) => {
      const { id, action } = req.params;
      const again = async (errors: FieldError[], status: number) => {
        const posted = { action, values: postedValues(req), errors };
        return reply.page(await render(req.ctx, reply.view(), id, posted), status);
      };
      const refused = refusedBody(req);
      if (refused) return again(refused, 400);
      try {
        const msg = await runAction(req.ctx, id, action, req.body);
        return reply.flashRedirect(`/console/messages/${id}`, msg);
      } catch (e) {
        if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict')) throw e;
        return again(e.errors, e.status);
      }
    },
  );
}
