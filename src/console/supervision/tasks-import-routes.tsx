import type { FastifyInstance } from 'fastify';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { assertAllowed } from '../guard.js';
import { scopePaths } from '../../orgs/roles.rules.js';
import { TASK_MANAGE_ROLES } from '../../supervision/tasks.rules.js';
import { importTasks } from '../../supervision/import-tasks.js';
import { renderList } from './tasks-routes.js';

/** Console: import of the 任务分解表 from XLSX (multipart; CSRF token in the form). */
export async function importRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/console/supervision/tasks/import',
    {
      preValidation: readUploadForm('file', { staffOnly: true, maxFiles: 1 }),
    },
    async (req, reply) => {
      assertAllowed(scopePaths(req.actor, TASK_MANAGE_ROLES).length > 0);
      const form = uploadForm(req);
      const file = form.byField.file?.[0];
      const missing: FieldError | null = form.error ? { code: 'file_too_large', message: form.error, field: 'file' } : !file ? { code: 'file_missing', message: '请选择要导入的 XLSX 文件。', field: 'file' } : null;
      if (missing || !file) return reply.page(await renderList(req, reply.view(), { errors: [missing!] }), 400);
      const up = { data: file.data, fields: form.fields };
      try {
        const r = await importTasks(req.ctx, { jurisdictionOrgId: Number(up.fields.importOrgId), year: Number(up.fields.importYear), data: up.data });
        return reply.flashRedirect(`/console/supervision/tasks?year=${Number(up.fields.importYear)}`, `已导入 ${r.created} 项任务。`);
      } catch (e) {
        if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'not_found')) throw e;
        return reply.page(await renderList(req, reply.view(), { errors: e.errors }), e.status);
      }
    },
  );
}
