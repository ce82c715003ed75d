/** The message form's multipart reading: the platform's upload reader with files from the `attachments` field. */
import type { FastifyRequest } from 'fastify';
import { ATTACHMENT_LIMITS, type UploadedFile } from '../../interaction/index.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';

/** preValidation hooks: fields → `req.body`, files of field `attachments` → `uploadedFiles(req)`. */
// A message takes at most ATTACHMENT_LIMITS.files files (one more is read so the form can say so).
export const readMultipartForm = readUploadForm('attachments', {
  maxFiles: ATTACHMENT_LIMITS.files + 1,
  maxFileBytes: ATTACHMENT_LIMITS.bytes,
});

/** The files read by `readMultipartForm` ('too_large' when the upload was cut off). */
export function uploadedFiles(req: FastifyRequest): UploadedFile[] | 'too_large' {
  const form = uploadForm(req);
  return form.error
    ? 'too_large'
    : form.files.map((f) => ({ filename: f.name === '上传的文件' ? '附件' : f.name, data: f.data }));
}
