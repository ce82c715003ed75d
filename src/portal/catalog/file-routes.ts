import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFound, forbidden } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import type { Config } from '../../platform/config.js';
import { rolesAllow } from '../../orgs/roles.rules.js';
import { getAttachment, getItem, getPublicAttachment, type AttachmentWithFile } from '../../catalog/catalog.store.js';
import { contentDisposition } from '../../catalog/attachment.rules.js';
import { blobPath } from '../../catalog/attachment-files.js';
import { CATALOG_VIEWERS } from '../../catalog/catalog-policy.rules.js';

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
export async function fileRoutes(app: FastifyInstance, config: Config): Promise<void> {
  app.get('/gk/files/:id', async (req, reply) => {
    const raw = (req.params as { id: string }).id;
    const a = /^\d{1,9}$/.test(raw) ? await getPublicAttachment(req.ctx.db, todayInShanghai(req.ctx.now()), Number(raw)) : undefined;
    if (!a) throw fileNotFound();
    return send(reply, config, a, 'public, max-age=300');
  });

  app.get('/console/items/:itemId/files/:id', async (req, reply) => {
    const p = req.params as { itemId: string; id: string };
    const a = /^\d{1,9}$/.test(p.id) ? await getAttachment(req.ctx.db, Number(p.id)) : undefined;
    if (!a || String(a.item_id) !== p.itemId) throw fileNotFound();
    const item = await getItem(req.ctx.db, a.item_id);
    if (!item || !rolesAllow(req.actor, CATALOG_VIEWERS, item.org_path)) throw forbidden();
    return send(reply, config, a, 'private, no-store');
  });
}
