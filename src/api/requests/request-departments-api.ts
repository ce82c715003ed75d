/** JSON API: departments of a case (主办/协办科室) and the agency's answer-letter templates. */
import type { FastifyInstance } from 'fastify';
import { typed, Type } from '../../platform/http/schemas.js';
import type { Ctx } from '../../platform/context.js';
import {
  agencyTemplateList,
  caseDepartmentList,
  setLeadDepartment,
  addCoHandling,
  recordCoHandlingReply,
  removeCoHandling,
  PLACEHOLDERS,
  REMEDIES,
  saveLetterTemplate,
  templateAgency,
  resetLetterTemplate,
} from '../../requests/index.js';
import { answers, IdParams, Nullable, STAFF, staff } from '../api-schemas.js';

const tags = ['依申请公开'];
const OrgParams = Type.Object({ orgId: Type.Integer({ minimum: 1 }) });
const Departments = Type.Object({
  data: Type.Array(
    Type.Object({
      orgId: Type.Integer(),
      name: Type.String(),
      role: Type.Unsafe<string>({ type: 'string', enum: ['lead', 'co'], description: 'lead 主办科室 / co 协办科室' }),
      internalDueOn: Nullable(Type.String(), { description: '协办科室的内部办理期限' }),
      overdue: Type.Boolean(),
      reply: Nullable(Type.Object({ on: Type.String(), by: Nullable(Type.String()), text: Nullable(Type.String()) }), {
        description: '协办科室的答复',
      }),
    }),
  ),
});
const Templates = Type.Object({
  placeholders: Type.Record(Type.String(), Type.String(), { description: '可用的占位符 → 说明' }),
  remedies: Type.String({ description: '救济途径（固定内容）' }),
  data: Type.Array(
    Type.Object({
      code: Type.String({ description: '办理结果代码' }),
      custom: Type.Boolean({ description: '本机关已修改（否则为默认模板）' }),
      title: Type.String(),
      body: Type.String(),
      updatedAt: Nullable(Type.String()),
    }),
  ),
});
const DeptParams = Type.Object({ id: Type.Integer({ minimum: 1 }), orgId: Type.Integer({ minimum: 1 }) });
const TplParams = Type.Object({ orgId: Type.Integer({ minimum: 1 }), code: Type.String({ maxLength: 8 }) });

/** Routes under /api/v1/requests/:id/departments and /api/v1/requests/letter-templates. */
export async function requestDepartmentsApi(app: FastifyInstance): Promise<void> {
  const api = typed(app);
  const departments = async (ctx: Ctx, id: number) => ({
    data: (await caseDepartmentList(ctx, id)).map((d) => ({
      orgId: d.org_id,
      name: d.org_name,
      role: d.role,
      internalDueOn: d.internal_due_on,
      overdue: d.overdue,
      reply: d.reply_on ? { on: d.reply_on, by: d.reply_by, text: d.reply_text } : null,
    })),
  });

  api.get(
    '/api/v1/requests/:id/departments',
    {
      schema: {
        summary: '承办科室：主办科室与协办科室（内部办理期限、答复）',
        tags,
        operationId: 'listRequestDepartments',
        security: STAFF,
        params: IdParams,
        response: answers({ 200: Departments }),
      },
    },
    async (req) => {
      staff(req);
      return departments(req.ctx, req.params.id);
    },
  );

  api.put(
    '/api/v1/requests/:id/departments/lead',
    {
      schema: {
        summary: '指定或更改主办科室',
        tags,
        operationId: 'setLeadDepartment',
        security: STAFF,
        params: IdParams,
        body: OrgParams,
        response: answers({ 200: Departments }),
      },
    },
    async (req) => {
      staff(req);
      const id = req.params.id;
      await setLeadDepartment(req.ctx, { requestId: id, orgId: req.body.orgId });
      return departments(req.ctx, id);
    },
  );

  api.post(
    '/api/v1/requests/:id/departments',
    {
      schema: {
        summary: '增加协办科室（内部办理期限不填则按本机关设置计算）',
        tags,
        operationId: 'addCoHandlingDepartment',
        security: STAFF,
        params: IdParams,
        body: Type.Object({
          orgId: Type.Integer({ minimum: 1 }),
          internalDueOn: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
        }),
        response: answers({ 201: Departments }),
      },
    },
    async (req, reply) => {
      staff(req);
      const id = req.params.id;
      const b = req.body;
      await addCoHandling(req.ctx, { requestId: id, orgId: b.orgId, internalDueOn: b.internalDueOn });
      return reply.status(201).send(await departments(req.ctx, id));
    },
  );

  api.post(
    '/api/v1/requests/:id/departments/:orgId/reply',
    {
      schema: {
        summary: '登记协办科室的答复',
        tags,
        operationId: 'recordCoHandlingReply',
        security: STAFF,
        params: DeptParams,
        body: Type.Object({
          text: Type.String(),
          on: Type.Optional(Type.String({ description: 'YYYY-MM-DD，不填为今天' })),
          by: Type.Optional(Type.String()),
        }),
        response: answers({ 201: Departments }),
      },
    },
    async (req, reply) => {
      staff(req);
      const p = req.params;
      const b = req.body;
      await recordCoHandlingReply(req.ctx, { requestId: p.id, orgId: p.orgId, text: b.text, on: b.on, by: b.by });
      return reply.status(201).send(await departments(req.ctx, p.id));
    },
  );

  api.delete(
    '/api/v1/requests/:id/departments/:orgId',
    {
      schema: {
        summary: '撤销尚未答复的协办科室',
        tags,
        operationId: 'removeCoHandlingDepartment',
        security: STAFF,
        params: DeptParams,
        response: answers({ 200: Departments }),
      },
    },
    async (req) => {
      staff(req);
      await removeCoHandling(req.ctx, { requestId: req.params.id, orgId: req.params.orgId });
      return departments(req.ctx, req.params.id);
    },
  );

  const templates = async (ctx: Ctx, orgId: number) => {
    return { placeholders: PLACEHOLDERS, remedies: REMEDIES, data: await agencyTemplateList(ctx, orgId) };
  };

  api.get(
    '/api/v1/requests/letter-templates/:orgId',
    {
      schema: {
        summary: '本机关的答复文书模板（每种办理结果一份；救济途径为固定内容）',
        tags,
        operationId: 'listLetterTemplates',
        security: STAFF,
        params: OrgParams,
        response: answers({ 200: Templates }),
      },
    },
    async (req) => {
      staff(req);
      const orgId = req.params.orgId;
      await templateAgency(req.ctx, orgId, '1'); // request_admin of the agency only
      return templates(req.ctx, orgId);
    },
  );

  api.put(
    '/api/v1/requests/letter-templates/:orgId/:code',
    {
      schema: {
        summary: '修改一种办理结果的答复文书模板',
        tags,
        operationId: 'saveLetterTemplate',
        security: STAFF,
        params: TplParams,
        body: Type.Object({ title: Type.String(), body: Type.String() }),
        response: answers({ 200: Templates }),
      },
    },
    async (req) => {
      staff(req);
      const p = req.params;
      const b = req.body;
      await saveLetterTemplate(req.ctx, { orgId: p.orgId, code: p.code, title: b.title, body: b.body });
      return templates(req.ctx, p.orgId);
    },
  );

  api.delete(
    '/api/v1/requests/letter-templates/:orgId/:code',
    {
      schema: {
        summary: '恢复默认模板',
        tags,
        operationId: 'resetLetterTemplate',
        security: STAFF,
        params: TplParams,
        response: answers({ 200: Templates }),
      },
    },
    async (req) => {
      staff(req);
      await resetLetterTemplate(req.ctx, { orgId: req.params.orgId, code: req.params.code });
      return templates(req.ctx, req.params.orgId);
    },
  );
}
