/** A staff member's own choice of how to receive the daily work digest (stored per user, audited). */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { forbidden } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { readSetting, writeSetting } from '../platform/settings.store.js';
import { DIGEST_CHOICES, parseDigestChoice, type DigestChoice } from './digest-prefs.rules.js';

const key = (userId: number): string => `desk.digest.${userId}`;

export async function getDigestChoice(db: Db, userId: number): Promise<DigestChoice> {
  return parseDigestChoice(await readSetting(db, key(userId)));
}

/** Saves the signed-in person's own choice (nobody sets another's). */
export async function saveDigestChoice(ctx: Ctx, choice: DigestChoice): Promise<void> {
  const userId = ctx.actor.userId;
  if (ctx.actor.kind !== 'user' || !userId) throw forbidden();
  await tx(ctx, async (trx) => {
    await writeSetting(trx, key(userId), choice, ctx.now().toISOString(), userId);
    await writeAudit(trx, ctx, {
      action: 'user.digest_prefs',
      subjectType: 'user',
      subjectId: userId,
      summary: `每日工作摘要：${DIGEST_CHOICES[choice]}`,
    });
  });
}
