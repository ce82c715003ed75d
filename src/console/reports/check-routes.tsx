import type { FastifyInstance } from 'fastify';
import { checkUploads, resultsCsv, resultsXlsx } from '../../reports/index.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import { CheckPage } from './check-views.js';
import { typed } from '../../platform/http/schemas.js';

const download = (name: string, ascii: string): string =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Console: check published annual reports, one or a whole jurisdiction (/console/reports/check). */
export async function reportCheckRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/reports/check', async (_req, reply) => reply.page(<CheckPage view={reply.view()} />));
  // A multipart form: the upload reader (a route-level preValidation) reads its fields and files; no body schema.
  r.post(
    '/console/reports/check',
    { preValidation: readUploadForm('file', { staffOnly: true, maxFiles: 200 }) },
    async (req, reply) => {
      const form = uploadForm(req);
      const fail = (code: string, message: string) =>
        reply.page(<CheckPage view={reply.view()} errors={[{ code, message, field: 'file' }]} />, 400);
      if (form.error) return fail('file_too_large', form.error);
      if (!form.files.length) return fail('file_missing', '请选择要检查的报告文件。');
      if (form.files.every((f) => !f.data.length)) return fail('file_empty', '上传的文件为空。');
      const checked = await checkUploads(form.files);
      if ('error' in checked) return fail('too_many_reports', checked.error);
      const output = form.fields.output ?? (form.fields.csv === '1' ? 'csv' : 'page');
      if (output === 'csv')
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', download('年度报告检查结果.csv', 'report-check.csv'))
          .header('cache-control', 'no-store')
          .send(resultsCsv(checked.results));
      if (output === 'xlsx')
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', download('年度报告检查结果.xlsx', 'report-check.xlsx'))
          .header('cache-control', 'no-store')
          .send(await resultsXlsx(checked.results));
      return reply.page(<CheckPage view={reply.view()} results={checked.results} />);
    },
  );
}
