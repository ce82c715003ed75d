import type { FastifyInstance } from 'fastify';
import { parseId } from '../../orgs/create-user.js';
import { contentDisposition } from '../../catalog/attachment.rules.js';
import { readIdProof } from '../../requests/identity-proofs.js';
import { oralSheet } from '../../requests/oral-sheet.js';
import { oralSheetDocx } from '../../requests/oral-sheet-docx.js';
import { oralSheetFileName } from '../../requests/oral-sheet.rules.js';
import { OralSheetDocument } from './oral-sheet-view.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Console: identity-proof downloads and the oral-request confirmation sheet (personal data: never cached). */
export async function requestFilesRoutes(app: FastifyInstance): Promise<void> {
  app.get('/console/requests/:id/id-proofs/:proofId', async (req, reply) => {
    const p = req.params as { id: string; proofId: string };
    const f = await readIdProof(req.ctx, parseId(p.id), parseId(p.proofId));
    return reply
      .header('content-type', f.mime)
      .header('content-disposition', contentDisposition(f.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(f.data);
  });

  app.get('/console/requests/:id/oral-sheet', async (req, reply) => {
    const s = await oralSheet(req.ctx, parseId((req.params as { id: string }).id));
    return reply.header('cache-control', 'private, no-store').page(<OralSheetDocument sheet={s} />);
  });

  app.get('/console/requests/:id/oral-sheet.docx', async (req, reply) => {
    const s = await oralSheet(req.ctx, parseId((req.params as { id: string }).id));
    return reply
      .type(DOCX)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(oralSheetFileName(s))}`)
      .send(await oralSheetDocx(s));
  });
}
