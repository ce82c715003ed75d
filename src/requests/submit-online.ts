import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { validateApplication, type ApplicationInput } from './applicant.rules.js';
import { appendEvent } from './case-support.js';
import { insertCase, requestableOrg } from './new-case.js';
import { queueMail } from '../platform/mail/mail.js';
import { checkUploadedProofs, recordProofs, storeProofBlobs, type UploadedProof } from './identity-proofs.js';

/** Input of an online application: the form, the agency asked and the optional identity proofs (REFERENCE §5.6). */
export interface SubmitOnlineInput extends ApplicationInput {
  orgId?: number;
  idProofs?: UploadedProof[];
  /** The form page it was sent from: sent again, it is refused (`duplicate_submission`). */
  formKey?: string;
}

/**
 * An applicant submits online (portal). The case waits for the agency's confirmation: under
 * 条例第三十一条 the receipt date of an internet submission is the day both sides confirm, so the
 * clock does not start yet. Returns the 申请编号 and the 查询码 (shown once).
 */
export async function submitOnline(
  ctx: Ctx,
  input: SubmitOnlineInput,
): Promise<{ id: number; requestNo: string; queryCode: string }> {
  const { fields, errors } = validateApplication(input);
  if (!input.orgId) errors.unshift({ code: 'org_required', message: '请选择受理申请的行政机关。', field: 'orgId' });
  const { proofs, errors: proofErrors } = await checkUploadedProofs(ctx.db, input.idProofs);
  errors.push(...proofErrors);
  if (!fields || errors.length) throw invalidFields(errors);
  await storeProofBlobs(ctx.config.blobDir, proofs);
  return tx(ctx, async (trx) => {
    const org = await requestableOrg(trx, input.orgId, 'orgId');
    const created = await insertCase(trx, ctx, fields, {
      orgId: org.id,
      channel: 'online',
      receivedOn: null,
      state: 'submitted',
      formKey: input.formKey,
    });
    await recordProofs(trx, ctx, created.id, proofs);
    await appendEvent(trx, ctx, created.id, { type: 'submitted', on: today(ctx), payload: {} });
    // Receipt by email where given: the 申请编号 only; the 查询码 is shown once on the receipt page and never stored in clear.
    if (fields.email) {
      await queueMail(trx, ctx, {
        to: fields.email,
        subject: `政府信息公开申请已提交（${created.requestNo}）`,
        body: `您向${org.name}提交的政府信息公开申请已收到，申请编号：${created.requestNo}。\n受理机关确认收到后开始计算答复期限（条例第三十一条、第三十三条）。凭申请编号和提交时显示的查询码可在 ${ctx.config.publicUrl}/ysqgk/status 查询办理进度。`,
        orgId: org.id,
        related: { type: 'request', id: created.id },
      });
    }
    await writeAudit(trx, ctx, {
      action: 'request.submit',
      subjectType: 'request',
      subjectId: created.id,
      orgId: org.id,
      summary: `网上提交政府信息公开申请 ${created.requestNo}（${org.name}）${proofs.length ? `，附身份证明 ${proofs.length} 个文件` : ''}，待确认收到`,
    });
    return created;
  });
}
