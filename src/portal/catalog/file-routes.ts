import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound, forbidden } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import type { Config } from '../../platform/config.js';
import { rolesAllow } from '../../orgs/index.js';
import {
  getPublicAttachment,
  staffAttachment,
  type AttachmentWithFile,
  blobPath,
  CATALOG_VIEWERS,
} from '../../catalog/index.js';
import { Params, typed, Int, IdParams } from '../../platform/http/schemas.js';
import { PAGE_BY_ID, unknownPageIfBadParams } from '../page-input.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';

const fileNotFound = () => notFound('attachment_not_found', '附件不存在或尚未公开。');

function send(reply: FastifyReply, config: Config, a: AttachmentWithFile, cache: string) {
  return reply
    .header('content-type', a.mime)
    .header('content-length', String(a.size))
    .header('content-disposition', contentDisposition(a.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cache)
    .send(createReadStream(blobPath(config.blobDir, a.sha256)));
}

/** Attachment downloads: public (only attachments of published items, via `publicItems`) and staff. */
const ItemFileParams = Params({ itemId: Int('信息编号'), id: Int('附件编号') });

export async function fileRoutes(app: FastifyInstance, config: Config): Promise<void> {
  const r = typed(app);
  r.get('/gk/files/:id', { schema: { params: IdParams }, ...PAGE_BY_ID }, async (req, reply) => {
    unknownPageIfBadParams(req, fileNotFound);
    const a = await getPublicAttachment(req.ctx.db, todayInShanghai(req.ctx.now()), req.params.id);
    if (!a) throw fileNotFound();
    return send(reply, config, a, 'public, max-age=300');
  });

  r.get(
    '/console/items/:itemId/files/:id',
    { schema: { params: ItemFileParams }, ...PAGE_BY_ID },
    async (req, reply) => {
      unknownPageIfBadParams(req, fileNotFound);
      const a = await staffAttachment(req.ctx.db, req.params.itemId, req.params.id);
      if (!a) throw fileNotFound();
      if (!rolesAllow(req.actor, CATALOG_VIEWERS, a.orgPath)) throw forbidden();
      return send(reply, config, a.file, 'private, no-store');
    },
  );
}
