/**
 * 依申请转主动 (条例第四十四条) with the released copies: the redacted (or cleaned) copies of the case's
 * approved package become attachments of the catalogue item the case was turned into — never the
 * originals. The catalogue's own use-case attaches them, so its permission (editing the draft) and review
 * workflow apply; the item is published only through that review.
 */
import { readFile } from 'node:fs/promises';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { blobPath, addAttachment } from '../../catalog/index.js';
import { loadCase } from '../case-support.js';
import { listRequestEvents } from '../requests.store.js';
import { RELEASE_AREA, getRelease, listReleaseDocuments } from './release.store.js';

export async function attachReleaseToItem(
  ctx: Ctx,
  input: { requestId: number },
): Promise<{ itemId: number; attached: number }> {
  const r = await loadCase(ctx.db, ctx, input.requestId, 'view');
  const created = (await listRequestEvents(ctx.db, r.id)).find((e) => e.type === 'proactive_item_created');
  const itemId = created ? Number((JSON.parse(created.payload) as { itemId?: number }).itemId) : NaN;
  if (!Number.isInteger(itemId))
    throw conflict('release_no_item', '本申请尚未转为主动公开（第四十四条），请先生成主动公开信息草稿。');
  if (!(await getRelease(ctx.db, r.id)))
    throw conflict('release_not_approved', '提供材料审核通过后，才能将公开文本添加到主动公开信息。');
  const docs = (await listReleaseDocuments(ctx.db, r.id)).filter((d) => d.released_sha256);
  for (const d of docs)
    await addAttachment(ctx, {
      itemId,
      filename: d.filename,
      data: await readFile(blobPath(ctx.config.blobDir, d.released_sha256!, RELEASE_AREA)),
    });
  return { itemId, attached: docs.length };
}
