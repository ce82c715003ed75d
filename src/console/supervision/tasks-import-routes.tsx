import type { FastifyInstance } from 'fastify';
import { typed } from '../../platform/http/schemas.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { assertAllowed } from '../guard.js';
import { scopePaths } from '../../orgs/index.js';
import { TASK_MANAGE_ROLES, importTasks } from '../../supervision/index.js';
import { TaskQuery, renderList } from './tasks-page.js';

/**
 * Console: import of the 任务分解表 from XLSX (multipart; CSRF token in the form). The form is read by
 * its streaming reader (upload-form.ts, a preValidation hook), so only the query string has a schema;
 * 任务所属 and 导入年度 come from the upload form and are checked by the use-case.
 */
export async function importRoutes(app: FastifyInstance): Promise<void> {
  typed(app).post(
    '/console/supervision/tasks/import',
    {
      schema: { querystring: TaskQuery },
      preValidation: readUploadForm('file', { staffOnly: true, maxFiles: 1 }),
    },
    async (req, reply) => {
      assertAllowed(scopePaths(req.actor, TASK_MANAGE_ROLES).length > 0);
      const form = uploadForm(req);
      const file = form.byField.file?.[0];
      if (form.error || !file) {
        const missing: FieldError = form.error
          ? { code: 'file_too_large', message: form.error, field: 'file' }
          : { code: 'file_missing', message: '请选择要导入的 XLSX 文件。', field: 'file' };
        return reply.page(await renderList(req, reply.view(), req.query, { errors: [missing] }), 400);
      }
      const year = Number(form.fields.importYear);
      try {
        const r = await importTasks(req.ctx, {
          jurisdictionOrgId: Number(form.fields.importOrgId),
          year,
          data: file.data,
        });
        return reply.flashRedirect(`/console/supervision/tasks?year=${year}`, `已导入 ${r.created} 项任务。`);
      } catch (e) {
        if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'not_found')) throw e;
        return reply.page(await renderList(req, reply.view(), req.query, { errors: e.errors }), e.status);
      }
    },
  );
}
