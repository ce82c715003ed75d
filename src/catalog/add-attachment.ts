import type { Ctx } from '../platform/context.js';
import { invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { classifyAttachment } from './attachment.rules.js';
import { sha256, sniff, storeBlob } from './attachment-files.js';
import { extractAttachmentText } from '../search/index.js';
import { findFileBySha, insertAttachment, insertFile, listAttachments } from './attachments.store.js';
import { authorizeItemFirst, loadItem, workflowItem } from './item-transition.js';
import { decide } from './item-workflow.rules.js';

/** A filename safe to keep: no path, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(-200) || '附件'
  );
}

/**
 * Attaches a file to an item while it may be edited (draft or returned). The type is detected from
 * the content; the bytes are stored once per SHA-256.
 */
export async function addAttachment(
  ctx: Ctx,
  input: { itemId: number; filename: string; data: Buffer },
): Promise<number> {
  await authorizeItemFirst(ctx, input.itemId, 'edit'); // before the fields
  const filename = cleanFilename(input.filename);
  const got = classifyAttachment(filename, input.data.length, await sniff(input.data), ctx.config.limits.uploadBytes);
  if ('code' in got) throw invalidFields([got]);
  // permission and state before anything is written to disk
  const item = await loadItem(ctx.db, input.itemId);
  decide(workflowItem(item), 'edit', ctx.actor);
  const sha = sha256(input.data);
  await storeBlob(ctx.config.blobDir, sha, input.data);
  const text = await extractAttachmentText(input.data, filename, got.mime); // outside the transaction: a PDF may take a while
  return tx(ctx, async (trx) => {
    const fresh = await loadItem(trx, input.itemId);
    decide(workflowItem(fresh), 'edit', ctx.actor);
    const now = ctx.now().toISOString();
    const fileId =
      (await findFileBySha(trx, sha))?.id ??
      (await insertFile(trx, {
        sha256: sha,
        size: input.data.length,
        mime: got.mime,
        kind: got.kind,
        text,
        created_at: now,
      }));
    const order = (await listAttachments(trx, fresh.id)).length;
    const id = await insertAttachment(trx, {
      item_id: fresh.id,
      file_id: fileId,
      filename,
      sort_order: order,
      created_at: now,
      created_by: ctx.actor.userId,
    });
    await writeAudit(trx, ctx, {
      action: 'item.attach',
      subjectType: 'item',
      subjectId: fresh.id,
      orgId: fresh.org_id,
      summary: `为「${fresh.title}」（${fresh.index_no}）添加附件“${filename}”（${got.kind}，${input.data.length} 字节）`,
    });
    return id;
  });
}
