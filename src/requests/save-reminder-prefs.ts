import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { forbidden, invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { readSetting, writeSetting } from '../platform/settings.store.js';
import { parseReminderPrefs, validateReminderPrefs, type ReminderPrefs } from './reminder-prefs.rules.js';

const key = (userId: number): string => `requests.reminder_prefs.${userId}`;

/** A person's choice of how to hear of due and overdue requests. */
export async function getReminderPrefs(db: Db, userId: number): Promise<ReminderPrefs> {
  return parseReminderPrefs(await readSetting(db, key(userId)));
}

/** Saves the signed-in person's own choice (in-app and/or e-mail; not both off). */
export async function saveReminderPrefs(ctx: Ctx, p: ReminderPrefs): Promise<void> {
  const userId = ctx.actor.userId;
  if (ctx.actor.kind !== 'user' || !userId) throw forbidden();
  const errors = validateReminderPrefs(p);
  if (errors.length) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    await writeSetting(trx, key(userId), JSON.stringify(p), ctx.now().toISOString(), userId);
    await writeAudit(trx, ctx, {
      action: 'request.reminder_prefs',
      subjectType: 'user',
      subjectId: userId,
      summary: `依申请公开到期提醒方式：${[p.inApp ? '站内提醒' : '', p.email ? '电子邮件' : ''].filter(Boolean).join('、')}`,
    });
  });
}
