import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { unauthenticated, forbidden, notFound } from '../platform/errors.js';
import { ORG_KINDS } from '../orgs/orgs.rules.js';
import { ROLE_NAMES, can, scopePaths, isSysadmin } from '../orgs/roles.rules.js';
import { getOrg, listOrgs, type OrgRow } from '../orgs/orgs.store.js';
import { createOrg } from '../orgs/create-org.js';
import { updateOrg } from '../orgs/update-org.js';
import { createUser } from '../orgs/create-user.js';
import { grantRole } from '../orgs/grant-role.js';
import { queryAudit } from '../platform/audit/audit-query.js';

const Org = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  kind: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  code: Type.Union([Type.String(), Type.Null()]),
  isDemo: Type.Boolean(),
});
const OrgInput = Type.Object({
  parentId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
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
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const sec = [{ bearer: [] }];

const orgJson = (o: OrgRow) => ({ id: o.id, parentId: o.parent_id, kind: o.kind, name: o.name, shortName: o.short_name, code: o.code, isDemo: o.is_demo === 1 });

function staff(req: { actor: { kind: string } }) {
  if (req.actor.kind !== 'user') throw unauthenticated();
}

/** JSON API for organisations, users and the audit log (staff, API tokens). */
export async function foundationApi(app: FastifyInstance): Promise<void> {
  app.get('/api/v1/me', { schema: { summary: '当前用户与角色', tags: ['账号'], security: sec } }, async (req) => {
    staff(req);
    return { id: req.actor.userId, username: req.actor.label, roles: req.actor.grants.map((g) => ({ role: g.role, orgId: g.orgId })), tokenRoles: req.actor.tokenRoles ?? null };
  });

  app.get('/api/v1/orgs', { schema: { summary: '机构列表（本人管辖范围）', tags: ['机构'], security: sec, response: { 200: Type.Object({ data: Type.Array(Org) }) } } }, async (req) => {
    staff(req);
    const paths = scopePaths(req.actor, ROLE_NAMES);
    return { data: (await listOrgs(req.ctx.db, { underPaths: paths })).map(orgJson) };
  });

  app.post('/api/v1/orgs', { schema: { summary: '新建机构', tags: ['机构'], security: sec, body: OrgInput, response: { 201: Org } } }, async (req, reply) => {
    staff(req);
    const org = await createOrg(req.ctx, req.body as never);
    return reply.status(201).send(orgJson(org));
  });

  app.get('/api/v1/orgs/:id', { schema: { summary: '机构详情', tags: ['机构'], security: sec, params: IdParams } }, async (req) => {
    staff(req);
    const org = await getOrg(req.ctx.db, (req.params as { id: number }).id);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    if (!can(req.actor, 'org.view', org.path)) throw forbidden();
    return { ...orgJson(org), officeName: org.office_name, address: org.address, officeHours: org.office_hours, phone: org.phone, fax: org.fax, email: org.email, website: org.website, postcode: org.postcode };
  });

  app.put('/api/v1/orgs/:id', { schema: { summary: '修改机构', tags: ['机构'], security: sec, params: IdParams, body: OrgInput, response: { 200: Org } } }, async (req) => {
    staff(req);
    return orgJson(await updateOrg(req.ctx, (req.params as { id: number }).id, req.body as never));
  });

  app.post(
    '/api/v1/users',
    {
      schema: {
        summary: '新建用户（返回一次性密码）',
        tags: ['用户'],
        security: sec,
        body: Type.Object({
          username: Type.String(),
          displayName: Type.String(),
          email: Type.Optional(Type.String()),
          grants: Type.Array(Type.Object({ role: Type.String(), orgId: Type.Integer() }), { minItems: 1 }),
        }),
      },
    },
    async (req, reply) => {
      staff(req);
      const { user, oneTimePassword } = await createUser(req.ctx, req.body as never);
      return reply.status(201).send({ id: user.id, username: user.username, oneTimePassword });
    },
  );

  app.post(
    '/api/v1/users/:id/grants',
    { schema: { summary: '授予角色', tags: ['用户'], security: sec, params: IdParams, body: Type.Object({ role: Type.String(), orgId: Type.Integer() }) } },
    async (req, reply) => {
      staff(req);
      const b = req.body as { role: string; orgId: number };
      await grantRole(req.ctx, { userId: (req.params as { id: number }).id, role: b.role, orgId: b.orgId });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/audit',
    {
      schema: {
        summary: '审计日志（本人管辖范围）',
        tags: ['审计'],
        security: sec,
        querystring: Type.Object({ action: Type.Optional(Type.String()), page: Type.Optional(Type.Integer({ minimum: 1 })), perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
      },
    },
    async (req) => {
      staff(req);
      const paths = scopePaths(req.actor, ['sysadmin', 'supervisor', 'agency_admin']);
      if (!paths.length) throw forbidden();
      const q = req.query as { action?: string; page?: number; perPage?: number };
      const perPage = q.perPage ?? 50;
      const page = q.page ?? 1;
      const { rows, total } = await queryAudit(req.ctx.db, { orgPaths: isSysadmin(req.actor) ? undefined : paths, action: q.action, limit: perPage, offset: (page - 1) * perPage });
      return { data: rows, page, perPage, total };
    },
  );
}
