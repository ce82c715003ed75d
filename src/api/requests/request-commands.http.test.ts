import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';
import { registerRequest } from '../../requests/register-request.js';
import { createToken } from '../../orgs/api-tokens.js';

const ID17 = '11010519491231002';
const ID = ID17 + residentIdCheckChar(ID17);
const NOW = new Date('2025-10-09T02:00:00Z');
const form = {
  applicantType: 'citizen',
  idType: 'resident_id',
  idNumber: ID,
  phone: '13912345678',
  form: 'electronic',
  delivery: 'pickup',
};

interface Branch {
  title?: string;
  required?: string[];
  properties: { type: { const: string } } & Record<string, { title?: string }>;
}

describeApp(
  '依申请公开 API: staff actions as commands',
  (h) => {
    let requestId: number;
    let handlerId: number;
    let token: string;
    const post = (payload: object) =>
      h.app().inject({
        method: 'POST',
        url: `/api/v1/requests/${requestId}/events`,
        headers: { authorization: `Bearer ${token}` },
        payload,
      });

    before(async () => {
      const org = await makeOrg(h.db(), { name: '县交通运输局' });
      const head = await makeUser(h.db(), [['request_admin', org]]);
      handlerId = (await makeUser(h.db(), [['request_handler', org]])).id;
      requestId = (
        await registerRequest(h.ctx(head.actor, NOW), {
          ...form,
          name: '李四',
          infoTitle: '某路段拓宽工程批复',
          orgId: org.id,
          channel: 'in_person',
          receivedOn: '2025-09-26',
        })
      ).id;
      token = (await createToken(h.ctx(head.actor, NOW), { name: '办理', roles: ['request_admin'] })).token;
    });

    it('the OpenAPI document gives each command its own shape and the response its fields', async () => {
      const doc = (await h.client().get('/api/v1/openapi.json')).json() as {
        paths: Record<
          string,
          Record<
            string,
            {
              requestBody: {
                content: {
                  'application/json': { schema: { oneOf: Branch[]; discriminator: { propertyName: string } } };
                };
              };
              responses: Record<
                string,
                { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } }
              >;
              security: unknown;
            }
          >
        >;
      };
      const op = doc.paths['/api/v1/requests/{id}/events']?.post;
      assert.ok(op);
      const body = op.requestBody.content['application/json'].schema;
      assert.deepEqual(body.discriminator, { propertyName: 'type' });
      const branches = body.oneOf;
      const of = (type: string) => branches.find((b) => b.properties.type.const === type);
      assert.equal(branches.length, 18);
      assert.deepEqual(of('extend')?.required, ['type', 'days', 'reason']);
      assert.equal(of('extend')?.properties.days?.title, '延长工作日数');
      assert.deepEqual(of('assign')?.required, ['type', 'handlerId']);
      assert.deepEqual(Object.keys(of('assign')?.properties ?? {}), ['type', 'handlerId']);
      assert.deepEqual(of('close_abandoned')?.required, ['type']);
      assert.deepEqual(Object.keys(op.responses['201']?.content['application/json'].schema.properties ?? {}), [
        'message',
        'state',
        'dueOn',
        'clock',
      ]);
      assert.deepEqual(op.security, [{ bearer: [] }]);
    });

    it('a command is checked against its own shape, runs its use-case and answers with the confirmation', async () => {
      const missing = await post({ type: 'extend', days: 10 });
      assert.equal(missing.statusCode, 400);
      const errors = (missing.json() as { errors: Array<{ field?: string; message: string }> }).errors;
      // Chosen by its type: only the command's own fields are named (not the seventeen other shapes).
      assert.deepEqual(errors, [{ code: 'invalid_input', field: 'reason', message: '缺少“理由”。' }]);
      const unknown = await post({ type: 'no_such_action' });
      assert.equal(unknown.statusCode, 400);
      assert.deepEqual(
        (unknown.json() as { errors: Array<{ field?: string }> }).errors.map((e) => e.field),
        ['type'],
      );
      assert.equal((await post({ type: 'assign', handlerId: 'someone' })).statusCode, 400);

      const done = await post({ type: 'assign', handlerId });
      assert.equal(done.statusCode, 201, done.body);
      const body = done.json() as {
        message: string;
        state: string;
        dueOn: string | null;
        clock: { receivedOn: string; steps: string[]; channel: string } | null;
      };
      assert.equal(body.message, '已分派办理人。');
      assert.equal(body.state, 'processing');
      assert.equal(body.clock?.receivedOn, '2025-09-26');
      assert.equal(body.clock?.channel, 'in_person', 'the clock keeps the fields the schema does not list');
      assert.ok(body.clock?.steps.length);
      const row = await h
        .db()
        .selectFrom('requests')
        .select('handler_id')
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      assert.equal(row.handler_id, handlerId);
    });
  },
  { now: () => NOW },
);
