/**
 * A second person (the agency's 依申请公开负责人, who neither attached nor redacted any of the documents)
 * approves the release package; the applicant may then download it from the status page until the end
 * of the agency's download period.
 */
import { today } from '../../platform/context.js';
import type { Ctx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { readSetting } from '../../platform/settings.store.js';
import { tx } from '../../platform/tx.js';
import { loadCase } from '../case-support.js';
import { availableUntil, checkApproval, releaseDays, releaseDaysKey } from './release.rules.js';
import { listReleaseDocuments } from './release.store.js';

export async function approveRelease(ctx: Ctx, input: { requestId: number }): Promise<{ availableUntil: string }> {
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'approve');
    const docs = await listReleaseDocuments(trx, r.id);
    checkApproval(docs, ctx.actor.userId ?? -1);
    const until = availableUntil(today(ctx), releaseDays(await readSetting(trx, releaseDaysKey(r.org_id))));
    const row = { approved_at: ctx.now().toISOString(), approved_by: ctx.actor.userId!, available_until: until };
    await trx
      .insertInto('request_releases')
      .values({ request_id: r.id, ...row })
      .onConflict((oc) => oc.column('request_id').doUpdateSet(row))
      .execute();
    await writeAudit(trx, ctx, {
      action: 'request.release.approve',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `审核通过申请 ${r.request_no} 的提供材料（${docs.length} 个文件），申请人可下载至 ${until}`,
    });
    return { availableUntil: until };
  });
}
