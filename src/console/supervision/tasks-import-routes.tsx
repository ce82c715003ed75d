import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { assertAllowed } from '../guard.js';
import { scopePaths } from '../../orgs/roles.rules.js';
import { TASK_MANAGE_ROLES } from '../../supervision/tasks.rules.js';
import { importTasks } from '../../supervision/import-tasks.js';
import { renderList } from './tasks-routes.js';

type Upload = { data: Buffer; fields: Record<string, string> } | FieldError;
const uploads = new WeakMap<FastifyRequest, Upload>();

/** Console: import of the 任务分解表 from XLSX (multipart; CSRF token in the form). */
export async function importRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/console/supervision/tasks/import',
    {
      preValidation: async (req) => {
        if (!req.isMultipart()) return;
        try {
          const fields: Record<string, string> = {};
          let data: Buffer | null = null;
          for await (const part of req.parts()) {
            if (part.type === 'file') data = await part.toBuffer();
            else fields[part.fieldname] = String(part.value);
          }
          req.body = { _csrf: fields._csrf ?? '' };
          uploads.set(req, data && data.length ? { data, fields } : { code: 'file_missing', message: '请选择要导入的 XLSX 文件。', field: 'file' });
        } catch {
          uploads.set(req, { code: 'file_too_large', message: '文件过大或上传中断，请重新上传。', field: 'file' });
        }
      },
    },
    async (req, reply) => {
      assertAllowed(scopePaths(req.actor, TASK_MANAGE_ROLES).length > 0);
      const up = uploads.get(req) ?? { code: 'file_missing', message: '请选择要导入的 XLSX 文件。', field: 'file' };
      if ('code' in up) return reply.page(await renderList(req, reply.view(), { errors: [up] }), 400);
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
