/**
 * Identity proofs (条例第二十九条第（一）项 “身份证明”; REFERENCE §5.6 “身份证明 attachment upload”), pure.
 * Only images and PDF are accepted, the type decided from the content (the catalogue's attachment
 * rules); the size limit is an administrator setting.
 */
import type { FieldError } from '../platform/errors.js';
import { classifyAttachment, type Sniffed } from '../catalog/index.js';

/** Content kinds accepted as an identity proof. */
export const ID_PROOF_KINDS: readonly string[] = ['pdf', 'jpg', 'png', 'gif', 'webp'];
/** ID_PROOF_KINDS as the forms and messages name them. */
export const ID_PROOF_KINDS_TEXT = 'JPG、PNG、GIF、WebP 图片或 PDF';
/** At most this many files (e.g. both sides of an identity card). */
export const ID_PROOF_MAX_FILES = 2;
/** Default size limit per file, in MB (setting `requests.id_proof_max_mb`). */
export const DEFAULT_ID_PROOF_MAX_MB = 5;
/** Bounds of the size-limit setting, in MB. */
export const ID_PROOF_MB_RANGE = { min: 1, max: 20 } as const;
/** The form field. */
export const ID_PROOF_FIELD = 'idProof';

/** A file as uploaded. */
export interface ProofUpload {
  filename: string;
  size: number;
  sniffed: Sniffed;
}

/** Checks the uploaded files (count, size, type by content); returns the MIME type of each or all errors at once. */
export function checkIdProofs(
  files: readonly ProofUpload[],
  maxBytes: number,
): { mimes: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const mimes: string[] = [];
  const field = ID_PROOF_FIELD;
  if (files.length > ID_PROOF_MAX_FILES)
    errors.push({
      code: 'id_proof_too_many',
      message: `身份证明最多上传 ${ID_PROOF_MAX_FILES} 个文件（例如身份证正反面）。`,
      field,
    });
  for (const f of files.slice(0, ID_PROOF_MAX_FILES)) {
    const c = classifyAttachment(f.filename, f.size, f.sniffed, maxBytes);
    if ('code' in c) {
      const code =
        c.code === 'attachment_too_large'
          ? 'id_proof_too_large'
          : c.code === 'attachment_empty'
            ? 'id_proof_empty'
            : 'id_proof_type';
      const message =
        code === 'id_proof_too_large'
          ? `身份证明文件“${f.filename}”超过 ${Math.floor(maxBytes / 1048576)} MB 的大小限制。`
          : code === 'id_proof_empty'
            ? `身份证明文件“${f.filename}”是空文件。`
            : c.code === 'attachment_type_mismatch'
              ? `身份证明文件“${f.filename}”的扩展名与内容不符，请上传真实的图片或 PDF 文件。`
              : c.code === 'attachment_damaged'
                ? `身份证明文件“${f.filename}”已损坏或不完整，无法打开。请重新拍摄或扫描后上传。`
                : `身份证明文件“${f.filename}”不是图片或 PDF。请上传 ${ID_PROOF_KINDS_TEXT} 文件。`;
      errors.push({ code, message, field });
    } else if (!ID_PROOF_KINDS.includes(c.kind)) {
      errors.push({
        code: 'id_proof_type',
        message: `身份证明文件“${f.filename}”不是图片或 PDF。请上传 ${ID_PROOF_KINDS_TEXT} 文件。`,
        field,
      });
    } else mimes.push(c.mime);
  }
  return { mimes, errors };
}

/** The size limit in bytes from the stored setting (default when unset or out of range). */
export function idProofLimitBytes(stored: string | undefined): number {
  const n = Number(stored);
  const mb =
    Number.isInteger(n) && n >= ID_PROOF_MB_RANGE.min && n <= ID_PROOF_MB_RANGE.max ? n : DEFAULT_ID_PROOF_MAX_MB;
  return mb * 1024 * 1024;
}
