import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { getOrg } from '../orgs/index.js';
import { outcomeText } from './outcomes.rules.js';
import { TEMPLATE_CODES, validateTemplate } from './letter-templates.rules.js';
import { canApproveExtension } from './requests.policy.rules.js';
import { putAgencyTemplate } from './letter-templates.store.js';

/** The agency whose templates an actor edits: an agency (not a section) where the actor is request_admin. */
export async function templateAgency(ctx: Pick<Ctx, 'db' | 'actor'>, orgId: number, code: string) {
  if (!TEMPLATE_CODES.includes(code)) throw notFound('template_not_found', '没有这一办理结果的文书模板。');
  const org = await getOrg(ctx.db, orgId);
  if (!org || org.kind === 'section') throw notFound('org_not_found', '机关不存在。');
  if (!canApproveExtension(ctx.actor, org.path))
    throw forbidden('request_forbidden', '只有本机关依申请公开负责人可以修改答复文书模板。');
  return org;
}

/**
 * Saves the agency's answer-letter template of one outcome (条例第三十六条). Unknown placeholders,
 * unbalanced braces, a missing {答复正文} are refused; the remedies paragraph (第五十一条) is not
 * editable and is always rendered. Letters already answered keep the template they were sent with.
 */
export async function saveLetterTemplate(
  ctx: Ctx,
  input: { orgId: number; code: string; title?: string; body?: string },
): Promise<void> {
  const org = await templateAgency(ctx, input.orgId, input.code);
  const { template, errors } = validateTemplate(input);
  if (errors.length) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    await putAgencyTemplate(trx, org.id, input.code, template, ctx.now().toISOString(), ctx.actor.userId);
    await writeAudit(trx, ctx, {
      action: 'request.letter_template_save',
      subjectType: 'letter_template',
      subjectId: `${org.id}:${input.code}`,
      orgId: org.id,
      summary: `${org.name}修改答复文书模板：${outcomeText(input.code)}（${template.title}，${template.body.length}字）`,
    });
  });
}
