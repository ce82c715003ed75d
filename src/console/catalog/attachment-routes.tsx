import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { itemPageWithErrors } from './item-routes.js';
import { IdParams, Int, Params, typed } from '../../platform/http/schemas.js';
import { addAttachment, removeAttachment, fillBodyFromDocx } from '../../catalog/index.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';

type Upload = { name: string; data: Buffer } | FieldError;

/** The one file of the form (`file`), or the field error to show. */
function upload(req: FastifyRequest): Upload {
  const form = uploadForm(req);
  if (form.error) return { code: 'attachment_too_large', message: form.error, field: 'file' };
  const f = form.file;
  return f
    ? { name: f.name === '上传的文件' ? '附件' : f.name, data: f.data }
    : { code: 'attachment_missing', message: '请选择要上传的附件。', field: 'file' };
}

const readUpload = readUploadForm('file', { staffOnly: true, maxFiles: 1 });

/** Console: upload and remove attachments of an item being edited; fill the body from a DOCX. */
const AttachmentParams = Params({ id: Int('编号'), attId: Int('附件编号') });

export async function attachmentRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  // Multipart forms: the file (and the CSRF token) are read by the streaming upload reader (upload-form.ts);
  // only the path is declared as a schema.
  r.post(
    '/console/items/:id/attachments',
    { schema: { params: IdParams }, preValidation: readUpload },
    async (req, reply) => {
      const { id } = req.params;
      const up = upload(req);
      if ('code' in up) return itemPageWithErrors(req, reply, id, [up], 400);
      try {
        await addAttachment(req.ctx, { itemId: id, filename: up.name, data: up.data });
        return reply.flashRedirect(`/console/items/${id}`, `已上传附件“${up.name}”。`);
      } catch (e) {
        if (!isAppError(e) || !['invalid', 'conflict', 'forbidden'].includes(e.kind)) throw e;
        return itemPageWithErrors(req, reply, id, e.errors, e.status);
      }
    },
  );

  r.post('/console/items/:id/docx', { schema: { params: IdParams }, preValidation: readUpload }, async (req, reply) => {
    const { id } = req.params;
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

  r.post(
    '/console/items/:id/attachments/:attId/delete',
    { schema: { params: AttachmentParams } },
    async (req, reply) => {
      const { id, attId } = req.params;
      await removeAttachment(req.ctx, { itemId: id, attachmentId: attId });
      return reply.flashRedirect(`/console/items/${id}`, '已删除附件。');
    },
  );
}
