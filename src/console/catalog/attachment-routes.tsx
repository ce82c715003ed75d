import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { itemPageWithErrors } from './item-routes.js';
import { parseId } from '../../orgs/create-user.js';
import { addAttachment } from '../../catalog/add-attachment.js';
import { removeAttachment } from '../../catalog/remove-attachment.js';
import { fillBodyFromDocx } from '../../catalog/fill-body-from-docx.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';

type Upload = { name: string; data: Buffer } | FieldError;

/** The one file of the form (`file`), or the field error to show. */
function upload(req: FastifyRequest): Upload {
  const form = uploadForm(req);
  if (form.error) return { code: 'attachment_too_large', message: form.error, field: 'file' };
  const f = form.file;
  return f ? { name: f.name === '上传的文件' ? '附件' : f.name, data: f.data } : { code: 'attachment_missing', message: '请选择要上传的附件。', field: 'file' };
}

const readUpload = readUploadForm('file', { staffOnly: true, maxFiles: 1 });

/** Console: upload and remove attachments of an item being edited; fill the body from a DOCX. */
export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  app.post('/console/items/:id/attachments', { preValidation: readUpload }, async (req, reply) => {
    const id = parseId((req.params as { id: string }).id);
    const up = upload(req);
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
    const up = upload(req);
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
