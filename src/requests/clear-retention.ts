import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isSysadmin } from '../orgs/index.js';
import { RETENTION_KEY } from './retention.js';

/** Clears the retention period (system administrators): applicants' personal data is kept until it is set again. */
export async function clearRetentionYears(ctx: Ctx): Promise<void> {
  if (ctx.actor.kind !== 'system' && !isSysadmin(ctx.actor)) throw forbidden();
  await tx(ctx, async (trx) => {
    await trx.deleteFrom('settings').where('key', '=', RETENTION_KEY).execute();
    await writeAudit(trx, ctx, {
      action: 'request.retention_clear',
      subjectType: 'setting',
      subjectId: RETENTION_KEY,
      summary: '取消依申请公开申请人个人信息保存年限（不再自动删除）',
    });
  });
}
