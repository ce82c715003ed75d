import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import {
  validateCc,
  validateNumberPattern,
  validateRemedyBodies,
  type LetterSettings,
} from './letter-numbers.rules.js';
import { putLetterSettings } from './letter-numbers.store.js';
import { templateAgency } from './save-letter-template.js';

/**
 * Saves the agency's letter settings (request_admin of the agency): the 发文字号 pattern (GB/T 9704-2012
 * 7.2.4, e.g. `示政公开〔{year}〕{n}号`; empty for none) and the 抄送机关 of answer letters. Letters already
 * issued keep the number and 抄送 they were issued with; the serial counts on per agency and year.
 */
export async function saveLetterSettings(
  ctx: Ctx,
  input: { orgId: number; numberPattern?: string; cc?: string; reviewBody?: string; court?: string },
): Promise<LetterSettings> {
  const org = await templateAgency(ctx, input.orgId, '1');
  const p = validateNumberPattern(input.numberPattern ?? '');
  const c = validateCc(input.cc ?? '');
  const b = validateRemedyBodies(input);
  if (p.errors.length || c.errors.length || b.errors.length)
    throw invalidFields([...p.errors, ...c.errors, ...b.errors]);
  const settings: LetterSettings = { numberPattern: p.pattern, cc: c.cc, reviewBody: b.reviewBody, court: b.court };
  await tx(ctx, async (trx) => {
    await putLetterSettings(trx, org.id, settings, ctx.now().toISOString(), ctx.actor.userId);
    await writeAudit(trx, ctx, {
      action: 'request.letter_settings',
      subjectType: 'setting',
      subjectId: `requests.letter_settings.${org.id}`,
      orgId: org.id,
      summary: `${org.name}文书设置：发文字号格式 ${settings.numberPattern || '（不编号）'}；抄送 ${settings.cc.join('、') || '（无）'}；复议机关 ${settings.reviewBody || '（未设置）'}；人民法院 ${settings.court || '（未设置）'}`,
    });
  });
  return settings;
}
