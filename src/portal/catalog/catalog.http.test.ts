import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeUser } from '../../../test/helpers/factories.js';
import { CATALOG_NOW as NOW, catalogTeam, type CatalogTeam } from '../../../test/helpers/catalog-team.js';
import { createToken } from '../../orgs/api-tokens.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { systemActor } from '../../platform/context.js';
import { createItem } from '../../catalog/create-item.js';
import { submitItem } from '../../catalog/submit-item.js';
import { reviewItem } from '../../catalog/review-item.js';
import { publishItem } from '../../catalog/publish-item.js';

describeApp(
  'catalogue over HTTP: draft → 保密审查 → 签发 → public',
  (h) => {
    let org: OrgRow;
    let users: CatalogTeam['users'];
    let login: CatalogTeam['login'];
    let itemId = 0;

    before(async () => {
      ({ org, users, login } = await catalogTeam(h));
    });

    it('an editor gets Chinese field errors for a bad 文号 and nothing is saved', async () => {
      const c = await login('editor');
      const res = await c.post(
        '/console/items',
        {
          orgId: String(org.id),
          title: '关于预算公开的通知',
          bodyHtml: '<p>正文</p>',
          docNo: '财字第几号',
          genre: '通知',
          disclosureMode: '主动公开',
          createdOn: '2026-11-27',
        },
        { from: '/console/items/new' },
      );
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /发文字号“财字第几号”无法识别/);
      const n = await h.db().selectFrom('items').select(h.db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 0);
    });

    it('editor creates and submits; the draft is invisible on every public door', async () => {
      const c = await login('editor');
      const form = await c.get('/console/items/new');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /政策文件/, 'categories seeded on first use');
      const res = await c.post(
        '/console/items',
        {
          orgId: String(org.id),
          title: '关于2027年部门预算公开的通知',
          summary: '部门预算公开安排',
          bodyHtml: '<p>各股室：现将预算公开事项通知如下。</p>',
          docNo: '示财发(2026)12号',
          writtenOn: '2026-11-26',
          genre: '通知',
          disclosureMode: '主动公开',
          createdOn: '2026-11-27',
          topic: '财政、金融、审计\\财政',
        },
        { from: '/console/items/new' },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      itemId = Number(/\/console\/items\/(\d+)/.exec(String(res.headers.location))![1]);
      const page = await c.get(`/console/items/${itemId}`);
      assert.match(page.body, /MB1004000\/2026-00001/);
      assert.match(page.body, /剩余 20 个工作日（2026-12-25 前公开）/);

      const anon = h.client();
      assert.equal((await anon.get(`/gk/items/${itemId}`)).statusCode, 404);
      assert.equal((await anon.get(`/api/v1/public/items/${itemId}`)).statusCode, 404);
      assert.equal((await anon.get('/api/v1/public/items')).json().total, 0);

      const sub = await c.post(`/console/items/${itemId}/submit`, {}, { from: `/console/items/${itemId}` });
      assert.equal(sub.statusCode, 303);
      assert.equal((await anon.get(`/gk/items/${itemId}`)).statusCode, 404);
    });

    it('the secrecy reviewer finds it in 我的待办 and approves; the approver publishes', async () => {
      const s = await login('secrecy_reviewer');
      const queue = await s.get('/console/items/queue');
      assert.match(queue.body, /关于2027年部门预算公开的通知/);
      // Only the bulk action a secrecy reviewer takes is offered (not 签发, not 提交审核).
      assert.deepEqual(
        [...queue.body.matchAll(/<button type="submit" name="action" value="(\w+)"/g)].map((m) => m[1]),
        ['approve'],
      );
      const ok = await s.post(
        `/console/items/${itemId}/review`,
        { decision: 'approve', comment: '不涉密' },
        { from: `/console/items/${itemId}` },
      );
      assert.equal(ok.statusCode, 303);
      assert.equal((await h.client().get(`/gk/items/${itemId}`)).statusCode, 404, 'not public before 签发');

      const a = await login('approver');
      const signQueue = (await a.get('/console/items/queue')).body;
      const offered = [...signQueue.matchAll(/<button type="submit" name="action" value="(\w+)"/g)].map((m) => m[1]);
      assert.ok(offered.includes('publish') && !offered.includes('submit'), offered.join());
      const pub = await a.post(
        `/console/items/${itemId}/publish`,
        { publishOn: '' },
        { from: `/console/items/${itemId}` },
      );
      assert.equal(pub.statusCode, 303);
      const page = await a.get(`/console/items/${itemId}`);
      assert.match(page.body, /已发布/);
      assert.match(page.body, /按时/);

      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('subject_type', '=', 'item')
        .where('subject_id', '=', String(itemId))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((x) => x.action),
        ['item.create', 'item.submit', 'item.approve', 'item.publish'],
      );
    });

    it('the published item is on the portal and the public API', async () => {
      const anon = h.client();
      const page = await anon.get(`/gk/items/${itemId}`);
      assert.equal(page.statusCode, 200);
      for (const text of [
        '索引号',
        'MB1004000/2026-00001',
        '主题分类',
        '财政、金融、审计\\财政',
        '发布机构',
        '示例县财政局',
        '成文日期',
        '2026-11-26',
        '发文字号',
        '示财发<span class="nowrap">〔2026〕12号</span>',
        '发布日期',
        '2026-11-27',
        '有效性',
        '有效',
        '各股室',
      ]) {
        assert.ok(page.body.includes(text), text);
      }
      assert.doesNotMatch(page.body, new RegExp(users.secrecy_reviewer!), 'reviewer names stay in the console');
      assert.ok(!page.body.includes('示财发(2026)12号'), 'the 文号 is shown normalized');
      const stored = await h
        .db()
        .selectFrom('items')
        .select(['doc_no', 'doc_no_norm'])
        .where('id', '=', itemId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        stored,
        { doc_no: '示财发(2026)12号', doc_no_norm: '示财发〔2026〕12号' },
        'the record keeps the typed form',
      );
      assert.match(
        (await anon.get(`/gk/${org.id}`)).body,
        /<td data-label="发文字号">示财发<span class="nowrap">〔2026〕12号<\/span><\/td>/,
      );
      const staff = await login('approver');
      for (const q of ['示财发(2026)12号', '示财发〔2026〕12号', '示财发（2026）12号']) {
        assert.match(
          (await staff.get(`/console/items?q=${encodeURIComponent(q)}`)).body,
          /关于2027年部门预算公开的通知/,
          q,
        );
      }
      const csv = (await staff.get('/console/items/export?format=csv')).body;
      assert.match(csv, /,示财发〔2026〕12号,/);
      assert.ok(!csv.includes('示财发(2026)12号'));
      assert.match((await anon.get(`/gk/${org.id}`)).body, /关于2027年部门预算公开的通知/);
      assert.match((await anon.get('/gk')).body, /示例县财政局<\/a> <span class="muted">（1 条）/);
      const list = (await anon.get('/api/v1/public/items')).json() as {
        total: number;
        data: Array<{ id: number; indexNo: string; publishedOn: string }>;
      };
      assert.equal(list.total, 1);
      assert.equal(list.data[0]!.indexNo, 'MB1004000/2026-00001');
      const doc = (await anon.get('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
      for (const p of [
        '/api/v1/public/items',
        '/api/v1/public/items/{id}',
        '/api/v1/items',
        '/api/v1/items/{id}/transitions',
      ])
        assert.ok(doc.paths[p], p);
      const one = (await anon.get(`/api/v1/public/items/${itemId}`)).json() as { title: string; bodyHtml: string };
      assert.equal(one.title, '关于2027年部门预算公开的通知');
    });

    it('the staff API creates an item and moves it through the workflow with tokens', async () => {
      const ed = await createToken(h.ctx((await makeUser(h.db(), [['editor', org]])).actor), {
        name: '采编系统',
        roles: ['editor'],
      });
      const create = (writtenOn: string) =>
        h.client().app.inject({
          method: 'POST',
          url: '/api/v1/items',
          headers: { authorization: `Bearer ${ed.token}` },
          payload: {
            orgId: org.id,
            title: '2026年第四季度工作动态',
            bodyHtml: '<p>动态</p>',
            genre: '其他',
            disclosureMode: '主动公开',
            createdOn: '2026-11-27',
            writtenOn,
          },
        });
      // A document is written before it is recorded: 成文日期 after today (2026-11-27 here) is refused.
      const future = await create('2026-11-28');
      assert.equal(future.statusCode, 400, future.body);
      assert.equal((future.json() as { errors: Array<{ code: string }> }).errors[0]!.code, 'item_written_on_future');
      // JSON text is cleaned like form text: a title of invisible characters is empty, direction controls go.
      const titled = (title: string) =>
        h.app().inject({
          method: 'POST',
          url: '/api/v1/items',
          headers: { authorization: `Bearer ${ed.token}` },
          payload: {
            orgId: org.id,
            title,
            bodyHtml: '<p>动态</p>',
            genre: '其他',
            disclosureMode: '主动公开',
            createdOn: '2026-11-27',
          },
        });
      const invisible = await titled('\u200b\u2066\u200b \ufeff');
      assert.equal(invisible.statusCode, 400, invisible.body);
      assert.ok(
        (invisible.json() as { errors: Array<{ field?: string }> }).errors.some((e) => e.field === 'title'),
        invisible.body,
      );
      const reversed = await titled('\u202e通知的转反\u202c');
      assert.equal(reversed.statusCode, 201, reversed.body);
      const stored = await h
        .db()
        .selectFrom('items')
        .select('title')
        .where('id', '=', (reversed.json() as { id: number }).id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.title, '通知的转反');
      const created = await create('2026-11-27');
      assert.equal(created.statusCode, 201, created.body);
      const id = (created.json() as { id: number }).id;
      const move = (token: string, body: object) =>
        h.app().inject({
          method: 'POST',
          url: `/api/v1/items/${id}/transitions`,
          headers: { authorization: `Bearer ${token}` },
          payload: body,
        });
      assert.equal((await move(ed.token, { action: 'submit' })).json().status, 'secrecy_review');
      const sec = await createToken(h.ctx((await makeUser(h.db(), [['secrecy_reviewer', org]])).actor), {
        name: 's',
        roles: ['secrecy_reviewer'],
      });
      assert.equal((await move(sec.token, { action: 'approve' })).json().status, 'approval');
      const ap = await createToken(h.ctx((await makeUser(h.db(), [['approver', org]])).actor), {
        name: 'a',
        roles: ['approver'],
      });
      const later = await move(ap.token, { action: 'publish', publishOn: '2026-11-30' });
      assert.equal(later.json().status, 'scheduled');
      assert.equal((await h.client().get(`/api/v1/public/items/${id}`)).statusCode, 404);
      const self = await move(ed.token, { action: 'withdraw', comment: '误发' });
      assert.equal(self.statusCode, 403);
    });

    it('the timeliness page lists late and nearly late items per agency, with working-day counts', async () => {
      const sys = h.ctx(systemActor('test'), NOW);
      const base = { orgId: org.id, bodyHtml: '<p>正文</p>', genre: '通知', disclosureMode: '主动公开' };
      // 2026 国庆节 10-01..10-07 off, 10-10 (Sat) a working day: due 2026-11-05
      await createItem(sys, { ...base, title: '迟迟未公开的通知', createdOn: '2026-10-09' });
      await createItem(sys, { ...base, title: '今天到期的通知', createdOn: '2026-10-30' });
      const late = await createItem(sys, { ...base, title: '逾期发布的通知', createdOn: '2026-10-09' });
      await submitItem(sys, late.id);
      await reviewItem(sys, { id: late.id, decision: 'approve' });
      await publishItem(h.ctx(systemActor('test'), new Date('2026-11-10T02:00:00Z')), { id: late.id });
      const c = await login('approver');
      const page = await c.get('/console/items/late');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /迟迟未公开的通知.*已逾期 16 个工作日（应于 2026-11-05 前公开）/);
      assert.match(page.body, /今天到期的通知.*剩余 0 个工作日（2026-11-27 前公开）/);
      assert.match(page.body, /逾期发布的通知.*逾期 3 个工作日/);
      assert.match(page.body, /<td>示例县财政局<\/td><td>1<\/td><td>1<\/td><td>1<\/td>/);
    });

    it('the console list filters by status, agency, 体裁, dates and author', async () => {
      const c = await login('editor');
      const base = '/console/items';
      assert.match((await c.get(`${base}?status=published&orgId=${org.id}`)).body, /关于2027年部门预算公开的通知/);
      assert.ok(!(await c.get(`${base}?status=draft`)).body.includes('关于2027年部门预算公开的通知'));
      const mine = (await c.get(`${base}?mine=1`)).body;
      assert.match(mine, /关于2027年部门预算公开的通知/);
      assert.ok(!mine.includes('迟迟未公开的通知'), 'created by the system, not by this editor');
      assert.ok(!(await c.get(`${base}?genre=公告`)).body.includes('关于2027年部门预算公开的通知'));
      assert.match((await c.get(`${base}?from=2026-10-01&to=2026-10-31`)).body, /迟迟未公开的通知/);
      assert.ok(!(await c.get(`${base}?from=2026-11-01`)).body.includes('迟迟未公开的通知'));
    });
  },
  { now: () => NOW },
);
