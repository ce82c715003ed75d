/** The identity-proof file field (REFERENCE §5.6) of the application form, and reading its files from a multipart post. */
import type { FastifyRequest } from 'fastify';
import { fieldError } from '../../platform/views/components.js';
import type { FieldError } from '../../platform/errors.js';
import { invalid } from '../../platform/errors.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import { ID_PROOF_FIELD, ID_PROOF_KINDS_TEXT, ID_PROOF_MAX_FILES, ID_PROOF_MB_RANGE } from '../identity-proof.rules.js';
import type { UploadedProof } from '../identity-proofs.js';
import { idProofLimitMb } from '../id-proof-limit.js';
import type { Ctx } from '../../platform/context.js';

/** preValidation hook of the application forms (works without JavaScript: a plain multipart post). */
// At most ID_PROOF_MAX_FILES files (one more is read so the form can say so) of the largest size the setting allows.
export const readApplicationUpload = readUploadForm(ID_PROOF_FIELD, {
  maxFiles: ID_PROOF_MAX_FILES + 1,
  maxFileBytes: ID_PROOF_MB_RANGE.max * 1048576,
});

/**
 * The uploaded identity proofs; throws a field error when the upload was cut off (more files, or larger
 * ones, than the reader takes). The message gives the limits the form states (the agency's setting), not
 * the reader's own ceiling (one more file, the largest size any setting allows).
 */
export async function uploadedProofs(req: FastifyRequest & { ctx: Pick<Ctx, 'db'> }): Promise<UploadedProof[]> {
  const form = uploadForm(req);
  if (form.error) {
    const mb = await idProofLimitMb(req.ctx);
    throw invalid(
      'id_proof_too_large',
      `身份证明文件过大、数量过多或上传中断：最多 ${ID_PROOF_MAX_FILES} 个文件，每个不超过 ${mb} MB，请重新选择后上传。`,
      ID_PROOF_FIELD,
    );
  }
  return (form.byField[ID_PROOF_FIELD] ?? []).map((f) => ({ filename: f.name, data: f.data }));
}

/** The file input, with the limits and, after a failed post, a reminder to choose the file again. */
export function IdProofField({
  maxMb,
  errors,
  reselect,
}: {
  maxMb: number;
  errors?: FieldError[];
  reselect?: boolean;
}) {
  const id = `f-${ID_PROOF_FIELD}`;
  const err = fieldError(errors, ID_PROOF_FIELD);
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for={id}>身份证明（可选）</label>
      <p class="hint" id={`${id}-hint`}>
        身份证件或营业执照等的照片或扫描件：{ID_PROOF_KINDS_TEXT}，最多 {ID_PROOF_MAX_FILES} 个文件，每个不超过 {maxMb}{' '}
        MB。仅受理机关的办理人员可以查看。
        {reselect ? <strong> 页面重新显示后，之前选择的文件不会保留；如需提交身份证明，请重新选择。</strong> : null}
      </p>
      {err ? (
        <p class="field-error" id={`${id}-err`}>
          {err}
        </p>
      ) : null}
      <input
        id={id}
        name={ID_PROOF_FIELD}
        type="file"
        multiple
        accept="image/jpeg,image/png,image/gif,image/webp,application/pdf,.jpg,.jpeg,.png,.gif,.webp,.pdf"
        aria-describedby={`${id}-hint${err ? ` ${id}-err` : ''}`}
      />
    </div>
  );
}
