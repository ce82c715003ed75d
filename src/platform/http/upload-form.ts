import type { FastifyRequest } from 'fastify';

/** A multipart form read before the CSRF check: its text fields (last value; `req.body` keeps repeated ones) and its files. */
export interface UploadForm {
  fields: Record<string, string>;
  file: { name: string; data: Buffer } | null;
  /** Every file of the form field, in order (the first is `file`). */
  files: Array<{ name: string; data: Buffer }>;
  /** Non-empty files of every file field, by field name. */
  byField: Record<string, Array<{ name: string; data: Buffer }>>;
  /** Set when the upload failed (too large, interrupted). */
  error?: string;
}

const forms = new WeakMap<FastifyRequest, UploadForm>();

/**
 * preValidation hook: reads a multipart form (fields and the file named `fileField`) and puts the text
 * fields in `req.body`, so that the platform's CSRF check (which runs after it) finds `_csrf`.
 */
export function readUploadForm(fileField = 'file') {
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.isMultipart()) return;
    const form: UploadForm = { fields: {}, file: null, files: [], byField: {} };
    const body: Record<string, string | string[]> = {};
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          const v = String(part.value);
          const prev = body[part.fieldname];
          body[part.fieldname] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
          form.fields[part.fieldname] = v;
        }
        else {
          const data = await part.toBuffer();
          if (part.fieldname === fileField && (data.length || part.filename)) form.files.push({ name: part.filename || '上传的文件', data });
          if (data.length) (form.byField[part.fieldname] ??= []).push({ name: part.filename || '上传的文件', data });
        }
      }
    } catch {
      form.error = '文件过大或上传中断，请重新上传。';
    }
    form.file = form.files[0] ?? null;
    req.body = body;
    forms.set(req, form);
  };
}

/** The form read by readUploadForm (empty when the request was not multipart). */
export const uploadForm = (req: FastifyRequest): UploadForm => forms.get(req) ?? { fields: {}, file: null, files: [], byField: {} };
