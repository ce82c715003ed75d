/**
 * The OpenAPI document keeps its promises: every operation it lists is called for real (with a real API
 * token where it needs one, on seeded data), and every answer is validated against the document's schema
 * for its status and content type (Ajv 8, JSON Schema 2020-12, as OpenAPI 3.1). The list of operations is
 * read from the document, so a new route without a call here fails; and an answer must be what the
 * handler returned (the response schema may not silently drop or coerce anything).
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app/build-app.js';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { makePublishedItem } from '../../test/helpers/catalog.js';
import { onePagePdf } from '../../test/helpers/pdf.js';
import { residentIdCheckChar } from '../orgs/codes.rules.js';
import { createToken } from '../orgs/api-tokens.js';
import type { Actor } from '../platform/context.js';
import { publicActor, systemActor } from '../platform/context.js';
import { seedOfficialCalendar } from '../calendar/save-calendar-years.js';
import { registerRequest } from '../requests/register-request.js';
import { assignRequest } from '../requests/assign-request.js';
import { createReport } from '../reports/create-report.js';
import { submitMessage } from '../interaction/submit-message.js';
import { acceptMessage } from '../interaction/accept-message.js';
import { replyMessage } from '../interaction/reply-message.js';
import { publishQa } from '../interaction/publish-qa.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface Media {
  schema?: Record<string, unknown>;
}
interface Operation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, { description?: string; content?: Record<string, Media> }>;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}
interface Seen {
  op: string;
  res: LightMyRequestResponse;
  /** What the handler (or the error handler) gave to be serialized, when it was an object. */
  handed: { value: unknown } | null;
}

const ID17 = '11010519491231002';
const ID = ID17 + residentIdCheckChar(ID17);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

describeDb('OpenAPI contract: every documented operation answers as documented', (h) => {
  let app: FastifyInstance;
  let doc: Doc;
  const seen: Seen[] = [];
  let route: string | undefined;
  let handed: Seen['handed'] = null;

  before(async () => {
    app = await buildApp(h.config, h.database());
    // Which route answered, and what it handed to the serializer (the answer before the response schema).
    app.addHook('preSerialization', async (_req, _reply, payload) => {
      handed = { value: payload };
      return payload;
    });
    app.addHook('onResponse', async (req) => {
      route = req.routeOptions.url;
    });
    await app.ready();
    doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as Doc;
  });
  after(async () => {
    await app?.close();
  });

  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    o: { token?: string; payload?: unknown; headers?: Record<string, string> } = {},
  ) => {
    route = undefined;
    handed = null;
    const headers = { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers };
    const res = await app.inject({
      method,
      url,
      headers,
      ...(o.payload === undefined ? {} : { payload: o.payload as string }),
    });
    seen.push({ op: `${method.toLowerCase()} ${(route ?? url).replace(/:(\w+)/g, '{$1}')}`, res, handed });
    return res;
  };
  const ok = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    status: number,
    o: Parameters<typeof call>[2] = {},
  ) => {
    const res = await call(method, url, o);
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body.slice(0, 500)}`);
    return res;
  };

  it('every operation has an operationId (camelCase, unique), its security, a 2xx answer with a schema and the error shape for 4xx', () => {
    const ids = new Set<string>();
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops).filter(([m]) => METHODS.includes(m))) {
        const key = `${method} ${path}`;
        if (!op.operationId || !/^[a-z][A-Za-z0-9]*$/.test(op.operationId))
          problems.push(`${key}: operationId ${op.operationId}`);
        else if (ids.has(op.operationId)) problems.push(`${key}: operationId ${op.operationId} twice`);
        else ids.add(op.operationId);
        if (!Array.isArray(op.security)) problems.push(`${key}: no security`);
        const success = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
        if (!success.length) problems.push(`${key}: no 2xx answer`);
        for (const [code, r] of success) {
          // 204 No Content has no body by definition; every other success answer describes its body.
          if (code === '204') continue;
          const schemas = Object.values(r.content ?? {}).map((m) => m.schema);
          if (!schemas.length || schemas.some((s) => !s || Object.keys(s).length === 0))
            problems.push(`${key}: ${code} without a schema`);
        }
        const errors = op.responses?.['4XX']?.content?.['application/json']?.schema as
          { properties?: { errors?: unknown } } | undefined;
        if (!errors?.properties?.errors) problems.push(`${key}: no 4XX error shape`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(ids.size > 40, `only ${ids.size} operations`);
    // Only the API is described: no console or portal route, not the document itself.
    assert.deepEqual(
      Object.keys(doc.paths).filter(
        (p) => !p.startsWith('/api/v1/') || p === '/api/v1/openapi.json' || p === '/api/v1/docs',
      ),
      [],
    );
  });

  it('calls every operation for real', async () => {
    const db = h.db();
    const at = new Date('2026-11-16T02:00:00Z');
    const ctx = (a: Actor) => h.ctx(a, at);
    await seedOfficialCalendar(h.ctx());
    const root = await makeOrg(db, { name: '示例县人民政府' });
    const agency = await makeOrg(db, { parent: root, name: '示例县交通运输局' });
    const office = await makeOrg(db, { parent: agency, kind: 'section', name: '办公室' });
    const law = await makeOrg(db, { parent: agency, kind: 'section', name: '法规科' });
    const finance = await makeOrg(db, { parent: agency, kind: 'section', name: '财务科' });
    const token = async (role: string, org: typeof root) => {
      const u = await makeUser(db, [[role, org]]);
      return { ...u, token: (await createToken(ctx(u.actor), { name: `${role} 同步`, roles: [role] })).token };
    };
    const sys = await token('sysadmin', root);
    const sup = await token('supervisor', root);
    const admin = await token('agency_admin', agency);
    const editor = await token('editor', agency);
    const handler = await token('request_handler', agency);
    const reqAdmin = await token('request_admin', agency);

    // Accounts, organisations, users, audit.
    const me = (await ok('GET', '/api/v1/me', 200, { token: sys.token })).json() as {
      username: string;
      token: { name: string; prefix: string } | null;
      tokenRoles: string[];
    };
    assert.equal(me.username, sys.username, 'the username is the username, not the token label');
    assert.equal(me.token?.name, 'sysadmin 同步');
    assert.match(me.token?.prefix ?? '', /^gk_/);
    assert.deepEqual(me.tokenRoles, ['sysadmin']);
    assert.equal((await call('GET', '/api/v1/me', { token: 'gk_not_a_token' })).statusCode, 401);
    await ok('GET', '/api/v1/orgs', 200, { token: sys.token });
    const created = (
      await ok('POST', '/api/v1/orgs', 201, {
        token: sys.token,
        payload: { parentId: root.id, kind: 'agency', name: '示例县审计局' },
      })
    ).json() as { id: number };
    await ok('GET', `/api/v1/orgs/${created.id}`, 200, { token: sys.token });
    assert.equal((await call('GET', '/api/v1/orgs/999999', { token: sys.token })).statusCode, 404);
    await ok('PUT', `/api/v1/orgs/${created.id}`, 200, {
      token: sys.token,
      payload: { kind: 'agency', name: '示例县审计局', phone: '0371-1234567' },
    });
    const user = (
      await ok('POST', '/api/v1/users', 201, {
        token: sys.token,
        payload: { username: 'api.editor', displayName: '接口用户', grants: [{ role: 'editor', orgId: agency.id }] },
      })
    ).json() as { id: number };
    await ok('POST', `/api/v1/users/${user.id}/grants`, 204, {
      token: sys.token,
      payload: { role: 'approver', orgId: agency.id },
    });
    assert.equal(
      (await call('POST', '/api/v1/users', { token: sys.token, payload: { username: 'x' } })).statusCode,
      400,
    );
    await ok('GET', '/api/v1/audit?perPage=5', 200, { token: sys.token });

    // The clock and the calendar (public).
    await ok('POST', '/api/v1/clock?asOf=2025-10-09', 200, {
      payload: {
        received: { on: '2025-09-26', channel: 'online' },
        events: [{ type: 'extended', on: '2025-10-09', days: 5 }],
      },
    });
    assert.equal(
      (
        await call('POST', '/api/v1/clock', {
          payload: { received: { on: '2025-09-26', channel: 'online' }, events: [{ type: 'teleported' }] },
        })
      ).statusCode,
      400,
    );
    await ok('GET', '/api/v1/calendar/2026', 200);
    await ok('GET', '/api/v1/calendar/days/2026-10-09', 200);

    // 政府信息公开目录: public reads and the staff workflow.
    const published = await makePublishedItem(db, ctx, agency, { title: '关于2027年部门预算公开的通知' });
    await ok('GET', '/api/v1/public/items', 200);
    const csv = await ok('GET', `/api/v1/public/items.csv?orgId=${agency.id}`, 200);
    assert.match(csv.body, /关于2027年部门预算公开的通知/);
    await ok('GET', `/api/v1/public/items/${published}`, 200);
    assert.equal((await call('GET', '/api/v1/public/items/999999')).statusCode, 404);
    const item = {
      title: '2026年第四季度工作动态',
      bodyHtml: '<p>动态</p>',
      genre: '其他',
      disclosureMode: '主动公开',
      createdOn: '2026-11-10',
    };
    const draft = (
      await ok('POST', '/api/v1/items', 201, { token: editor.token, payload: { orgId: agency.id, ...item } })
    ).json() as { id: number };
    await ok('GET', '/api/v1/items', 200, { token: editor.token });
    await ok('PUT', `/api/v1/items/${draft.id}`, 200, { token: editor.token, payload: { ...item, summary: '概述' } });
    const file = { filename: '附件.pdf', contentBase64: onePagePdf('att').toString('base64') };
    await ok('POST', `/api/v1/items/${draft.id}/attachments`, 201, { token: editor.token, payload: file });
    await ok('POST', `/api/v1/items/${draft.id}/transitions`, 200, {
      token: editor.token,
      payload: { action: 'submit' },
    });
    await ok('GET', `/api/v1/items/${draft.id}`, 200, { token: editor.token });
    await ok('GET', `/api/v1/public/search?q=${encodeURIComponent('预算')}`, 200);

    // 依申请公开: a registered case, assigned to its handler.
    const form = {
      applicantType: 'citizen',
      name: '王五',
      idType: 'resident_id',
      idNumber: ID,
      phone: '13912345678',
      infoTitle: '某路段拓宽工程批复',
      form: 'electronic',
      delivery: 'pickup',
    };
    const kase = await registerRequest(ctx(handler.actor), {
      ...form,
      orgId: agency.id,
      channel: 'in_person',
      receivedOn: '2026-11-10',
    });
    await assignRequest(ctx(reqAdmin.actor), { requestId: kase.id, handlerId: handler.id });
    await ok('GET', '/api/v1/requests', 200, { token: handler.token });
    await ok('POST', '/api/v1/requests/bulk', 200, {
      token: reqAdmin.token,
      payload: { action: 'assign', handlerId: handler.id, ids: [kase.id] },
    });
    await ok('GET', `/api/v1/requests/statistics?orgId=${agency.id}&year=2026`, 200, { token: reqAdmin.token });
    await ok('GET', `/api/v1/requests/${kase.id}`, 200, { token: handler.token });
    await ok('POST', `/api/v1/requests/${kase.id}/events`, 201, {
      token: handler.token,
      payload: { type: 'request_extension', days: 5, reason: '需要调取档案' },
    });
    const dept = `/api/v1/requests/${kase.id}/departments`;
    await ok('GET', dept, 200, { token: handler.token });
    await ok('PUT', `${dept}/lead`, 200, { token: handler.token, payload: { orgId: office.id } });
    await ok('POST', dept, 201, { token: handler.token, payload: { orgId: law.id, internalDueOn: '2026-11-25' } });
    await ok('POST', `${dept}/${law.id}/reply`, 201, {
      token: handler.token,
      payload: { text: '同意公开', by: '钱科员' },
    });
    await ok('POST', dept, 201, { token: handler.token, payload: { orgId: finance.id } });
    await ok('DELETE', `${dept}/${finance.id}`, 200, { token: handler.token });
    const tpl = `/api/v1/requests/letter-templates/${agency.id}`;
    const templates = (await ok('GET', tpl, 200, { token: reqAdmin.token })).json() as {
      data: Array<{ code: string; body: string }>;
    };
    const one = templates.data.find((t) => t.code === '5.2')!;
    await ok('PUT', `${tpl}/5.2`, 200, { token: reqAdmin.token, payload: { title: '重复申请告知书', body: one.body } });
    await ok('DELETE', `${tpl}/5.2`, 200, { token: reqAdmin.token });
    const proofs = `/api/v1/requests/${kase.id}/id-proofs`;
    await ok('POST', proofs, 201, {
      token: handler.token,
      payload: { files: [{ filename: '身份证.pdf', contentBase64: onePagePdf('id').toString('base64') }] },
    });
    const list = (await ok('GET', proofs, 200, { token: handler.token })).json() as { data: Array<{ id: number }> };
    const pdf = await ok('GET', `${proofs}/${list.data[0]!.id}`, 200, { token: handler.token });
    assert.equal(pdf.headers['content-type'], 'application/pdf');

    // 互动交流: a message answered and published to the public Q&A, and the staff list.
    const clerk = await makeUser(db, [['message_handler', agency]]);
    const msg = await submitMessage(h.ctx(publicActor('1.2.3.4'), at), {
      orgId: agency.id,
      type: 'consult',
      subject: '道路维修归哪个部门管',
      content: '村口道路坑洼，电话13812345678。',
      name: '张三丰',
      phone: '13812345678',
      publishConsent: true,
    });
    await acceptMessage(ctx(clerk.actor), { messageId: msg.id });
    await replyMessage(ctx(clerk.actor), {
      messageId: msg.id,
      replyPublic: '道路维修由县交通运输局负责，已安排修补。',
    });
    await publishQa(ctx(clerk.actor), { messageId: msg.id, publish: true });
    const qa = (await ok('GET', '/api/v1/public/qa', 200)).json() as { total: number };
    assert.equal(qa.total, 1);
    await ok('GET', '/api/v1/messages', 200, { token: sup.token });

    // 年度报告: a published report, and the checker.
    const report = await createReport(h.ctx(systemActor('test'), at), { orgId: agency.id, year: 2025 });
    await db
      .updateTable('annual_reports')
      .set({ status: 'published', published_at: at.toISOString() })
      .where('id', '=', report.id)
      .execute();
    await ok('GET', '/api/v1/reports', 200);
    await ok('GET', `/api/v1/reports/${report.id}`, 200);
    const b = `----gk${randomBytes(8).toString('hex')}`;
    const text = '示例县交通运输局2025年政府信息公开工作年度报告\n';
    const multipart = Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="report.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${b}--\r\n`,
    );
    await ok('POST', '/api/v1/reports/check', 200, {
      token: sup.token,
      payload: multipart,
      headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    });

    // 监督检查: the dashboard, a yearly task reported and accepted, public statistics.
    await ok('GET', '/api/v1/supervision/dashboard', 200, { token: sup.token });
    const task = (
      await ok('POST', '/api/v1/supervision/tasks', 201, {
        token: sup.token,
        payload: {
          jurisdictionOrgId: root.id,
          year: 2026,
          category: '主动公开',
          content: '公开部门预算',
          responsibleOrgId: agency.id,
          deadline: '2026-12-31',
          evidenceRequired: '公开网址',
        },
      })
    ).json() as { id: number };
    await ok('GET', '/api/v1/supervision/tasks?year=2026', 200, { token: sup.token });
    await ok('POST', `/api/v1/supervision/tasks/${task.id}/report`, 201, {
      token: admin.token,
      payload: { progress: '已公开', links: 'https://example.gov.cn/ys' },
    });
    await ok('POST', `/api/v1/supervision/tasks/${task.id}/review`, 200, {
      token: sup.token,
      payload: { decision: 'accept' },
    });
    await ok('GET', '/api/v1/public/stats', 200);
  });

  it('every documented operation was called, with at least one success, and every answer matches its schema', () => {
    const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
    const compiled = new Map<object, ValidateFunction>();
    const validate = (schema: Record<string, unknown>, value: unknown) => {
      let v = compiled.get(schema);
      if (!v) compiled.set(schema, (v = ajv.compile(schema)));
      return v(value) ? null : ajv.errorsText(v.errors, { dataVar: 'body' });
    };
    const ops = Object.entries(doc.paths).flatMap(([p, o]) =>
      Object.keys(o)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m} ${p}`),
    );
    const succeeded = new Set(seen.filter((s) => s.res.statusCode < 300).map((s) => s.op));
    assert.deepEqual(
      ops.filter((op) => !succeeded.has(op)),
      [],
      'operations in the document that no call here exercised successfully',
    );
    const problems: string[] = [];
    for (const { op, res, handed: given } of seen) {
      const [method, path] = op.split(' ') as [string, string];
      const operation = doc.paths[path]?.[method];
      if (!operation) {
        problems.push(`${op}: not in the document`);
        continue;
      }
      const status = String(res.statusCode);
      const answer =
        operation.responses?.[status] ?? operation.responses?.[`${status[0]}XX`] ?? operation.responses?.default;
      if (!answer) {
        problems.push(`${op} → ${status}: status not documented`);
        continue;
      }
      if (status === '204') {
        if (res.body !== '' || answer.content) problems.push(`${op} → 204 with a body`);
        continue;
      }
      const type = String(res.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim();
      const media = answer.content?.[type];
      if (!media?.schema) {
        problems.push(`${op} → ${status}: content type ${type} not documented`);
        continue;
      }
      const json = type === 'application/json';
      const body: unknown = json ? res.json() : res.body;
      const error = validate(media.schema, body);
      if (error) problems.push(`${op} → ${status}: ${error}`);
      if (json && given) {
        try {
          assert.deepEqual(body, JSON.parse(JSON.stringify(given.value)));
        } catch {
          problems.push(
            `${op} → ${status}: the answer is not what the handler returned (a field missing from the schema or of another type)`,
          );
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
