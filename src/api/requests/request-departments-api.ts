/** JSON API: departments of a case (主办/协办科室) and the agency's answer-letter templates. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { unauthenticated } from '../../platform/errors.js';
import type { Ctx } from '../../platform/context.js';
import { loadCase, today } from '../../requests/case-support.js';
import { isCoHandlingOverdue } from '../../requests/departments.rules.js';
import { listCaseDepartments } from '../../requests/request-departments.store.js';
import { setLeadDepartment } from '../../requests/set-lead-department.js';
import { addCoHandling } from '../../requests/add-cohandling.js';
import { recordCoHandlingReply } from '../../requests/record-cohandling-reply.js';
import { removeCoHandling } from '../../requests/remove-cohandling.js';
import { OUTCOMES } from '../../requests/outcomes.rules.js';
import { PLACEHOLDERS, REMEDIES, defaultTemplate } from '../../requests/letter-templates.rules.js';
import { listAgencyTemplates } from '../../requests/letter-templates.store.js';
import { saveLetterTemplate, templateAgency } from '../../requests/save-letter-template.js';
import { resetLetterTemplate } from '../../requests/reset-letter-template.js';

const sec = [{ bearer: [] }];
const tags = ['依申请公开'];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const DeptParams = Type.Object({ id: Type.Integer({ minimum: 1 }), orgId: Type.Integer({ minimum: 1 }) });
const TplParams = Type.Object({ orgId: Type.Integer({ minimum: 1 }), code: Type.String({ maxLength: 8 }) });

function staff(req: { actor: { kind: string } }): void {
  if (req.actor.kind !== 'user') throw unauthenticated();
}

/** Routes under /api/v1/requests/:id/departments and /api/v1/requests/letter-templates. */
export async function requestDepartmentsApi(app: FastifyInstance): Promise<void> {
  const departments = async (ctx: Ctx, id: number) => {
    const r = await loadCase(ctx.db, ctx, id, 'view');
    const day = today(ctx);
    return {
      data: (await listCaseDepartments(ctx.db, r.id)).map((d) => ({
        orgId: d.org_id,
        name: d.org_name,
        role: d.role,
        internalDueOn: d.internal_due_on,
        overdue: isCoHandlingOverdue(d, day),
        reply: d.reply_on ? { on: d.reply_on, by: d.reply_by, text: d.reply_text } : null,
      })),
    };
  };

  app.get('/api/v1/requests/:id/departments', { schema: { summary: '承办科室：主办科室与协办科室（内部办理期限、答复）', tags, security: sec, params: IdParams } }, async (req) => {
    staff(req);
    return departments(req.ctx, (req.params as { id: number }).id);
  });

  app.put(
    '/api/v1/requests/:id/departments/lead',
    { schema: { summary: '指定或更改主办科室', tags, security: sec, params: IdParams, body: Type.Object({ orgId: Type.Integer({ minimum: 1 }) }) } },
    async (req) => {
      staff(req);
      const id = (req.params as { id: number }).id;
      await setLeadDepartment(req.ctx, { requestId: id, orgId: (req.body as { orgId: number }).orgId });
      return departments(req.ctx, id);
    },
  );

  app.post(
    '/api/v1/requests/:id/departments',
    {
      schema: {
        summary: '增加协办科室（内部办理期限不填则按本机关设置计算）',
        tags,
        security: sec,
        params: IdParams,
        body: Type.Object({ orgId: Type.Integer({ minimum: 1 }), internalDueOn: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })) }),
      },
    },
    async (req, reply) => {
      staff(req);
      const id = (req.params as { id: number }).id;
      const b = req.body as { orgId: number; internalDueOn?: string };
      await addCoHandling(req.ctx, { requestId: id, orgId: b.orgId, internalDueOn: b.internalDueOn });
      return reply.status(201).send(await departments(req.ctx, id));
    },
  );

  app.post(
    '/api/v1/requests/:id/departments/:orgId/reply',
    {
      schema: {
        summary: '登记协办科室的答复',
        tags,
        security: sec,
        params: DeptParams,
        body: Type.Object({ text: Type.String(), on: Type.Optional(Type.String({ description: 'YYYY-MM-DD，不填为今天' })), by: Type.Optional(Type.String()) }),
      },
    },
    async (req, reply) => {
      staff(req);
      const p = req.params as { id: number; orgId: number };
      const b = req.body as { text: string; on?: string; by?: string };
      await recordCoHandlingReply(req.ctx, { requestId: p.id, orgId: p.orgId, text: b.text, on: b.on, by: b.by });
      return reply.status(201).send(await departments(req.ctx, p.id));
    },
  );

  app.delete('/api/v1/requests/:id/departments/:orgId', { schema: { summary: '撤销尚未答复的协办科室', tags, security: sec, params: DeptParams } }, async (req) => {
    staff(req);
    const p = req.params as { id: number; orgId: number };
    await removeCoHandling(req.ctx, { requestId: p.id, orgId: p.orgId });
    return departments(req.ctx, p.id);
  });

  const templates = async (ctx: Ctx, orgId: number) => {
    const custom = await listAgencyTemplates(ctx.db, orgId);
    return {
      placeholders: PLACEHOLDERS,
      remedies: REMEDIES,
      data: OUTCOMES.map((o) => {
        const t = custom.get(o.code);
        return { code: o.code, custom: !!t, ...(t ? { title: t.title, body: t.body } : defaultTemplate(o.code)), updatedAt: t?.updated_at ?? null };
      }),
    };
  };

  app.get(
    '/api/v1/requests/letter-templates/:orgId',
    { schema: { summary: '本机关的答复文书模板（每种办理结果一份；救济途径为固定内容）', tags, security: sec, params: Type.Object({ orgId: Type.Integer({ minimum: 1 }) }) } },
    async (req) => {
      staff(req);
      const orgId = (req.params as { orgId: number }).orgId;
      await templateAgency(req.ctx, orgId, '1'); // request_admin of the agency only
      return templates(req.ctx, orgId);
    },
  );

  app.put(
    '/api/v1/requests/letter-templates/:orgId/:code',
    { schema: { summary: '修改一种办理结果的答复文书模板', tags, security: sec, params: TplParams, body: Type.Object({ title: Type.String(), body: Type.String() }) } },
    async (req) => {
      staff(req);
      const p = req.params as { orgId: number; code: string };
      const b = req.body as { title: string; body: string };
      await saveLetterTemplate(req.ctx, { orgId: p.orgId, code: p.code, title: b.title, body: b.body });
      return templates(req.ctx, p.orgId);
    },
  );

  app.delete('/api/v1/requests/letter-templates/:orgId/:code', { schema: { summary: '恢复默认模板', tags, security: sec, params: TplParams } }, async (req) => {
    staff(req);
    const p = req.params as { orgId: number; code: string };
    await resetLetterTemplate(req.ctx, { orgId: p.orgId, code: p.code });
    return templates(req.ctx, p.orgId);
  });
}
