import type { Ctx } from '../platform/context.js';
import { forbidden, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isSysadmin } from '../orgs/index.js';
import { ID_PROOF_MB_RANGE } from './identity-proof.rules.js';
import { ID_PROOF_LIMIT_KEY } from './identity-proofs.js';

/** Sets the size limit of identity-proof files (system administrators; 1–20 MB, never above the server's upload limit). */
export async function setIdProofLimit(ctx: Ctx, mb: number): Promise<void> {
  if (ctx.actor.kind !== 'system' && !isSysadmin(ctx.actor)) throw forbidden();
  const serverMb = Math.floor(ctx.config.limits.uploadBytes / 1048576);
  const max = Math.min(ID_PROOF_MB_RANGE.max, serverMb);
  if (!Number.isInteger(mb) || mb < ID_PROOF_MB_RANGE.min || mb > max) {
    throw invalid(
      'id_proof_limit_invalid',
      `身份证明文件大小限制应为${ID_PROOF_MB_RANGE.min}至${max}之间的整数（MB）${max < ID_PROOF_MB_RANGE.max ? `，服务器上传限制为 ${serverMb} MB` : ''}。`,
      'idProofMb',
    );
  }
  await tx(ctx, async (trx) => {
    const at = ctx.now().toISOString();
    await trx
      .insertInto('settings')
      .values({ key: ID_PROOF_LIMIT_KEY, value: String(mb), updated_at: at, updated_by: ctx.actor.userId })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: String(mb), updated_at: at, updated_by: ctx.actor.userId }),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: 'request.id_proof_limit_set',
      subjectType: 'setting',
      subjectId: ID_PROOF_LIMIT_KEY,
      summary: `身份证明文件大小限制设为每个 ${mb} MB`,
    });
  });
}
