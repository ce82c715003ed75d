/**
 * Staff add a published catalogue item's attachments to a case's release package (the information
 * asked for is already public, but the applicant wants it delivered with the answer). Only items the
 * public can see are offered (`publicItems`); each attachment becomes a release document of its own
 * through `addReleaseDocument`, so the same checks, cleaning, approval withdrawal and audit apply.
 */
import { readFile } from 'node:fs/promises';
import type { Ctx } from '../../platform/context.js';
import { invalid, isAppError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { listAttachments, publicItems, blobPath } from '../../catalog/index.js';
import { addReleaseDocument } from './add-release-document.js';
import { loadCase } from '../case-support.js';

/** What was added, and the attachments left out with the reason (an unsupported file type). */
export interface FromCatalogResult {
  title: string;
  added: string[];
  skipped: Array<{ filename: string; reason: string }>;
}

export async function addReleaseFromCatalog(
  ctx: Ctx,
  input: { requestId: number; itemRef: string; answers?: string },
): Promise<FromCatalogResult> {
  // Authorize before validating: only the case's handler or a request administrator adds documents.
  await loadCase(ctx.db, ctx, input.requestId, 'work');
  const ref = (input.itemRef ?? '').trim();
  if (!ref) throw invalid('release_item_required', '请填写已公开信息的编号或索引号。', 'itemRef');
  let q = publicItems(ctx.db, todayInShanghai(ctx.now()));
  q = /^\d{1,9}$/.test(ref) ? q.where('items.id', '=', Number(ref)) : q.where('items.index_no', '=', ref.toUpperCase());
  const item = await q.executeTakeFirst();
  if (!item)
    throw invalid(
      'release_item_not_found',
      `没有找到已公开的信息“${ref}”（填写公开目录中信息的编号或索引号）。`,
      'itemRef',
    );
  const files = await listAttachments(ctx.db, item.id);
  if (!files.length)
    throw invalid(
      'release_item_no_files',
      `“${item.title}”没有附件。已主动公开的信息可在答复书中告知获取方式（条例第三十六条第一项）。`,
      'itemRef',
    );
  const answers = (input.answers ?? '').trim() || `已主动公开的《${item.title}》（索引号 ${item.index_no}）`;
  const result: FromCatalogResult = { title: item.title, added: [], skipped: [] };
  for (const f of files) {
    try {
      await addReleaseDocument(ctx, {
        requestId: input.requestId,
        filename: f.filename,
        data: await readFile(blobPath(ctx.config.blobDir, f.sha256)),
        answers,
      });
      result.added.push(f.filename);
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      result.skipped.push({ filename: f.filename, reason: e.errors.map((x) => x.message).join('') });
    }
  }
  if (!result.added.length)
    throw invalid(
      'release_item_no_files',
      `“${item.title}”的附件都不是可提供的文件类型：${result.skipped.map((s) => s.filename).join('、')}。`,
      'itemRef',
    );
  return result;
}
