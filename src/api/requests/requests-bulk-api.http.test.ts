import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import type { Actor } from '../../platform/context.js';
import { registerRequest } from '../../requests/register-request.js';
import { assignRequest } from '../../requests/assign-request.js';
import { answerRequest } from '../../requests/answer-request.js';
import { createToken } from '../../orgs/api-tokens.js';

const ID17 = '11010519491231002';
const NOW = new Date('2025-10-09T02:00:00Z');
const form = {
  applicantType: 'citizen',
  idType: 'resident_id',
  idNumber: ID17 + residentIdCheckChar(ID17),
  phone: '13912345678',
  form: 'electronic',
  delivery: 'pickup',
  channel: 'in_person',
  receivedOn: '2025-09-26',
};

describeApp(
  'API: bulk actions on requests (POST /api/v1/requests/bulk)',
  (h) => {
    let org: OrgRow;
    let office: OrgRow;
    let otherOffice: OrgRow;
    let a: { id: number; actor: Actor };
    let b: { id: number; actor: Actor };
    let outsider: { id: number; actor: Actor };
    const ids: Record<'open1' | 'open2' | 'closed' | 'other', number> = {} as never;
    const tokens: Record<'head' | 'handler' | 'otherHead', string> = {} as never;
    const bulk = (token: string, payload: object) =>
      h.app().inject({
        method: 'POST',
        url: '/api/v1/requests/bulk',
        headers: { authorization: `Bearer ${token}` },
        payload,
      });
    const handlerOf = async (id: number) =>
      (await h.db().selectFrom('requests').select('handler_id').where('id', '=', id).executeTakeFirstOrThrow())
        .handler_id;

    before(async () => {
      const county = await makeOrg(h.db(), { name: '示范县' });
      org = await makeOrg(h.db(), { parent: county, name: '县交通运输局' });
      office = await makeOrg(h.db(), { parent: org, kind: 'section', name: '综合股' });
      const other = await makeOrg(h.db(), { parent: county, name: '县自然资源局' });
      otherOffice = await makeOrg(h.db(), { parent: other, kind: 'section', name: '法规股' });
      a = await makeUser(h.db(), [['request_handler', org]]);
      b = await makeUser(h.db(), [['request_handler', org]]);
      const head = await makeUser(h.db(), [['request_admin', org]]);
      const otherHead = await makeUser(h.db(), [['request_admin', other]]);
      outsider = await makeUser(h.db(), [['request_handler', other]]);
      const reg = async (actor: Actor, orgId: number, infoTitle: string) =>
        (await registerRequest(h.ctx(actor, NOW), { ...form, name: '李四', infoTitle, orgId })).id;
      ids.open1 = await reg(head.actor, org.id, '某路段拓宽工程批复');
      ids.open2 = await reg(head.actor, org.id, '公交线路调整方案');
      ids.closed = await reg(head.actor, org.id, '桥梁检测报告');
      ids.other = await reg(otherHead.actor, other.id, '土地征收批复');
      await assignRequest(h.ctx(head.actor, NOW), { requestId: ids.closed, handlerId: a.id });
      await answerRequest(h.ctx(a.actor, NOW), {
        requestId: ids.closed,
        outcome: '1',
        letter: '经审查，予以公开。',
        on: '2025-10-09',
      });
      const token = async (actor: Actor, role: string) =>
        (await createToken(h.ctx(actor, NOW), { name: '办件系统', roles: [role] })).token;
      tokens.head = await token(head.actor, 'request_admin');
      tokens.handler = await token(a.actor, 'request_handler');
      tokens.otherHead = await token(otherHead.actor, 'request_admin');
    });

    it('assigns each case on its own and answers per case; another agency’s case only says 无权处理', async () => {
      const res = await bulk(tokens.head, {
        action: 'assign',
        handlerId: b.id,
        ids: [ids.open1, ids.open2, ids.closed, ids.other, 999999, ids.open1],
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as {
        target: string;
        succeeded: number;
        failed: number;
        results: Array<{ id: number; requestNo: string | null; orgName: string | null; ok: boolean; message: string }>;
      };
      assert.equal(body.succeeded, 2);
      assert.equal(body.failed, 3);
      assert.deepEqual(
        body.results.map((r) => [r.id, r.ok]),
        [
          [ids.open1, true],
          [ids.open2, true],
          [ids.closed, false],
          [ids.other, false],
          [999999, false],
        ],
        'one result per distinct id, in the order given',
      );
      assert.match(body.results[0].message, new RegExp(`^已分派给 ${body.target}$`));
      assert.match(body.results[2].message, /申请当前状态为“已答复”，不能分派办理人。/);
      // Another agency's case and a missing one read the same: nothing about the case itself.
      for (const r of body.results.slice(3))
        assert.deepEqual({ ...r, id: 0 }, { id: 0, requestNo: null, orgName: null, ok: false, message: '无权处理' });
      assert.equal(await handlerOf(ids.open1), b.id);
      assert.equal(await handlerOf(ids.open2), b.id);
      assert.equal(await handlerOf(ids.closed), a.id);
      assert.equal(await handlerOf(ids.other), null);
      const events = await h
        .db()
        .selectFrom('request_events')
        .select('request_id')
        .where('type', '=', 'assigned')
        .where('request_id', 'in', [ids.open1, ids.open2])
        .execute();
      assert.equal(events.length, 2, 'each case has its own 办理记录');
    });

    it('sets the lead department in bulk', async () => {
      const res = await bulk(tokens.head, { action: 'lead', departmentId: office.id, ids: [ids.open1, ids.open2] });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((res.json() as { succeeded: number }).succeeded, 2);
      const leads = await h
        .db()
        .selectFrom('request_departments')
        .select('request_id')
        .where('role', '=', 'lead')
        .where('org_id', '=', office.id)
        .orderBy('request_id')
        .execute();
      assert.deepEqual(
        leads.map((l) => l.request_id),
        [ids.open1, ids.open2],
      );
    });

    it('refuses the whole batch for a target outside the caller’s agency, changing nothing', async () => {
      const before = await handlerOf(ids.open1);
      const foreign = await bulk(tokens.head, { action: 'assign', handlerId: outsider.id, ids: [ids.open1] });
      assert.equal(foreign.statusCode, 400);
      assert.match(foreign.body, /请选择您管辖范围内的办理人/);
      assert.equal(await handlerOf(ids.open1), before);
      const dept = await bulk(tokens.head, { action: 'lead', departmentId: otherOffice.id, ids: [ids.open1] });
      assert.equal(dept.statusCode, 400);
      assert.match(dept.body, /请选择您管辖范围内的主办科室/);
      // The other agency's head cannot touch this agency's cases through its own targets either.
      const cross = await bulk(tokens.otherHead, { action: 'assign', handlerId: outsider.id, ids: [ids.open1] });
      assert.equal(cross.statusCode, 200);
      assert.deepEqual((cross.json() as { results: Array<{ message: string }> }).results[0].message, '无权处理');
      assert.equal(await handlerOf(ids.open1), before);
    });

    it('a handler may not reassign: the case says why', async () => {
      const res = await bulk(tokens.handler, { action: 'assign', handlerId: a.id, ids: [ids.open1] });
      assert.equal(res.statusCode, 200);
      const r = (res.json() as { results: Array<{ ok: boolean; message: string }> }).results[0];
      assert.equal(r.ok, false);
      assert.match(r.message, /只有依申请公开负责人可以分派或改派/);
      assert.equal(await handlerOf(ids.open1), b.id);
    });

    it('checks the body: action fields, id limits, Chinese messages; a bad token is a 401', async () => {
      const missing = await bulk(tokens.head, { action: 'assign', ids: [ids.open1] });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /办理人/);
      const empty = await bulk(tokens.head, { action: 'assign', handlerId: b.id, ids: [] });
      assert.equal(empty.statusCode, 400);
      const many = await bulk(tokens.head, {
        action: 'assign',
        handlerId: b.id,
        ids: Array.from({ length: 201 }, (_, i) => i + 1),
      });
      assert.equal(many.statusCode, 400);
      const unknown = await bulk(tokens.head, { action: 'close', ids: [ids.open1] });
      assert.equal(unknown.statusCode, 400);
      assert.doesNotMatch(unknown.body + missing.body + many.body, /must|should/);
      const anon = await bulk('gk_not_a_token', { action: 'assign', handlerId: b.id, ids: [ids.open1] });
      assert.equal(anon.statusCode, 401);
      assert.equal(await handlerOf(ids.open1), b.id);
    });
  },
  { now: () => NOW },
);
