/** Reads a multipart form into `req.body` (text fields) and a list of files (for the message form). */
import type { FastifyRequest } from 'fastify';
import type { UploadedFile } from '../../interaction/message-attachments.js';

const files = new WeakMap<FastifyRequest, UploadedFile[] | 'too_large'>();

/** preValidation hook: fields → `req.body`, non-empty files of field `attachments` → `uploadedFiles(req)`. */
export async function readMultipartForm(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) return;
  const body: Record<string, string | string[]> = {};
  const list: UploadedFile[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        const v = String(part.value);
        const prev = body[part.fieldname];
        body[part.fieldname] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      } else {
        const data = await part.toBuffer();
        if (part.fieldname === 'attachments' && (data.length || part.filename)) list.push({ filename: part.filename || '附件', data });
      }
    }
    files.set(req, list);
  } catch {
    files.set(req, 'too_large');
  }
  req.body = body;
}

/** The files read by `readMultipartForm` ('too_large' when the upload was cut off). */
export const uploadedFiles = (req: FastifyRequest): UploadedFile[] | 'too_large' => files.get(req) ?? [];
