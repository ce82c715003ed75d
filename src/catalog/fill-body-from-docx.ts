import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import { tx } from '../platform/tx.js';
import { sniff } from './attachment-files.js';
import { sanitizeBody } from './item-input.rules.js';
import { applyTransition, loadItem } from './item-transition.js';

/** Converts DOCX bytes to sanitized HTML (headings, lists, tables, embedded images). */
export async function docxToHtml(data: Buffer): Promise<string> {
  if ((await sniff(data)).ext !== 'docx')
    throw invalid('docx_invalid', '请上传 Word（DOCX）文件；DOC、WPS 请先另存为 DOCX。', 'docx');
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.convertToHtml({ buffer: data });
  const html = sanitizeBody(value);
  if (!html) throw invalid('docx_empty', 'DOCX 文件中没有正文内容。', 'docx');
  return html;
}

/** Fills an editable item's body from a DOCX upload (converted and sanitized). */
export async function fillBodyFromDocx(
  ctx: Ctx,
  input: { itemId: number; data: Buffer; filename: string },
): Promise<void> {
  const html = await docxToHtml(input.data);
  await tx(ctx, async (trx) => {
    const item = await loadItem(trx, input.itemId);
    await applyTransition(trx, ctx, item, 'edit', {
      changes: () => ({ body_html: html }),
      summary: `用 DOCX 文件“${input.filename}”填充「${item.title}」（${item.index_no}）的正文`,
    });
  });
}
