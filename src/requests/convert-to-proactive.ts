import { systemActor, type Ctx, today } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { conflict, forbidden, invalid } from '../platform/errors.js';
import { notify } from '../platform/mail/mail.js';
import { proactiveMode } from './requests.policy.rules.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { createItem } from '../catalog/index.js';
import { appendEvent, loadCase } from './case-support.js';
import { listRequestEvents } from './requests.store.js';
import { outcomeByCode } from './outcomes.rules.js';

/**
 * 依申请转主动 (条例第四十四条): information provided on request that the public widely needs is
 * turned into a draft catalogue item of the agency (through the catalogue's own use-case and review
 * workflow). An editor of the agency creates the draft as its author; the case's handler or the
 * 依申请公开负责人 without the editor role hands it off: the draft is created for the agency (no author)
 * and the agency's editors get a notice to take it through review. The case records which item was created.
 */
export async function convertToProactive(
  ctx: Ctx,
  input: { requestId: number; title?: string; bodyHtml?: string },
): Promise<{ itemId: number; indexNo: string; handedOffTo: number | null }> {
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'view');
    const mode = proactiveMode(ctx.actor, r);
    if (!mode)
      throw forbidden('request_forbidden', '只有本机关的信息采编人员、本案办理人或依申请公开负责人可以依申请转主动。');
    if (r.state !== 'answered' || !outcomeByCode(r.outcome_code ?? '')?.provides) {
      throw conflict('not_disclosed', '只有已予以公开或部分公开的申请可以转为主动公开。');
    }
    if ((await listRequestEvents(trx, r.id)).some((e) => e.type === 'proactive_item_created')) {
      throw conflict('already_converted', '本申请已转为主动公开。');
    }
    const title = (input.title ?? '').trim() || r.info_title || '';
    if (!title) throw invalid('item_title_required', '请填写主动公开信息的标题。', 'title');
    const body = (input.bodyHtml ?? '').trim() || `<p>${title}</p>`;
    const author = mode === 'editor' ? ctx : { ...ctx, actor: systemActor(`依申请转主动（${ctx.actor.label}）`) };
    const item = await createItem(
      { ...author, db: trx },
      { orgId: r.org_id, title, bodyHtml: body, genre: '其他', disclosureMode: '主动公开', createdOn: today(ctx) },
    );
    let handedOffTo: number | null = null;
    if (mode === 'hand_off') {
      const editors = await editorsOf(trx, r.org_path);
      for (const userId of editors) {
        await notify(trx, ctx, {
          userId,
          kind: 'request.to_proactive',
          title: `依申请转主动：请审核发布「${title}」`,
          body: `申请 ${r.request_no} 的答复信息公众普遍需要（条例第四十四条），已生成主动公开信息草稿 ${item.indexNo}，请完善后提交审核。`,
          link: `/console/items/${item.id}`,
        });
      }
      handedOffTo = editors.length;
    }
    await appendEvent(trx, ctx, r.id, {
      type: 'proactive_item_created',
      on: today(ctx),
      payload: { itemId: item.id, indexNo: item.indexNo, handedOff: mode === 'hand_off' },
      public: false,
    });
    await writeAudit(trx, ctx, {
      action: 'request.to_proactive',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 依申请转主动（第四十四条）：生成主动公开信息草稿 ${item.indexNo}${mode === 'hand_off' ? `，转交本机关采编人员 ${handedOffTo} 名` : ''}`,
    });
    return { itemId: item.id, indexNo: item.indexNo, handedOffTo };
  });
}

/** Enabled users holding the editor role on the agency or above it. */
async function editorsOf(db: Db, orgPath: string): Promise<number[]> {
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['users.id', 'orgs.path'])
    .where('role_grants.role', '=', 'editor')
    .where('users.disabled', '=', 0)
    .orderBy('users.id')
    .execute();
  return [...new Set(rows.filter((r) => orgPath.startsWith(r.path)).map((r) => r.id))];
}
