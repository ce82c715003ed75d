import type { FastifyInstance } from 'fastify';
import { IdParams, Int, Params, typed } from '../../platform/http/schemas.js';
import { sendPrivateFile } from '../../platform/http/private-download.js';
import { readIdProof, oralSheet, oralSheetDocx, oralSheetFileName } from '../../requests/index.js';
import { OralSheetDocument } from './oral-sheet-view.js';

const ProofParams = Params({ id: Int('申请编号'), proofId: Int('身份证明文件') });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Console: identity-proof downloads and the oral-request confirmation sheet (personal data: never cached). */
export async function requestFilesRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/requests/:id/id-proofs/:proofId', { schema: { params: ProofParams } }, async (req, reply) => {
    const f = await readIdProof(req.ctx, req.params.id, req.params.proofId);
    return sendPrivateFile(reply, f);
  });

  r.get('/console/requests/:id/oral-sheet', { schema: { params: IdParams } }, async (req, reply) => {
    const s = await oralSheet(req.ctx, req.params.id);
    return reply.header('cache-control', 'private, no-store').page(<OralSheetDocument sheet={s} />);
  });

  r.get('/console/requests/:id/oral-sheet.docx', { schema: { params: IdParams } }, async (req, reply) => {
    const s = await oralSheet(req.ctx, req.params.id);
    return reply
      .type(DOCX)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(oralSheetFileName(s))}`)
      .send(await oralSheetDocx(s));
  });
}
