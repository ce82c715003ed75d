/**
 * Staff redact a document of the package: the boxes (each with its ground under 第十四条至第十六条) are
 * applied to the original and the result replaces the released copy. The original stays as it was.
 * Redacting again starts from the original with the new set of boxes. Withdraws an approval.
 */
import type { Ctx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { readFile } from 'node:fs/promises';
import { AppError, notFound } from '../../platform/errors.js';
import { tx } from '../../platform/tx.js';
import { blobPath, sha256, storeBlob } from '../../catalog/index.js';
import { loadCase } from '../case-support.js';
import { redactDocument } from './redact-document.js';
import { redactDocx, type DocxRedaction } from './redact-docx.js';
import { reasonOf, type RedactionBox } from './redaction.rules.js';
import { REDACTABLE_KINDS, reasonsOf } from './release.rules.js';
import { RELEASE_AREA, getReleaseDocument, withdrawApproval } from './release.store.js';

/** Boxes for PDF and images; for DOCX the phrases to remove and the reason for 身份证号/手机号/names found automatically. */
export interface RedactInput {
  requestId: number;
  documentId: number;
  boxes?: RedactionBox[];
  docx?: DocxRedaction;
}

export async function redactReleaseDocument(
  ctx: Ctx,
  input: RedactInput,
): Promise<{ boxes: number; reasons: string[] }> {
  const r = await loadCase(ctx.db, ctx, input.requestId, 'work');
  const doc = await getReleaseDocument(ctx.db, r.id, input.documentId);
  if (!doc) throw notFound('release_document_not_found', '提供材料中没有这个文件。');
  if (!REDACTABLE_KINDS.includes(doc.kind))
    throw new AppError('invalid', {
      code: 'release_kind_not_redactable',
      message: '目前只能对PDF、DOCX文件和JPEG、PNG图片进行区分处理（遮盖）。',
      field: 'boxes',
    });
  const original = await readFile(blobPath(ctx.config.blobDir, doc.original_sha256, RELEASE_AREA));
  let out: Buffer, reasons: string[], count: number, saved: unknown[];
  if (doc.kind === 'docx') {
    const r = await redactDocx(original, input.docx ?? {});
    if (r.count === 0)
      throw new AppError('invalid', {
        code: 'redaction_nothing_found',
        message: '文档中没有找到需要遮盖的内容，请核对检索词。',
        field: 'terms',
      });
    ({ docx: out, reasons, count } = r);
    saved = [
      ...(input.docx?.terms ?? []),
      ...(input.docx?.found ? [{ found: input.docx.found, names: input.docx.names ?? [] }] : []),
    ];
  } else {
    const boxes = input.boxes ?? [];
    out = await redactDocument(doc.kind, original, boxes);
    reasons = reasonsOf(boxes);
    count = boxes.length;
    saved = boxes;
  }
  const sha = sha256(out);
  await storeBlob(ctx.config.blobDir, sha, out, RELEASE_AREA);
  return tx(ctx, async (trx) => {
    await trx
      .updateTable('request_release_documents')
      .set({
        released_sha256: sha,
        released_size: out.length,
        boxes: JSON.stringify(saved),
        reasons: reasons.join(','),
        redacted_at: ctx.now().toISOString(),
        redacted_by: ctx.actor.userId,
      })
      .where('id', '=', doc.id)
      .execute();
    await withdrawApproval(trx, r.id);
    await writeAudit(trx, ctx, {
      action: 'request.release.redact',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 提供材料“${doc.filename}”遮盖 ${count} 处（${reasons.map((c) => reasonOf(c)!.short).join('；')}）`,
    });
    return { boxes: count, reasons };
  });
}
