import type JSZip from 'jszip';
import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import type { Db } from '../platform/db/schema.js';
import { classifyAttachment } from './attachment.rules.js';
import { sha256, sniff, storeBlob } from './attachment-files.js';
import { refuseUnsafeArchive } from '../platform/archive-limits.js';
import { extractAttachmentText } from '../search/index.js';
import { findFileBySha, insertAttachment, insertFile } from './attachments.store.js';
import { cleanFilename } from './add-attachment.js';
import type { ImportRow, RowError } from './import-rows.rules.js';

/** The files of an import's ZIP, by name (the path inside the ZIP and the bare file name both work). */
export type ImportFiles = Map<string, Buffer>;

/** Reads a ZIP of attachments; throws a coded error when it is not a ZIP. */
export async function readImportZip(data: Buffer): Promise<ImportFiles> {
  let zip: JSZip;
  refuseUnsafeArchive(data, 'zip', true);
  try {
    zip = await (await import('jszip')).default.loadAsync(data);
  } catch {
    throw invalid('import_zip_invalid', '附件压缩包不是有效的 ZIP 文件。', 'zip');
  }
  const out: ImportFiles = new Map();
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const buf = await f.async('nodebuffer');
    out.set(f.name, buf);
    out.set(f.name.split('/').pop() ?? f.name, buf);
  }
  return out;
}

/**
 * Rows whose 附件 are missing from the ZIP (or when no ZIP was given), too large, or of a type not
 * accepted (detected from the content) are errors of that row.
 */
export async function checkImportAttachments(
  rows: ImportRow[],
  files: ImportFiles | undefined,
  maxBytes: number,
): Promise<RowError[]> {
  const errors: RowError[] = [];
  for (const r of rows) {
    for (const name of r.attachments) {
      const data = files?.get(name);
      if (!files) errors.push({ row: r.row, message: `附件“${name}”需要随附 ZIP 压缩包上传。` });
      else if (!data) errors.push({ row: r.row, message: `附件“${name}”不在压缩包中。` });
      else {
        const got = classifyAttachment(cleanFilename(name), data.length, await sniff(data), maxBytes);
        if ('code' in got) errors.push({ row: r.row, message: got.message });
      }
    }
  }
  return errors;
}

/** Stores an imported item's attachments (type from the content, once per SHA-256), inside the batch's transaction. */
export async function storeImportAttachments(
  trx: Db,
  ctx: Ctx,
  itemId: number,
  names: string[],
  files: ImportFiles | undefined,
): Promise<void> {
  for (const [order, name] of names.entries()) {
    const data = files?.get(name);
    if (!data) continue;
    const filename = cleanFilename(name);
    const got = classifyAttachment(filename, data.length, await sniff(data), ctx.config.limits.uploadBytes);
    if ('code' in got) continue; // rows with such files were refused by checkImportAttachments
    const sha = sha256(data);
    await storeBlob(ctx.config.blobDir, sha, data);
    const now = ctx.now().toISOString();
    const fileId =
      (await findFileBySha(trx, sha))?.id ??
      (await insertFile(trx, {
        sha256: sha,
        size: data.length,
        mime: got.mime,
        kind: got.kind,
        text: await extractAttachmentText(data, filename, got.mime),
        created_at: now,
      }));
    await insertAttachment(trx, {
      item_id: itemId,
      file_id: fileId,
      filename,
      sort_order: order,
      created_at: now,
      created_by: ctx.actor.userId,
    });
  }
}
