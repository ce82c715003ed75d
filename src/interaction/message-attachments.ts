/**
 * Attachments of a message: checked by content (the catalogue's attachment rules), stored once per
 * content hash under `blobs/interaction/`, recorded as non-public `attachment` events of the message.
 * They may carry personal data: only the agency's message handlers can download them.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { forbidden, invalidFields, notFound, type FieldError } from '../platform/errors.js';
import { classifyAttachment, sha256, sniff } from '../catalog/index.js';
import { seesContact } from './interaction.policy.rules.js';
import { appendMessageEvent, loadMessage } from './message-support.js';
import { listMessageEvents } from './messages.store.js';

/** At most this many files, each at most this size. */
export const ATTACHMENT_LIMITS = { files: 3, bytes: 10 * 1024 * 1024 } as const;

/** An uploaded file as received. */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/** A checked file ready to store. */
export interface CheckedFile extends UploadedFile {
  sha: string;
  mime: string;
  size: number;
}

/** Checks the files (count, size, type by content); throws `invalidFields` on the `attachments` field. */
export async function checkAttachments(files: readonly UploadedFile[]): Promise<CheckedFile[]> {
  const errors: FieldError[] = [];
  if (files.length > ATTACHMENT_LIMITS.files)
    errors.push({
      code: 'attachments_too_many',
      message: `最多上传 ${ATTACHMENT_LIMITS.files} 个附件。`,
      field: 'attachments',
    });
  const out: CheckedFile[] = [];
  for (const f of files.slice(0, ATTACHMENT_LIMITS.files)) {
    const c = classifyAttachment(f.filename, f.data.length, await sniff(f.data), ATTACHMENT_LIMITS.bytes);
    if ('code' in c) errors.push({ ...c, field: 'attachments' });
    else out.push({ ...f, sha: sha256(f.data), mime: c.mime, size: f.data.length });
  }
  if (errors.length) throw invalidFields(errors);
  return out;
}

const blobFile = (blobDir: string, sha: string): string => path.join(blobDir, 'interaction', sha.slice(0, 2), sha);

/** Stores the bytes once per content hash (atomic rename). Call before the transaction: a stray blob is harmless. */
export async function storeAttachmentBlobs(blobDir: string, files: readonly CheckedFile[]): Promise<void> {
  for (const f of files) {
    const target = blobFile(blobDir, f.sha);
    try {
      await stat(target);
      continue;
    } catch {
      // not stored yet
    }
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(tmp, f.data);
    await rename(tmp, target);
  }
}

/** Records the files on the message (inside the caller's transaction). */
export async function recordAttachments(
  trx: Db,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  messageId: number,
  files: readonly CheckedFile[],
): Promise<void> {
  for (const f of files)
    await appendMessageEvent(trx, ctx, messageId, {
      type: 'attachment',
      payload: { sha: f.sha, filename: f.filename, mime: f.mime, size: f.size },
      public: false,
    });
}

/** An attachment of a message for download by a handler of its agency (reading: no audit). */
export async function readAttachment(
  ctx: Ctx,
  messageId: number,
  eventId: number,
): Promise<{ filename: string; mime: string; data: Buffer }> {
  const m = await loadMessage(ctx.db, ctx, messageId, 'view');
  if (!seesContact(ctx.actor, m.org_path))
    throw forbidden('attachment_forbidden', '附件可能含有个人信息，仅本机关留言办理人员可以下载。');
  const e = (await listMessageEvents(ctx.db, m.id)).find((x) => x.id === eventId && x.type === 'attachment');
  if (!e) throw notFound('attachment_not_found', '附件不存在。');
  const p = JSON.parse(e.payload) as { sha: string; filename: string; mime: string };
  return { filename: p.filename, mime: p.mime, data: await readFile(blobFile(ctx.config.blobDir, p.sha)) };
}
