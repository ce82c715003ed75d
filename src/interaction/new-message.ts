/** Inserting a new message (shared by the portal submission and staff registration). */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { invalid, type AppError } from '../platform/errors.js';
import { authorizeOrgFirst, rolesAllow } from '../orgs/index.js';
import type { Actor } from '../platform/context.js';
import { nextCounter } from '../platform/tx.js';
import { hashQueryCode, newQueryCode } from '../requests/index.js';
import type { MessageChannel } from './message-states.rules.js';
import type { MessageFields } from './message-input.rules.js';
import { formatMessageNo } from './message-input.rules.js';
import { replyDueOn } from './reply-deadline.rules.js';
import { findSensitiveWords } from './sensitive-words.rules.js';
import { interactionCalendar, type InteractionSettings } from './interaction-settings.js';
import { insertMessage } from './messages.store.js';
import { appendMessageEvent } from './message-support.js';
import { provisionalNoteFor } from '../calendar/index.js';

/**
 * The agency (or the jurisdiction's government) a message is addressed to: an enabled org. It is always
 * chosen from a list in a form, so any other id is the error of that field (`field`).
 */
export async function messageOrg(
  trx: Db,
  orgId: number | undefined,
  field = 'orgId',
): Promise<{ id: number; name: string; path: string }> {
  const org = orgId
    ? await trx
        .selectFrom('orgs')
        .select(['id', 'name', 'path', 'disabled', 'kind'])
        .where('id', '=', orgId)
        .executeTakeFirst()
    : undefined;
  // An internal section (内设机构) is never the 受理机关 of a message: its agency is.
  if (!org || org.disabled || org.kind === 'section')
    throw invalid('org_not_found', '请从列表中选择受理留言的机关。', field);
  return org;
}

/**
 * Authorize before validating a staff form about an agency (issue 16): the agency named must be one the actor
 * may act for; with none named yet, the actor must hold one of the roles somewhere. Only then are the fields
 * checked, so a user without the right never gets the form back with errors.
 */
export async function authorizeAgencyFirst(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  orgId: number | undefined,
  may: (actor: Actor, orgPath: string) => boolean,
  roles: readonly string[],
  refusal: () => AppError,
): Promise<void> {
  if (!orgId) {
    if (!rolesAllow(ctx.actor, roles)) throw refusal();
    return;
  }
  await authorizeOrgFirst(ctx, orgId, may, refusal);
}

/** Inserts the message with its number, hashed 查询码, due date and moderation hold; returns the code once. */
export async function insertNewMessage(
  trx: Db,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  settings: InteractionSettings,
  f: MessageFields,
  o: { orgId: number; channel: MessageChannel; receivedOn: string; handlerId?: number | null },
): Promise<{ id: number; messageNo: string; queryCode: string; dueOn: string; dueNote: string | null; held: boolean }> {
  const year = Number(o.receivedOn.slice(0, 4));
  const messageNo = formatMessageNo(year, await nextCounter(trx, `message:${year}`));
  const queryCode = newQueryCode();
  const cal = await interactionCalendar(trx);
  const dueOn = replyDueOn(cal, settings.replyLimits, { type: f.type, channel: o.channel, receivedOn: o.receivedOn });
  const words = findSensitiveWords(`${f.subject}\n${f.content}`, settings.sensitiveWords);
  const now = ctx.now().toISOString();
  const id = await insertMessage(trx, {
    org_id: o.orgId,
    message_no: messageNo,
    query_code_hash: hashQueryCode(queryCode),
    type: f.type,
    subject: f.subject,
    content: f.content,
    name: f.name,
    phone: f.phone,
    email: f.email,
    address: f.address,
    publish_consent: f.publishConsent ? 1 : 0,
    channel: o.channel,
    received_on: o.receivedOn,
    due_on: dueOn,
    extended_days: 0,
    extension_reason: null,
    state: 'received',
    handler_id: o.handlerId ?? null,
    reply_public: null,
    reply_private: null,
    replied_on: null,
    rating: null,
    rating_reason: null,
    reopened: 0,
    held_for_moderation: words.length ? 1 : 0,
    held_words: words.length ? JSON.stringify(words) : null,
    rejected: 0,
    published: 0,
    created_at: now,
    updated_at: now,
  });
  await appendMessageEvent(trx, ctx, id, { type: 'received', payload: { channel: o.channel, dueOn } });
  return { id, messageNo, queryCode, dueOn, dueNote: provisionalNoteFor(cal, dueOn), held: words.length > 0 };
}
