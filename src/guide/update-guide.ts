import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { tx } from '../platform/tx.js';
import { can, getOrg } from '../orgs/index.js';
import { validateGuide, type GuideText } from './guide.rules.js';
import { getGuideRow } from './guide.store.js';

/** The agency administrator edits the agency's 政府信息公开指南 (条例第十二条). */
export async function updateGuide(ctx: Ctx, orgId: number, g: GuideText): Promise<void> {
  await tx(ctx, async (trx) => {
    // Authorize before validating: errors about another agency's guide must not reveal it.
    const org = await getOrg(trx, orgId);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (!can(ctx.actor, 'org.manage', org.path)) throw forbidden();
    const errors = validateGuide(g);
    if (errors.length) throw invalidFields(errors);
    const now = ctx.now().toISOString();
    const values = {
      classification: g.classification.trim(),
      arrangement: g.arrangement.trim(),
      how_to_obtain: g.howToObtain.trim(),
      request_procedure: g.requestProcedure.trim(),
      supervision: g.supervision.trim(),
      updated_at: now,
      updated_by: ctx.actor.userId,
    };
    if (await getGuideRow(trx, orgId))
      await trx.updateTable('guides').set(values).where('org_id', '=', orgId).execute();
    else
      await trx
        .insertInto('guides')
        .values({ org_id: orgId, ...values })
        .execute();
    await bumpPublicVersion(trx, ctx);
    await writeAudit(trx, ctx, {
      action: 'guide.update',
      subjectType: 'org',
      subjectId: orgId,
      orgId,
      summary: `修改「${org.name}」政府信息公开指南`,
    });
  });
}
