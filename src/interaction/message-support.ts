/** Shared steps of the message use-cases: load with the policy check, history events, dates. */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { forbidden, invalid, notFound } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { maskPhone } from '../orgs/index.js';
import { canHandleMessages, canPublish, canViewMessages } from './interaction.policy.rules.js';
import { maskName } from './sensitive-words.rules.js';
import { getMessage, insertMessageEvent, type MessageWithOrg } from './messages.store.js';

/** What the actor needs on the message. */
export type MessageNeed = 'view' | 'handle' | 'publish';

/** Loads a message and checks the policy. */
export async function loadMessage(
  db: Db,
  ctx: Pick<Ctx, 'actor'>,
  id: number,
  need: MessageNeed,
): Promise<MessageWithOrg> {
  const m = await getMessage(db, id);
  if (!m) throw notFound('message_not_found', '留言不存在。');
  const ok =
    need === 'view'
      ? canViewMessages(ctx.actor, m.org_path)
      : need === 'handle'
        ? canHandleMessages(ctx.actor, m.org_path)
        : canPublish(ctx.actor, m.org_path);
  if (!ok)
    throw forbidden(
      'message_forbidden',
      need === 'view' ? '您没有查看该机关留言的权限。' : '您没有办理该机关留言的权限。',
    );
  return m;
}

/** Today's date (Asia/Shanghai) of the context's clock. */
import { today } from '../platform/context.js';
export { today };

/** A past or present date (defaults to today). */
export function pastDate(ctx: Pick<Ctx, 'now'>, on: string | undefined, field: string): string {
  const t = today(ctx);
  const v = (on ?? '').trim() || t;
  if (!isValidIsoDate(v)) throw invalid('invalid_date', '日期应为“年-月-日”格式的真实日期，例如 2025-10-30。', field);
  if (v > t) throw invalid('date_in_future', `日期 ${v} 晚于今天（${t}）。`, field);
  return v;
}

/** Appends a history event recorded by the context's actor. */
export async function appendMessageEvent(
  trx: Db,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  messageId: number,
  e: { type: string; payload?: Record<string, unknown>; public?: boolean },
): Promise<void> {
  await insertMessageEvent(trx, {
    message_id: messageId,
    type: e.type,
    event_on: today(ctx),
    payload: JSON.stringify(e.payload ?? {}),
    public: e.public === false ? 0 : 1,
    actor_id: ctx.actor.userId,
    actor_label: ctx.actor.kind === 'public' ? '留言人' : ctx.actor.label,
    created_at: ctx.now().toISOString(),
  });
}

/** The message with contact details masked (for lists, the API, and staff outside the case). */
export function maskMessage<T extends Pick<MessageWithOrg, 'name' | 'phone' | 'email' | 'address'>>(m: T): T {
  return {
    ...m,
    name: m.name ? maskName(m.name) : null,
    phone: m.phone ? maskPhone(m.phone) : null,
    email: m.email ? m.email.replace(/^(.).*(@.*)$/, '$1***$2') : null,
    address: m.address ? '***' : null,
  };
}

/** A required positive integer id. */
export function requireId(v: unknown, field: string, label: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw invalid('id_required', `请选择${label}。`, field);
  return v;
}
