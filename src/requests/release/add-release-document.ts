/**
 * Staff attach a document to a case's release package, with what it answers. The original is kept for
 * staff; the released copy of a PDF or an image is made at once (a PDF keeps every page's text and loses
 * metadata, annotations, form fields, JavaScript and attachments; an image is encoded again without its
 * metadata) and can be redacted later. Any change withdraws an
 * approval already given.
 */
import type { Ctx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalidFields } from '../../platform/errors.js';
import { tx } from '../../platform/tx.js';
import { sha256, sniff, storeBlob, cleanFilename } from '../../catalog/index.js';
import { loadCase } from '../case-support.js';
import { cleanDocument } from './redact-document.js';
import { checkReleaseUpload } from './release.rules.js';
import { RELEASE_AREA, withdrawApproval } from './release.store.js';

export async function addReleaseDocument(
  ctx: Ctx,
  input: { requestId: number; filename: string; data: Buffer; answers: string },
): Promise<number> {
  const r = await loadCase(ctx.db, ctx, input.requestId, 'work');
  const filename = cleanFilename(input.filename);
  const answers = (input.answers ?? '').trim();
  const { kind, errors } = checkReleaseUpload({
    filename,
    size: input.data.length,
    ext: input.data.length ? (await sniff(input.data)).ext : null,
    answers,
  });
  if (errors.length) throw invalidFields(errors);
  const released = await cleanDocument(kind, input.data);
  const sha = sha256(input.data);
  await storeBlob(ctx.config.blobDir, sha, input.data, RELEASE_AREA);
  const releasedSha = released ? sha256(released) : null;
  if (released && releasedSha) await storeBlob(ctx.config.blobDir, releasedSha, released, RELEASE_AREA);
  return tx(ctx, async (trx) => {
    const row = await trx
      .insertInto('request_release_documents')
      .values({
        request_id: r.id,
        filename,
        kind,
        answers,
        original_sha256: sha,
        original_size: input.data.length,
        released_sha256: releasedSha,
        released_size: released?.length ?? null,
        boxes: '[]',
        reasons: '',
        created_at: ctx.now().toISOString(),
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await withdrawApproval(trx, r.id);
    await writeAudit(trx, ctx, {
      action: 'request.release.add',
      subjectType: 'request',
      subjectId: r.id,
      orgId: r.org_id,
      summary: `申请 ${r.request_no} 提供材料添加文件“${filename}”`,
    });
    return row.id;
  });
}
