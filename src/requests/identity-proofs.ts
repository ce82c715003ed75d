/**
 * Identity proofs of a request: checked by content, stored once per SHA-256 in the blob store's
 * `requests/` area (the catalogue's storage), recorded in `request_id_proofs`. They are personal data:
 * only the case's handler and the agency's request administrators may download them.
 */
import { readFile } from 'node:fs/promises';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { notFound, type FieldError } from '../platform/errors.js';
import { blobPath, removeBlob, sha256, sniff, storeBlob, cleanFilename } from '../catalog/index.js';
import { checkIdProofs, idProofLimitBytes } from './identity-proof.rules.js';
import { loadCase } from './case-support.js';

/** The blob-store area of identity proofs. */
export const ID_PROOF_AREA = 'requests';
/** The setting holding the size limit in MB. */
export const ID_PROOF_LIMIT_KEY = 'requests.id_proof_max_mb';

/** A file as received from a form. */
export interface UploadedProof {
  filename: string;
  data: Buffer;
}

/** A checked file, ready to store and record. */
export interface CheckedProof {
  filename: string;
  data: Buffer;
  sha: string;
  mime: string;
}

/** The size limit per file, in bytes (setting, default 5 MB). */
export async function idProofLimit(db: Db): Promise<number> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', ID_PROOF_LIMIT_KEY).executeTakeFirst();
  return idProofLimitBytes(r?.value);
}

/** Checks uploaded proofs; returns the checked files and the errors (field `idProof`), so callers report them with the form's other errors. */
export async function checkUploadedProofs(
  db: Db,
  files: readonly UploadedProof[] | undefined,
): Promise<{ proofs: CheckedProof[]; errors: FieldError[] }> {
  if (!files?.length) return { proofs: [], errors: [] };
  const named = files.map((f) => ({ ...f, filename: cleanFilename(f.filename) }));
  const sniffed = await Promise.all(named.map((f) => sniff(f.data)));
  const { mimes, errors } = checkIdProofs(
    named.map((f, i) => ({ filename: f.filename, size: f.data.length, sniffed: sniffed[i]! })),
    await idProofLimit(db),
  );
  if (errors.length) return { proofs: [], errors };
  return { proofs: named.map((f, i) => ({ ...f, sha: sha256(f.data), mime: mimes[i]! })), errors: [] };
}

/** Stores the bytes (before the transaction: a stray blob without a row is harmless and erased by nothing but disk space). */
export async function storeProofBlobs(blobDir: string, proofs: readonly CheckedProof[]): Promise<void> {
  for (const p of proofs) await storeBlob(blobDir, p.sha, p.data, ID_PROOF_AREA);
}

/** Records the proofs on the case (inside the caller's transaction). */
export async function recordProofs(
  trx: Db,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  requestId: number,
  proofs: readonly CheckedProof[],
): Promise<void> {
  for (const p of proofs) {
    await trx
      .insertInto('request_id_proofs')
      .values({
        request_id: requestId,
        sha256: p.sha,
        filename: p.filename,
        mime: p.mime,
        size: p.data.length,
        created_at: ctx.now().toISOString(),
        created_by: ctx.actor.userId,
      })
      .execute();
  }
}

/** The proofs of a case (metadata only). */
export const listIdProofs = (db: Db, requestId: number) =>
  db
    .selectFrom('request_id_proofs')
    .select(['id', 'filename', 'mime', 'size', 'created_at'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();

/** One proof for download: the case's handler or the agency's request_admin only (reading: no audit). */
export async function readIdProof(
  ctx: Ctx,
  requestId: number,
  proofId: number,
): Promise<{ filename: string; mime: string; data: Buffer }> {
  const r = await loadCase(ctx.db, ctx, requestId, 'work');
  const p = await ctx.db
    .selectFrom('request_id_proofs')
    .selectAll()
    .where('id', '=', proofId)
    .where('request_id', '=', r.id)
    .executeTakeFirst();
  if (!p) throw notFound('id_proof_not_found', '身份证明文件不存在或已按保存年限删除。');
  return {
    filename: p.filename,
    mime: p.mime,
    data: await readFile(blobPath(ctx.config.blobDir, p.sha256, ID_PROOF_AREA)),
  };
}

/** Deletes the files of these hashes that no remaining proof refers to (after the rows were deleted and committed). */
export async function removeUnusedProofBlobs(db: Db, blobDir: string, shas: readonly string[]): Promise<void> {
  for (const sha of new Set(shas)) {
    const still = await db.selectFrom('request_id_proofs').select('id').where('sha256', '=', sha).executeTakeFirst();
    if (!still) await removeBlob(blobDir, sha, ID_PROOF_AREA);
  }
}
