/** Action forms on a message page and the dispatch of their posts to the use-cases. */
import type { ComponentChildren } from 'preact';
import type { Ctx } from '../../platform/context.js';
import { CsrfField, FormStateContext, SelectField, TextArea, TextField } from '../../platform/views/components.js';
import { Form, Int, OptInt, Params, Choice, Text, type Static, OptChosen } from '../../platform/http/schemas.js';
import {
  canDo,
  canHandleMessages,
  canPublish,
  type MessageWithOrg,
  publishBlocker,
  publishQa,
  acceptMessage,
  assignMessage,
  transferMessage,
  replyMessage,
  extendMessage,
  closeMessage,
  moderateMessage,
} from '../../interaction/index.js';
import type { FieldError } from '../../platform/errors.js';

/** Action slugs accepted by POST /console/messages/:id/:action. */
export const MESSAGE_ACTIONS = [
  'accept',
  'assign',
  'transfer',
  'reply',
  'extend',
  'close',
  'moderate',
  'publish',
  'unpublish',
] as const;
export type MessageActionSlug = (typeof MESSAGE_ACTIONS)[number];

/** `/console/messages/:id/:action`. */
export const MessageActionParams = Params({ id: Int('留言编号'), action: Choice('操作', MESSAGE_ACTIONS) });

/** The fields of every action form (each form sends its own; the others stay empty). */
export const MessageActionForm = Form({
  handlerId: OptChosen('承办人'),
  targetOrgId: OptChosen('转至本平台机关或部门'),
  targetName: Text('平台外承办单位'),
  reason: Text('理由'),
  replyPublic: Text('答复内容'),
  replyPrivate: Text('不公开部分'),
  days: OptInt('延长工作日数', { minimum: 0, maximum: 999 }),
  decision: Text('审核结果'),
  note: Text('理由'),
});

/** Runs the use-case of an action with the posted form; returns the flash message. */
export async function runAction(
  ctx: Ctx,
  id: number,
  action: MessageActionSlug,
  b: Static<typeof MessageActionForm>,
): Promise<string> {
  switch (action) {
    case 'accept':
      await acceptMessage(ctx, { messageId: id });
      return '已签收。';
    case 'assign':
      await assignMessage(ctx, { messageId: id, handlerId: b.handlerId });
      return '已分派。';
    case 'transfer': {
      const r = await transferMessage(ctx, {
        messageId: id,
        targetOrgId: b.targetOrgId,
        targetName: b.targetName,
        reason: b.reason,
      });
      return r.state === 'transferred' ? '已转出，留言人可查看转办说明。' : '已转办，待对方签收。';
    }
    case 'reply': {
      const r = await replyMessage(ctx, { messageId: id, replyPublic: b.replyPublic, replyPrivate: b.replyPrivate });
      return r.onTime ? '已答复。' : '已答复（已超过答复期限）。';
    }
    case 'extend': {
      const r = await extendMessage(ctx, { messageId: id, days: b.days ?? 0, reason: b.reason });
      return `已延期，新的答复期限为 ${r.dueOn}。`;
    }
    case 'close':
      await closeMessage(ctx, { messageId: id });
      return '已办结。';
    case 'moderate':
      await moderateMessage(ctx, { messageId: id, decision: b.decision, note: b.note });
      return '审核完成。';
    case 'publish':
    case 'unpublish':
      await publishQa(ctx, { messageId: id, publish: action === 'publish' });
      return action === 'publish' ? '已发布到公开问答。' : '已撤下。';
  }
}

/** A refused post of one action form: its fields show what was typed and their errors. */
export interface PostedMessageAction {
  action: string;
  values: Record<string, unknown>;
  errors: FieldError[];
}

/** The id prefix of an action form's fields: 转办 and 延期 both have a 理由 (`reason`). */
export const messageActionIdPrefix = (action: string): string => `m-${action}`;

function ActionForm({
  id,
  action,
  title,
  csrf,
  children,
  button,
  posted,
}: {
  id: number;
  action: string;
  title: string;
  csrf: string;
  children?: ComponentChildren;
  button: string;
  posted?: PostedMessageAction;
}) {
  const mine = posted?.action === action ? posted : undefined;
  return (
    <section class="action" id={`act-${action}`}>
      <h3>{title}</h3>
      <form method="post" action={`/console/messages/${id}/${action}`}>
        <CsrfField token={csrf} />
        <FormStateContext.Provider
          value={{ values: mine?.values, errors: mine?.errors, idPrefix: messageActionIdPrefix(action) }}
        >
          {children}
        </FormStateContext.Provider>
        <button type="submit">{button}</button>
      </form>
    </section>
  );
}

/** The forms the actor may use on the message in its state. */
export function MessageActions(p: {
  m: MessageWithOrg;
  actor: Ctx['actor'];
  csrf: string;
  handlers: Array<[string, string]>;
  orgs: Array<[string, string]>;
  posted?: PostedMessageAction;
}) {
  const { m, csrf, posted } = p;
  const handle = canHandleMessages(p.actor, m.org_path);
  const publish = canPublish(p.actor, m.org_path);
  const out: ComponentChildren[] = [];
  if (handle && canDo(m.state, 'accept'))
    out.push(<ActionForm posted={posted} id={m.id} action="accept" title="签收" csrf={csrf} button="签收" />);
  if (handle && canDo(m.state, 'assign'))
    out.push(
      <ActionForm posted={posted} id={m.id} action="assign" title="分派" csrf={csrf} button="分派">
        <SelectField
          name="handlerId"
          label="承办人"
          required
          options={p.handlers}
          placeholder="请选择"
          value={m.handler_id ? String(m.handler_id) : ''}
        />
      </ActionForm>,
    );
  if (handle && canDo(m.state, 'reply'))
    out.push(
      <ActionForm posted={posted} id={m.id} action="reply" title="答复" csrf={csrf} button="提交答复">
        <TextArea name="replyPublic" label="答复内容（留言人可见，经同意可公开）" required rows={6} />
        <TextArea name="replyPrivate" label="不公开部分（仅留言人可见的个人事项，可不填）" rows={3} />
      </ActionForm>,
    );
  if (handle && canDo(m.state, 'transfer'))
    out.push(
      <ActionForm posted={posted} id={m.id} action="transfer" title="转办" csrf={csrf} button="转办">
        <SelectField
          name="targetOrgId"
          label="转至本平台机关或部门"
          options={p.orgs.filter(([v]) => v !== String(m.org_id))}
          placeholder="（平台外单位请在下方填写）"
        />
        <TextField name="targetName" label="或平台外承办单位" hint="如 12345 热线、信访部门。转出后本平台办结。" />
        <TextArea name="reason" label="转办理由" required rows={2} />
      </ActionForm>,
    );
  if (handle && canDo(m.state, 'extend') && !m.extended_days)
    out.push(
      <ActionForm posted={posted} id={m.id} action="extend" title="延期答复" csrf={csrf} button="延期">
        <TextField name="days" label="延长工作日数" required inputmode="numeric" />
        <TextArea name="reason" label="延期理由" required rows={2} />
      </ActionForm>,
    );
  if (handle && canDo(m.state, 'close'))
    out.push(<ActionForm posted={posted} id={m.id} action="close" title="办结" csrf={csrf} button="办结" />);
  if (publish && m.held_for_moderation)
    out.push(
      <ActionForm posted={posted} id={m.id} action="moderate" title="敏感词审核" csrf={csrf} button="提交审核">
        <SelectField
          name="decision"
          label="审核结果"
          required
          options={[
            ['release', '通过（可答复、可公开）'],
            ['reject', '不予受理（不计入统计，不公开）'],
          ]}
          placeholder="请选择"
        />
        <TextField name="note" label="理由" />
      </ActionForm>,
    );
  if (publish && !m.published && !publishBlocker(m))
    out.push(
      <ActionForm posted={posted} id={m.id} action="publish" title="公开问答" csrf={csrf} button="发布到公开问答" />,
    );
  if (publish && m.published)
    out.push(
      <ActionForm posted={posted} id={m.id} action="unpublish" title="公开问答" csrf={csrf} button="撤下公开问答" />,
    );
  return out.length ? <div class="message-actions">{out}</div> : <p class="muted">当前没有可执行的操作。</p>;
}
