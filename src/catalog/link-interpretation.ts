import type { Ctx } from '../platform/context.js';
import { forbidden, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { rolesAllow } from '../orgs/index.js';
import { deleteLink, insertLink } from './catalog.store.js';
import { loadItem } from './item-transition.js';

/** Roles that may link a 政策解读 to the document it explains. */
export const LINKERS = ['editor', 'approver', 'agency_admin'] as const;

/** Links (or unlinks) a 政策解读 item to the policy document it explains; both public pages show the link. */
export async function linkInterpretation(
  ctx: Ctx,
  input: { interpretationId: number; documentId: number; unlink?: boolean },
): Promise<void> {
  // Authorize before validating: the interpretation's agency first.
  const first = await loadItem(ctx.db, input.interpretationId);
  if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, LINKERS, first.org_path)) throw forbidden();
  if (input.interpretationId === input.documentId) throw invalid('link_self', '政策解读不能关联自身。', 'documentId');
  await tx(ctx, async (trx) => {
    const interp = await loadItem(trx, input.interpretationId);
    const doc = await loadItem(trx, input.documentId);
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, LINKERS, interp.org_path)) throw forbidden();
    if (input.unlink) await deleteLink(trx, interp.id, doc.id);
    else await insertLink(trx, interp.id, doc.id, ctx.now().toISOString());
    await bumpPublicVersion(trx, ctx); // public pages show it (page cache, Last-Modified)
    await writeAudit(trx, ctx, {
      action: input.unlink ? 'item.unlink_interpretation' : 'item.link_interpretation',
      subjectType: 'item',
      subjectId: interp.id,
      orgId: interp.org_id,
      summary: `${input.unlink ? '取消关联' : '关联'}政策解读「${interp.title}」→ 文件「${doc.title}」（${doc.index_no}）`,
    });
  });
}
