import type { Ctx } from '../platform/context.js';
import { invalid, invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { ID_PROOF_FIELD } from './identity-proof.rules.js';
import {
  checkUploadedProofs,
  listIdProofs,
  recordProofs,
  storeProofBlobs,
  type UploadedProof,
} from './identity-proofs.js';
import { loadCase } from './case-support.js';

/** Most proofs one case keeps (a few uploads of up to `ID_PROOF_MAX_FILES` files each). */
export const ID_PROOFS_PER_CASE = 6;

/**
 * Adds identity proofs to an existing case (条例第二十九条: 身份证明 handed in after the application,
 * e.g. with a correction). The same access as seeing them: the case's handler or the agency's
 * request_admin (`loadCase` 'work'); the same checks as at intake (type by content, size, count).
 */
export async function addIdProofs(
  ctx: Ctx,
  input: { requestId: number; files: readonly UploadedProof[] },
): Promise<{ added: number }> {
  const r = await loadCase(ctx.db, ctx, input.requestId, 'work');
  if (!input.files.length) throw invalid('id_proof_required', '请选择要上传的身份证明文件。', ID_PROOF_FIELD);
  const { proofs, errors } = await checkUploadedProofs(ctx.db, input.files);
  if (errors.length) throw invalidFields(errors);
  const existing = (await listIdProofs(ctx.db, r.id)).length;
  if (existing + proofs.length > ID_PROOFS_PER_CASE) {
    throw invalid(
      'id_proof_too_many',
      `每件申请最多保存 ${ID_PROOFS_PER_CASE} 个身份证明文件（已有 ${existing} 个）。`,
      ID_PROOF_FIELD,
    );
  }
  await storeProofBlobs(ctx.config.blobDir, proofs);
  await tx(ctx, async (trx) => {
    await loadCase(trx, ctx, r.id, 'work');
    await recordProofs(trx, ctx, r.id, proofs);
    await writeAudit(trx, ctx, {
      action: 'request.id_proof_add',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 补充身份证明文件 ${proofs.length} 个`,
    });
  });
  return { added: proofs.length };
}
