/** Portal: the applicant downloads a released document with 申请编号 + 查询码 (rate-limited like every lookup). */
import type { FastifyInstance } from 'fastify';
import { LOOKUP_LIMIT } from '../../platform/http/limits.js';
import { Form, Text, typed, OptInt } from '../../platform/http/schemas.js';
import { isAppError } from '../../platform/errors.js';
import { sendPrivateFile } from '../../platform/http/private-download.js';
import { downloadRelease } from '../../requests/index.js';

const ReleaseForm = Form({ requestNo: Text('申请编号'), queryCode: Text('查询码'), doc: OptInt('文件') });

export async function releasePortalRoutes(app: FastifyInstance): Promise<void> {
  typed(app).post('/ysqgk/release', { schema: { body: ReleaseForm }, ...LOOKUP_LIMIT }, async (req, reply) => {
    const { requestNo, queryCode, doc } = req.body;
    try {
      const f = await downloadRelease(req.ctx, { requestNo, queryCode, documentId: doc ?? 0 });
      return sendPrivateFile(reply, f);
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'request_lookup_failed' && e.code !== 'release_unavailable')) throw e;
      return reply.flashRedirect('/ysqgk/status', e.errors[0]!.message);
    }
  });
}
