import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { rolesAllow } from '../orgs/index.js';
import { ALERT_KINDS, isAlertKind, type AlertKind } from './alerts.rules.js';
import { DASHBOARD_ROLES } from './build-dashboard.js';

/** Saves which daily alerts the signed-in user receives, and whether by email too. */
export async function saveAlertPrefs(ctx: Ctx, input: { kinds: string[]; email: boolean }): Promise<AlertKind[]> {
  if (ctx.actor.kind !== 'user' || ctx.actor.userId === null || !rolesAllow(ctx.actor, DASHBOARD_ROLES))
    throw forbidden();
  const bad = input.kinds.filter((k) => !isAlertKind(k));
  if (bad.length) throw invalidFields([{ code: 'alert_kind_invalid', message: '提醒类型无效。', field: 'kinds' }]);
  const kinds = [...new Set(input.kinds)] as AlertKind[];
  const userId = ctx.actor.userId;
  return tx(ctx, async (trx) => {
    const now = ctx.now().toISOString();
    const value = JSON.stringify(kinds);
    await trx
      .insertInto('supervision_alert_prefs')
      .values({ user_id: userId, kinds: value, email: input.email ? 1 : 0, updated_at: now })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ kinds: value, email: input.email ? 1 : 0, updated_at: now }),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: 'supervision.alerts.prefs',
      subjectType: 'user',
      subjectId: userId,
      summary: `设置每日提醒：${kinds.length ? kinds.map((k) => ALERT_KINDS[k].split('：')[0].split('（')[0]).join('、') : '不接收'}${input.email ? '，同时发送邮件' : '，仅站内通知'}`,
    });
    return kinds;
  });
}
