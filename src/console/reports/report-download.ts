import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ReportListRow } from '../../reports/reports.store.js';
import { attachment, reportFile } from '../../reports/report-files.js';

/** Console downloads of any report the user may see (drafts included). */
export async function reportDownloadRoutes(app: FastifyInstance, load: (req: FastifyRequest) => Promise<ReportListRow>): Promise<void> {
  for (const kind of ['docx', 'xlsx'] as const)
    app.get(`/console/reports/:id/report.${kind}`, async (req, reply) => {
      const f = await reportFile(await load(req), kind);
      return reply.header('content-type', f.type).header('content-disposition', attachment(f.filename)).header('cache-control', 'no-store').send(f.data);
    });
}
