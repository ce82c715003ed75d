import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { validateApplication, type ApplicationInput } from './applicant.rules.js';
import { isChannel } from './clock/clock-input.rules.js';
import { CHANNELS } from './clock/clock-explain.rules.js';
import { appendEvent, eventDate, recomputeDue } from './case-support.js';
import { insertCase, requestableOrg } from './new-case.js';
import { canHandleRequests } from './requests.policy.rules.js';
import { getRequest, updateRequest } from './requests.store.js';

/** Input of a staff registration: the form, the agency, the channel and the receipt date. */
export interface RegisterInput extends ApplicationInput {
  orgId?: number;
  channel: string;
  receivedOn?: string;
}

/**
 * Staff register an application that arrived in person, by post, fax, email or orally
 * (条例第二十九条、第三十一条). The receipt date follows the channel's rule and starts the clock.
 */
export async function registerRequest(ctx: Ctx, input: RegisterInput): Promise<{ id: number; requestNo: string; queryCode: string; dueOn: string | null }> {
  const { fields, errors } = validateApplication(input);
  if (!input.orgId) errors.unshift({ code: 'org_required', message: '请选择受理申请的行政机关。', field: 'orgId' });
  if (!isChannel(input.channel) || input.channel === 'online') {
    errors.push({ code: 'channel_invalid', message: '请选择申请渠道（网上提交的申请请在列表中确认收到）。', field: 'channel' });
  }
  let receivedOn = '';
  try {
    receivedOn = eventDate(ctx, input.receivedOn, 'receivedOn');
  } catch (e) {
    errors.push(...(e as { errors: typeof errors }).errors);
  }
  if (!fields || errors.length || !isChannel(input.channel)) throw invalidFields(errors);
  const channel = input.channel;
  return tx(ctx, async (trx) => {
    const org = await requestableOrg(trx, input.orgId);
    if (!canHandleRequests(ctx.actor, org.path)) throw forbidden('request_forbidden', '您没有登记该机关依申请公开申请的权限。');
    const created = await insertCase(trx, ctx, fields, { orgId: org.id, channel, receivedOn, state: 'processing' });
    await appendEvent(trx, ctx, created.id, { type: 'received', on: receivedOn, payload: { channel, rule: CHANNELS[channel].receiptRule } });
    const r = (await getRequest(trx, created.id))!;
    const { dueOn } = await recomputeDue(trx, ctx, r);
    await updateRequest(trx, created.id, { due_on: dueOn });
    await writeAudit(trx, ctx, {
      action: 'request.register',
      subjectType: 'request',
      subjectId: created.id,
      orgId: org.id,
      summary: `登记政府信息公开申请 ${created.requestNo}（${CHANNELS[channel].label}，${receivedOn} 收到），答复期限 ${dueOn ?? '待定'}`,
    });
    return { ...created, dueOn };
  });
}
