import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { normalizeFormInput } from './form-input.js';
import { AppError } from '../errors.js';
import { keepsExpiredForm } from './expired-form.js';

/** An uploaded file: kept on disk while the request runs, read into memory only when a handler asks. */
export interface UploadedFile {
  name: string;
  readonly data: Buffer;
  size: number;
}

/** A multipart form read before the CSRF check: its text fields (last value; `req.body` keeps repeated ones) and its files. */
export interface UploadForm {
  fields: Record<string, string>;
  file: UploadedFile | null;
  /** Every file of the form field, in order (the first is `file`). */
  files: UploadedFile[];
  /** The files chosen in every file field, by field name: a part with a name or content (an empty file chosen is kept, to be refused). */
  byField: Record<string, UploadedFile[]>;
  /** Set when the upload failed (too large, too many files, interrupted). */
  error?: string;
  /** Files sent with an expired form (read and thrown away, never stored): their names by field, to choose again. */
  dropped: Record<string, string[]>;
}

/** What one form accepts: checked before and while reading, so a request never holds more than this. */
export interface UploadLimits {
  /** Files at most (default 5). */
  maxFiles?: number;
  /** Bytes per file at most (default: GONGKAI_UPLOAD_LIMIT_MB). */
  maxFileBytes?: number;
  /** Only signed-in staff (or API tokens) may post: anyone else is refused before a file is read. */
  staffOnly?: boolean;
}

const forms = new WeakMap<FastifyRequest, UploadForm>();
const tmpFiles = new WeakMap<FastifyRequest, string[]>();

function lazyFile(name: string, file: string, size: number): UploadedFile {
  let data: Buffer | null = null;
  return {
    name,
    size,
    get data() {
      data ??= readFileSync(file);
      return data;
    },
  };
}

/**
 * Checks, before the first file part is read, what the platform's CSRF hook would check later: a login
 * for staff forms, and the CSRF token (a form field sent before the files, or the X-CSRF-Token header).
 * Returns the CSRF refusal (not sent), or null when the form may be read.
 */
function gate(
  req: FastifyRequest,
  reply: FastifyReply,
  limits: UploadLimits,
  fields: Record<string, string | string[]>,
): Error | null {
  const bearer = req.headers.authorization?.startsWith('Bearer ');
  if (limits.staffOnly && req.actor.kind !== 'user')
    throw new AppError('unauthenticated', { code: 'login_required', message: '请先登录。' });
  if (bearer || req.routeOptions.config?.csrfExempt) return null;
  req.body = fields;
  let refusal: Error | null = null;
  // The check's refusal is caught rather than sent, so an expired form can still be read to its end.
  const probe = Object.create(reply, {
    send: { value: (e: Error) => ((refusal = e), probe) },
  }) as FastifyReply;
  req.server.csrfProtection(req, probe, () => {});
  return refusal;
}

/** Reads a file part to its end and throws it away. */
async function discard(file: NodeJS.ReadableStream): Promise<void> {
  for await (const chunk of file) void chunk;
}

/**
 * preValidation hook: reads a multipart form (fields and the file named `fileField`) and puts the text
 * fields in `req.body`, so that the platform's CSRF check (which runs after it) finds `_csrf`.
 * Login and the CSRF token are checked before any file is read; files stream to disk under the data
 * folder within the form's limits (number, size) and are removed when the response is sent.
 */
export function readUploadForm(fileField = 'file', limits: UploadLimits = {}) {
  const reader = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!req.isMultipart()) return;
    const maxFiles = limits.maxFiles ?? 5;
    const maxFileBytes = Math.min(limits.maxFileBytes ?? Infinity, req.ctx.config.limits.uploadBytes);
    const form: UploadForm = { fields: {}, file: null, files: [], byField: {}, dropped: {} };
    const body: Record<string, string | string[]> = {};
    const dir = path.join(req.ctx.config.dataDir, 'tmp', 'uploads');
    const created: string[] = [];
    tmpFiles.set(req, created);
    let gated = false;
    // A refused token: a same-site form (one that expired while someone typed) is read to its end,
    // files thrown away, so the expired-form page keeps every field; any other request is refused at once.
    let refusal: Error | null = null;
    let count = 0;
    try {
      for await (const part of req.parts({ limits: { files: maxFiles, fileSize: maxFileBytes, fields: 200 } })) {
        if (part.type === 'field') {
          const v = String(part.value);
          const prev = body[part.fieldname];
          body[part.fieldname] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
          form.fields[part.fieldname] = v;
          continue;
        }
        if (!gated) {
          refusal = gate(req, reply, limits, body);
          if (refusal && !keepsExpiredForm(req, req.ctx.config.publicUrl)) throw refusal; // no file has been read
          gated = true;
        }
        if (refusal) {
          if (part.filename) (form.dropped[part.fieldname] ??= []).push(part.filename);
          await discard(part.file);
          continue;
        }
        if (++count > maxFiles) throw new Error('too many files');
        mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${process.pid}-${randomUUID()}`);
        created.push(file);
        let size = 0;
        part.file.on('data', (chunk: Buffer) => {
          size += chunk.length;
        });
        await pipeline(part.file, createWriteStream(file, { mode: 0o600 }));
        if (part.file.truncated) throw new Error('file too large');
        const name = part.filename || '上传的文件';
        const f = lazyFile(name, file, size);
        if (part.fieldname === fileField && (size || part.filename)) form.files.push(f);
        if (size || part.filename) (form.byField[part.fieldname] ??= []).push(f);
      }
    } catch (e) {
      if (e instanceof AppError || (refusal && e === refusal)) throw e;
      form.error = `文件过大、数量过多（每次最多 ${maxFiles} 个，每个不超过 ${Math.floor(maxFileBytes / 1048576)} MB）或上传中断，请重新上传。`;
    }
    form.file = form.files[0] ?? null;
    // The fields as any form's (trimmed, an empty field absent) for the route's body schema; a form
    // without files has its login and CSRF token checked here too, before the schema reads it.
    forms.set(req, form);
    if (!gated) refusal = gate(req, reply, limits, body);
    if (refusal) {
      req.body = body;
      throw refusal;
    }
    req.body = normalizeFormInput(body);
  };
  return Object.assign(reader, { [UPLOAD_READER]: true });
}

/** Marks the preValidation hook that reads a multipart form (the route table tells upload routes by it). */
export const UPLOAD_READER = Symbol('gongkai.uploadReader');

/** Removes the request's temporary upload files (registered once by the server). */
export function removeUploadFiles(req: FastifyRequest): void {
  for (const f of tmpFiles.get(req) ?? []) rmSync(f, { force: true });
}

/** The form read by readUploadForm (empty when the request was not multipart). */
export const uploadForm = (req: FastifyRequest): UploadForm =>
  forms.get(req) ?? { fields: {}, file: null, files: [], byField: {}, dropped: {} };

/** Whether the request was a multipart form read by readUploadForm. */
export const readAsUploadForm = (req: FastifyRequest): boolean => forms.has(req);
