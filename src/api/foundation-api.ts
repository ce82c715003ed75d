import type { FastifyInstance, FastifyRequest } from 'fastify';
import { typed, Type } from '../platform/http/schemas.js';
import { forbidden } from '../platform/errors.js';
import {
  ORG_KINDS,
  scopePaths,
  isSysadmin,
  type OrgRow,
  orgsInScope,
  viewableOrg,
  createOrg,
  updateOrg,
  createUser,
  grantRole,
  whoAmI,
} from '../orgs/index.js';
import { queryAudit } from '../platform/audit/audit-query.js';
import { answers, IdParams, NoContent, Nullable, Paged, PageQuery, STAFF, staff } from './api-schemas.js';

const Org = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  kind: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  code: Nullable(Type.String()),
  isDemo: Type.Boolean(),
});
const OrgDetail = Type.Composite([
  Org,
  Type.Object({
    officeName: Nullable(Type.String()),
    address: Nullable(Type.String()),
    officeHours: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    fax: Nullable(Type.String()),
    email: Nullable(Type.String()),
    website: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
  }),
]);
const OrgInput = Type.Object({
  parentId: Type.Optional(Nullable(Type.Integer())),
  kind: Type.Union(Object.keys(ORG_KINDS).map((k) => Type.Literal(k))),
  name: Type.String({ maxLength: 100 }),
  shortName: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  sortOrder: Type.Optional(Type.Integer()),
  officeName: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  officeHours: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  fax: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  website: Type.Optional(Type.String()),
  postcode: Type.Optional(Type.String()),
});
const Grant = Type.Object({ role: Type.String(), orgId: Type.Integer() });
const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String({ description: '用户名' }),
  displayName: Type.String({ description: '姓名' }),
  roles: Type.Array(Grant),
  tokenRoles: Nullable(Type.Array(Type.String()), { description: '使用令牌时：令牌可用的角色' }),
  token: Nullable(
    Type.Object({
      name: Type.String({ description: '令牌名称' }),
      prefix: Type.String({ description: '令牌前缀（gk_…）' }),
      roles: Type.Array(Type.String()),
      expiresAt: Nullable(Type.String()),
    }),
    { description: '本次调用所用的 API 令牌；以登录会话调用时为 null' },
  ),
});
const UserInput = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  email: Type.Optional(Type.String()),
  grants: Type.Array(Grant, { minItems: 1 }),
});
const CreatedUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  oneTimePassword: Type.String({ description: '一次性密码（只返回这一次，首次登录须修改）' }),
});
const AuditEvent = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actor_label: Type.String(),
  action: Type.String(),
  subject_type: Type.String(),
  subject_id: Nullable(Type.String()),
  summary: Type.String(),
  ip: Nullable(Type.String()),
  org_name: Nullable(Type.String()),
});
const AuditQuery = Type.Object({ action: Type.Optional(Type.String()), ...PageQuery(500) });

const orgJson = (o: OrgRow) => ({
  id: o.id,
  parentId: o.parent_id,
  kind: o.kind,
  name: o.name,
  shortName: o.short_name,
  code: o.code,
  isDemo: o.is_demo === 1,
});

/** The API token of the call, when made with one. */
const bearerOf = (req: FastifyRequest): string | null => {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
};

/** JSON API for organisations, users and the audit log (staff, API tokens). */
export async function foundationApi(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    '/api/v1/me',
    {
      schema: {
        summary: '当前用户与角色',
        tags: ['账号'],
        operationId: 'getMe',
        security: STAFF,
        response: answers({ 200: Me }),
      },
    },
    async (req) => {
      staff(req);
      return whoAmI(req.ctx, bearerOf(req));
    },
  );

  r.get(
    '/api/v1/orgs',
    {
      schema: {
        summary: '机构列表（本人管辖范围）',
        tags: ['机构'],
        operationId: 'listOrgs',
        security: STAFF,
        response: answers({ 200: Type.Object({ data: Type.Array(Org) }) }),
      },
    },
    async (req) => {
      staff(req);
      return { data: (await orgsInScope(req.ctx)).map(orgJson) };
    },
  );

  r.post(
    '/api/v1/orgs',
    {
      schema: {
        summary: '新建机构',
        tags: ['机构'],
        operationId: 'createOrg',
        security: STAFF,
        body: OrgInput,
        response: answers({ 201: Org }),
      },
    },
    async (req, reply) => {
      staff(req);
      const org = await createOrg(req.ctx, req.body);
      return reply.status(201).send(orgJson(org));
    },
  );

  r.get(
    '/api/v1/orgs/:id',
    {
      schema: {
        summary: '机构详情',
        tags: ['机构'],
        operationId: 'getOrg',
        security: STAFF,
        params: IdParams,
        response: answers({ 200: OrgDetail }),
      },
    },
    async (req) => {
      staff(req);
      const org = await viewableOrg(req.ctx, req.params.id);
      return {
        ...orgJson(org),
        officeName: org.office_name,
        address: org.address,
        officeHours: org.office_hours,
        phone: org.phone,
        fax: org.fax,
        email: org.email,
        website: org.website,
        postcode: org.postcode,
      };
    },
  );

  r.put(
    '/api/v1/orgs/:id',
    {
      schema: {
        summary: '修改机构',
        tags: ['机构'],
        operationId: 'updateOrg',
        security: STAFF,
        params: IdParams,
        body: OrgInput,
        response: answers({ 200: Org }),
      },
    },
    async (req) => {
      staff(req);
      return orgJson(await updateOrg(req.ctx, req.params.id, req.body));
    },
  );

  r.post(
    '/api/v1/users',
    {
      schema: {
        summary: '新建用户（返回一次性密码）',
        tags: ['用户'],
        operationId: 'createUser',
        security: STAFF,
        body: UserInput,
        response: answers({ 201: CreatedUser }),
      },
    },
    async (req, reply) => {
      staff(req);
      const { user, oneTimePassword } = await createUser(req.ctx, req.body);
      return reply.status(201).send({ id: user.id, username: user.username, oneTimePassword });
    },
  );

  r.post(
    '/api/v1/users/:id/grants',
    {
      schema: {
        summary: '授予角色',
        tags: ['用户'],
        operationId: 'grantRole',
        security: STAFF,
        params: IdParams,
        body: Grant,
        response: answers({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      staff(req);
      await grantRole(req.ctx, { userId: req.params.id, role: req.body.role, orgId: req.body.orgId });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/audit',
    {
      schema: {
        summary: '审计日志（本人管辖范围）',
        tags: ['审计'],
        operationId: 'listAuditEvents',
        security: STAFF,
        querystring: AuditQuery,
        response: answers({ 200: Paged(AuditEvent) }),
      },
    },
    async (req) => {
      staff(req);
      const paths = scopePaths(req.actor, ['sysadmin', 'supervisor', 'agency_admin']);
      if (!paths.length) throw forbidden();
      const perPage = req.query.perPage ?? 50;
      const page = req.query.page ?? 1;
      const { rows, total } = await queryAudit(req.ctx.db, {
        orgPaths: isSysadmin(req.actor) ? undefined : paths,
        action: req.query.action,
        limit: perPage,
        offset: (page - 1) * perPage,
      });
      return { data: rows, page, perPage, total };
    },
  );
}
