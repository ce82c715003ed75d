import type { Ctx } from '../platform/context.js';
import { conflict, invalid } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { createItem } from '../catalog/create-item.js';
import { appendEvent, loadCase, today } from './case-support.js';
import { listRequestEvents } from './requests.store.js';
import { outcomeByCode } from './outcomes.rules.js';

/**
 * 依申请转主动 (条例第四十四条): information provided on request that the public widely needs is
 * turned into a draft catalogue item of the agency (through the catalogue's own use-case and review
 * workflow). The case records which item was created.
 */
export async function convertToProactive(ctx: Ctx, input: { requestId: number; title?: string; bodyHtml?: string }): Promise<{ itemId: number; indexNo: string }> {
  return tx(ctx, async (trx) => {
    const r = await loadCase(trx, ctx, input.requestId, 'view');
    if (r.state !== 'answered' || !outcomeByCode(r.outcome_code ?? '')?.provides) {
      throw conflict('not_disclosed', '只有已予以公开或部分公开的申请可以转为主动公开。');
    }
    if ((await listRequestEvents(trx, r.id)).some((e) => e.type === 'proactive_item_created')) {
      throw conflict('already_converted', '本申请已转为主动公开。');
    }
    const title = (input.title ?? '').trim() || r.info_title || '';
    if (!title) throw invalid('item_title_required', '请填写主动公开信息的标题。', 'title');
    const body = (input.bodyHtml ?? '').trim() || `<p>${title}</p>`;
    const item = await createItem({ ...ctx, db: trx }, { orgId: r.org_id, title, bodyHtml: body, genre: '其他', disclosureMode: '主动公开', createdOn: today(ctx) });
    await appendEvent(trx, ctx, r.id, { type: 'proactive_item_created', on: today(ctx), payload: { itemId: item.id, indexNo: item.indexNo }, public: false });
    await writeAudit(trx, ctx, {
      action: 'request.to_proactive',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 依申请转主动（第四十四条）：生成主动公开信息草稿 ${item.indexNo}`,
    });
    return { itemId: item.id, indexNo: item.indexNo };
  });
}
