import type { FastifyInstance } from 'fastify';
import { IdParams, typed } from '../../platform/http/schemas.js';
import { reportForStaff, reportFile } from '../../reports/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';

/** Console downloads of any report the user may see (drafts included). */
export async function reportDownloadRoutes(app: FastifyInstance): Promise<void> {
  for (const kind of ['docx', 'xlsx'] as const)
    typed(app).get(`/console/reports/:id/report.${kind}`, { schema: { params: IdParams } }, async (req, reply) => {
      const f = await reportFile(await reportForStaff(req.ctx, req.params.id), kind);
      return reply
        .header('content-type', f.type)
        .header('content-disposition', contentDisposition(f.filename))
        .header('cache-control', 'no-store')
        .send(f.data);
    });
}
