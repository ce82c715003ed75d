import type { Ctx } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { outcomeText } from './outcomes.rules.js';
import { deleteAgencyTemplate } from './letter-templates.store.js';
import { templateAgency } from './save-letter-template.js';

/** Resets the agency's template of one outcome to the built-in default (request_admin of the agency). */
export async function resetLetterTemplate(ctx: Ctx, input: { orgId: number; code: string }): Promise<void> {
  const org = await templateAgency(ctx, input.orgId, input.code);
  await tx(ctx, async (trx) => {
    if (!(await deleteAgencyTemplate(trx, org.id, input.code)))
      throw conflict('template_not_customised', '该模板未修改过，已是默认模板。');
    await writeAudit(trx, ctx, {
      action: 'request.letter_template_reset',
      subjectType: 'letter_template',
      subjectId: `${org.id}:${input.code}`,
      orgId: org.id,
      summary: `${org.name}将答复文书模板恢复为默认：${outcomeText(input.code)}`,
    });
  });
}
