import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { validateChannel, validateMessage, type MessageInput } from './message-input.rules.js';
import { MESSAGE_CHANNELS, MESSAGE_TYPES } from './message-states.rules.js';
import { canHandleMessages, HANDLE_ROLES } from './interaction.policy.rules.js';
import { nameRequiredFor, orgPathOf, readInteractionSettings } from './interaction-settings.js';
import { authorizeAgencyFirst, insertNewMessage, messageOrg } from './new-message.js';
import { pastDate } from './message-support.js';

/** Staff registration of a hotline transfer (phone) or a written transfer (letter). */
export interface RegisterMessageInput extends MessageInput {
  orgId?: number;
  channel?: string;
  receivedOn?: string;
}

/**
 * A message handler registers a telephone call or a letter; the reply limit follows the channel
 * (3 / 7 working days by default). The registering handler becomes its handler. The caller's phone
 * is never written to the audit log.
 */
export async function registerMessage(
  ctx: Ctx,
  input: RegisterMessageInput,
): Promise<{ id: number; messageNo: string; queryCode: string; dueOn: string }> {
  const refusal = () => forbidden('message_forbidden', '您没有登记该机关留言的权限。');
  await authorizeAgencyFirst(ctx, input.orgId, canHandleMessages, HANDLE_ROLES, refusal);
  const settings = await readInteractionSettings(ctx.db);
  const { fields, errors } = validateMessage(input, {
    nameRequired: nameRequiredFor(settings, await orgPathOf(ctx.db, input.orgId)),
  });
  const ch = validateChannel(input.channel);
  errors.push(...ch.errors);
  if (!input.orgId) errors.unshift({ code: 'org_required', message: '请选择受理留言的机关。', field: 'orgId' });
  if (!fields || !ch.channel || errors.length) throw invalidFields(errors);
  const channel = ch.channel;
  const receivedOn = pastDate(ctx, input.receivedOn, 'receivedOn');
  return tx(ctx, async (trx) => {
    const org = await messageOrg(trx, input.orgId);
    if (!canHandleMessages(ctx.actor, org.path)) throw refusal();
    const m = await insertNewMessage(trx, ctx, settings, fields, {
      orgId: org.id,
      channel,
      receivedOn,
      handlerId: ctx.actor.userId,
    });
    await writeAudit(trx, ctx, {
      action: 'message.register',
      subjectType: 'message',
      subjectId: m.id,
      orgId: org.id,
      summary: `登记${MESSAGE_CHANNELS[channel]}${MESSAGE_TYPES[fields.type]} ${m.messageNo}（${org.name}），${receivedOn} 收到，答复期限 ${m.dueOn}`,
    });
    return { id: m.id, messageNo: m.messageNo, queryCode: m.queryCode, dueOn: m.dueOn };
  });
}
