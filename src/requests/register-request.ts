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
import { authorizeOrgFirst } from '../orgs/index.js';
import { getRequest, updateRequest } from './requests.store.js';
import { checkUploadedProofs, recordProofs, storeProofBlobs, type UploadedProof } from './identity-proofs.js';

/** Input of a staff registration: the form, the agency, the channel, the receipt date and optional identity proofs. */
export interface RegisterInput extends ApplicationInput {
  orgId?: number;
  channel: string;
  receivedOn?: string;
  idProofs?: UploadedProof[];
  /** The form page it was sent from: sent again, it is refused (`duplicate_submission`). */
  formKey?: string;
}

/**
 * Staff register an application that arrived in person, by post, fax, email or orally
 * (条例第二十九条、第三十一条). The receipt date follows the channel's rule and starts the clock.
 * An oral request (第二十九条) is only the office's record until the applicant confirms it: it waits
 * unconfirmed (`submitted`, no receipt date) and `receivedOn` is the day it was made orally.
 */
export async function registerRequest(
  ctx: Ctx,
  input: RegisterInput,
): Promise<{ id: number; requestNo: string; queryCode: string; dueOn: string | null }> {
  await authorizeOrgFirst(ctx, input.orgId, canHandleRequests); // before the fields
  const { fields, errors } = validateApplication(input);
  if (!input.orgId) errors.unshift({ code: 'org_required', message: '请选择受理申请的行政机关。', field: 'orgId' });
  if (!isChannel(input.channel) || input.channel === 'online') {
    errors.push({
      code: 'channel_invalid',
      message: '请选择申请渠道（网上提交的申请请在列表中确认收到）。',
      field: 'channel',
    });
  }
  let receivedOn = '';
  try {
    receivedOn = eventDate(ctx, input.receivedOn, 'receivedOn');
  } catch (e) {
    errors.push(...(e as { errors: typeof errors }).errors);
  }
  const { proofs, errors: proofErrors } = await checkUploadedProofs(ctx.db, input.idProofs);
  errors.push(...proofErrors);
  if (!fields || errors.length || !isChannel(input.channel)) throw invalidFields(errors);
  const channel = input.channel;
  const oral = channel === 'oral';
  const org = await requestableOrg(ctx.db, input.orgId, 'orgId');
  if (!canHandleRequests(ctx.actor, org.path))
    throw forbidden('request_forbidden', '您没有登记该机关依申请公开申请的权限。');
  await storeProofBlobs(ctx.config.blobDir, proofs);
  return tx(ctx, async (trx) => {
    const created = await insertCase(trx, ctx, fields, {
      orgId: org.id,
      channel,
      receivedOn: oral ? null : receivedOn,
      state: oral ? 'submitted' : 'processing',
      formKey: input.formKey,
    });
    await recordProofs(trx, ctx, created.id, proofs);
    let dueOn: string | null = null;
    if (oral) {
      await appendEvent(trx, ctx, created.id, { type: 'oral_recorded', on: receivedOn, payload: {} });
    } else {
      await appendEvent(trx, ctx, created.id, {
        type: 'received',
        on: receivedOn,
        payload: { channel, rule: CHANNELS[channel].receiptRule },
      });
      dueOn = (await recomputeDue(trx, ctx, (await getRequest(trx, created.id))!)).dueOn;
      await updateRequest(trx, created.id, { due_on: dueOn });
    }
    const proofNote = proofs.length ? `，附身份证明 ${proofs.length} 个文件` : '';
    await writeAudit(trx, ctx, {
      action: 'request.register',
      subjectType: 'request',
      subjectId: created.id,
      orgId: org.id,
      summary: oral
        ? `登记口头提出的政府信息公开申请 ${created.requestNo}（${receivedOn} 提出，代为填写${proofNote}），待申请人确认记录内容`
        : `登记政府信息公开申请 ${created.requestNo}（${CHANNELS[channel].label}，${receivedOn} 收到${proofNote}），答复期限 ${dueOn ?? '待定'}`,
    });
    return { ...created, dueOn };
  });
}
