import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { todayInShanghai } from '../platform/dates.js';
import { tx } from '../platform/tx.js';
import { docNoMessage, sanitizeBody } from './item-input.rules.js';
import { parseDocNumber } from './doc-number.rules.js';
import { insertVersion } from './catalog.store.js';
import { applyTransition, authorizeItemFirst, loadItem } from './item-transition.js';

/**
 * 勘误 of a published item (条例第十二条 “及时更新”): the previous version is kept and a public revision
 * note is shown on the item page.
 */
export async function correctItem(
  ctx: Ctx,
  input: { id: number; title?: string; summary?: string; bodyHtml?: string; docNo?: string; revisionNote: string },
): Promise<void> {
  await authorizeItemFirst(ctx, input.id, 'correct'); // before the fields
  const errors = [];
  const body = input.bodyHtml !== undefined ? sanitizeBody(input.bodyHtml) : undefined;
  if (body === '') errors.push({ code: 'item_body_required', message: '请填写正文。', field: 'bodyHtml' });
  if (input.title !== undefined && !input.title.trim())
    errors.push({ code: 'item_title_required', message: '请填写名称。', field: 'title' });
  const docRaw = input.docNo?.trim();
  const doc = docRaw ? parseDocNumber(docRaw) : null;
  if (docRaw && !doc) errors.push({ code: 'doc_no_unparseable', message: docNoMessage(docRaw), field: 'docNo' });
  if (errors.length) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    const item = await loadItem(trx, input.id);
    await applyTransition(trx, ctx, item, 'correct', {
      comment: input.revisionNote,
      changes: () => ({
        title: input.title?.trim() || item.title,
        summary: input.summary !== undefined ? input.summary.trim() || null : item.summary,
        body_html: body ?? item.body_html,
        ...(docRaw !== undefined
          ? {
              doc_no: docRaw || null,
              doc_agency: doc?.agency ?? null,
              doc_year: doc?.year ?? null,
              doc_seq: doc?.seq ?? null,
              doc_no_norm: doc?.normalized ?? null,
            }
          : {}),
        version: item.version + 1,
      }),
      summary: `勘误：「${item.title}」（${item.index_no}）第 ${item.version} 版 → 第 ${item.version + 1} 版；说明：${input.revisionNote.trim()}`,
    });
    await insertVersion(trx, {
      item_id: item.id,
      version: item.version,
      title: item.title,
      summary: item.summary,
      body_html: item.body_html,
      doc_no: item.doc_no,
      revision_note: input.revisionNote.trim(),
      corrected_on: todayInShanghai(ctx.now()),
      corrected_by: ctx.actor.label,
      created_at: ctx.now().toISOString(),
    });
  });
}
