/**
 * The applicant downloads a released copy with the 申请编号 and 查询码, while the approved package is
 * open. Every download is recorded (and audited); the original is never served here.
 */
import { today } from '../../platform/context.js';
import { readFile } from 'node:fs/promises';
import type { Ctx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/errors.js';
import { tx } from '../../platform/tx.js';
import { blobPath } from '../../catalog/index.js';
import { findByCode } from '../find-by-code.js';
import { mimeOfKind, releaseOpen } from './release.rules.js';
import { RELEASE_AREA, getRelease, getReleaseDocument } from './release.store.js';

const unavailable = () =>
  notFound('release_unavailable', '该文件不存在、尚未审核发布或已超过下载期限；如需要请联系受理机关。');

export async function downloadRelease(
  ctx: Ctx,
  input: { requestNo: string; queryCode: string; documentId: number },
): Promise<{ filename: string; mime: string; data: Buffer }> {
  return tx(ctx, async (trx) => {
    const r = await findByCode(trx, input.requestNo, input.queryCode);
    const rel = await getRelease(trx, r.id);
    if (!releaseOpen(rel?.available_until, today(ctx))) throw unavailable();
    const doc = await getReleaseDocument(trx, r.id, input.documentId);
    if (!doc?.released_sha256) throw unavailable();
    const data = await readFile(blobPath(ctx.config.blobDir, doc.released_sha256, RELEASE_AREA));
    await trx
      .insertInto('request_release_downloads')
      .values({ request_id: r.id, document_id: doc.id, downloaded_at: ctx.now().toISOString(), address: ctx.actor.ip })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'request.release.download',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请人下载申请 ${r.request_no} 的提供材料“${doc.filename}”`,
    });
    return { filename: doc.filename, mime: mimeOfKind(doc.kind), data };
  });
}
