import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { itemPageWithErrors } from './item-routes.js';
import { parseId } from '../../orgs/create-user.js';
import { addAttachment } from '../../catalog/add-attachment.js';
import { removeAttachment } from '../../catalog/remove-attachment.js';
import { fillBodyFromDocx } from '../../catalog/fill-body-from-docx.js';

type Upload = { name: string; data: Buffer } | FieldError;
const uploads = new WeakMap<FastifyRequest, Upload>();

/** Reads a multipart form with one file field `file` and the CSRF token. */
async function readUpload(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) return;
  try {
    let csrf = '';
    let upload: Upload | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'field' && part.fieldname === '_csrf') csrf = String(part.value);
      else if (part.type === 'file') {
        const data = await part.toBuffer();
        if (!upload && part.fieldname === 'file' && (data.length || part.filename))
          upload = { name: part.filename || '附件', data };
      }
    }
    req.body = { _csrf: csrf };
    uploads.set(req, upload ?? { code: 'attachment_missing', message: '请选择要上传的附件。', field: 'file' });
  } catch {
    uploads.set(req, { code: 'attachment_too_large', message: '文件过大或上传中断，请重新上传。', field: 'file' });
  }
}

/** Console: upload and remove attachments of an item being edited; fill the body from a DOCX. */
export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  app.post('/console/items/:id/attachments', { preValidation: readUpload }, async (req, reply) => {
    const id = parseId((req.params as { id: string }).id);
    const up = uploads.get(req) ?? { code: 'attachment_missing', message: '请选择要上传的附件。', field: 'file' };
    if ('code' in up) return itemPageWithErrors(req, reply, id, [up], 400);
    try {
      await addAttachment(req.ctx, { itemId: id, filename: up.name, data: up.data });
      return reply.flashRedirect(`/console/items/${id}`, `已上传附件“${up.name}”。`);
    } catch (e) {
      if (!isAppError(e) || !['invalid', 'conflict', 'forbidden'].includes(e.kind)) throw e;
      return itemPageWithErrors(req, reply, id, e.errors, e.status);
    }
  });

  app.post('/console/items/:id/docx', { preValidation: readUpload }, async (req, reply) => {
    const id = parseId((req.params as { id: string }).id);
    const up = uploads.get(req) ?? { code: 'attachment_missing', message: '请选择要上传的附件。', field: 'file' };
    if ('code' in up) return itemPageWithErrors(req, reply, id, [{ ...up, field: 'docx' }], 400);
    try {
      await fillBodyFromDocx(req.ctx, { itemId: id, data: up.data, filename: up.name });
      return reply.flashRedirect(`/console/items/${id}`, `已用“${up.name}”填充正文。`);
    } catch (e) {
      if (!isAppError(e) || !['invalid', 'conflict', 'forbidden'].includes(e.kind)) throw e;
      return itemPageWithErrors(req, reply, id, e.errors, e.status);
    }
  });

  app.post('/console/items/:id/attachments/:attId/delete', async (req, reply) => {
    const p = req.params as { id: string; attId: string };
    const id = parseId(p.id);
    await removeAttachment(req.ctx, { itemId: id, attachmentId: parseId(p.attId) });
    return reply.flashRedirect(`/console/items/${id}`, '已删除附件。');
  });
}
