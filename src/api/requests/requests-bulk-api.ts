/** JSON API: bulk actions on cases (分派办理人, 设定主办科室), with one result per case — as the console list's bulk form. */
import type { FastifyInstance } from 'fastify';
import { typed, Type, type Static } from '../../platform/http/schemas.js';
import { bulkRequestAction, BULK_MAX } from '../../requests/index.js';
import { answers, Nullable, staff, STAFF } from '../api-schemas.js';

const Ids = Type.Array(Type.Integer({ minimum: 1 }), {
  minItems: 1,
  maxItems: BULK_MAX,
  title: '申请',
  description: `申请 ID（至多 ${BULK_MAX} 件；重复的只办理一次）`,
});
const AnyBulk = Type.Union([
  Type.Object(
    {
      action: Type.Literal('assign', { title: '批量操作', description: '分派办理人' }),
      ids: Ids,
      handlerId: Type.Integer({ minimum: 1, title: '办理人', description: '办理人的用户 ID' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('lead', { title: '批量操作', description: '设定主办科室' }),
      ids: Ids,
      departmentId: Type.Integer({ minimum: 1, title: '主办科室', description: '内设科室的机构 ID' }),
    },
    { additionalProperties: false },
  ),
]);
/** One `oneOf` chosen by `action` (a body that fails is told about its own action's fields only). */
const BulkBody = Type.Unsafe<Static<typeof AnyBulk>>({
  type: 'object',
  title: '批量操作',
  oneOf: AnyBulk.anyOf,
  discriminator: { propertyName: 'action' },
});
const BulkDone = Type.Object({
  target: Type.String({ description: '办理人姓名或“机关 · 科室”' }),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
  results: Type.Array(
    Type.Object({
      id: Type.Integer(),
      requestNo: Nullable(Type.String(), { description: '申请编号；无权查看或不存在的申请为 null' }),
      orgName: Nullable(Type.String()),
      ok: Type.Boolean(),
      message: Type.String({ description: '结果（中文）；无权查看或不存在的申请只说“无权处理”' }),
    }),
  ),
});

export async function requestsBulkApi(app: FastifyInstance): Promise<void> {
  typed(app).post(
    '/api/v1/requests/bulk',
    {
      schema: {
        operationId: 'bulkRequestAction',
        summary: '批量分派办理人或设定主办科室（逐件办理、逐件记录，返回每件的结果）',
        description:
          '办理人或科室须在本人管辖范围内，否则整批不办理（400）。每件申请单独办理（单独的事务、权限检查和办理记录）；不能办理的逐件说明原因，无权查看或不存在的申请只说“无权处理”。',
        tags: ['依申请公开'],
        security: STAFF,
        body: BulkBody,
        response: answers({ 200: BulkDone }),
      },
    },
    async (req) => {
      staff(req);
      const b = req.body;
      const { target, results } = await bulkRequestAction(req.ctx, {
        action: b.action,
        ids: b.ids,
        targetId: b.action === 'assign' ? b.handlerId : b.departmentId,
      });
      const succeeded = results.filter((r) => r.ok).length;
      return { target, succeeded, failed: results.length - succeeded, results };
    },
  );
}
