import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { CATALOG_NOW as NOW, catalogTeam, type CatalogTeam } from '../../../test/helpers/catalog-team.js';
import { createToken } from '../../orgs/api-tokens.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { systemActor } from '../../platform/context.js';
import { createItem } from '../../catalog/create-item.js';
import { submitItem } from '../../catalog/submit-item.js';
import { onePagePdf } from '../../../test/helpers/pdf.js';

describeApp(
  'catalogue over HTTP: timeliness, preview, the console list, the staff API and bulk approval',
  (h) => {
    let org: OrgRow;
    let login: CatalogTeam['login'];

    before(async () => {
      ({ org, login } = await catalogTeam(h));
    });

    it('staff preview shows the public page of a draft; the public still gets 404', async () => {
      const { id } = await createItem(h.ctx(systemActor('test'), NOW), {
        orgId: org.id,
        title: '预览中的通知',
        bodyHtml: '<p>草稿正文</p>',
        genre: '通知',
        disclosureMode: '主动公开',
        createdOn: '2026-11-27',
      });
      const c = await login('editor');
      const pv = await c.get(`/console/items/${id}/preview`);
      assert.equal(pv.statusCode, 200);
      assert.match(pv.body, /预览：以下是公开后公众看到的页面/);
      assert.match(pv.body, /草稿正文/);
      assert.equal(
        (await h.client().get(`/console/items/${id}/preview`)).statusCode,
        303,
        'anonymous is sent to login',
      );
      assert.equal((await h.client().get(`/gk/items/${id}`)).statusCode, 404);
    });

    it('the staff API lists, reads, edits a draft and attaches a file; scope and state are enforced', async () => {
      const ed = await createToken(h.ctx((await makeUser(h.db(), [['editor', org]])).actor), {
        name: '采编',
        roles: ['editor'],
      });
      const auth = { authorization: `Bearer ${ed.token}` };
      const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
        h.app().inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
      const created = await call('POST', '/api/v1/items', {
        orgId: org.id,
        title: 'API 草稿',
        bodyHtml: '<p>草稿</p>',
        genre: '通知',
        disclosureMode: '主动公开',
        createdOn: '2026-11-27',
      });
      const id = (created.json() as { id: number }).id;
      const upd = await call('PUT', `/api/v1/items/${id}`, {
        title: 'API 草稿（修改）',
        bodyHtml: '<p>改过</p>',
        genre: '通知',
        disclosureMode: '主动公开',
        createdOn: '2026-11-27',
        docNo: '乱',
      });
      assert.equal(upd.statusCode, 400);
      assert.equal((upd.json() as { errors: Array<{ code: string; field: string }> }).errors[0]!.field, 'docNo');
      assert.equal(
        (
          await call('PUT', `/api/v1/items/${id}`, {
            title: 'API 草稿（修改）',
            bodyHtml: '<p>改过</p>',
            genre: '通知',
            disclosureMode: '主动公开',
            createdOn: '2026-11-27',
          })
        ).statusCode,
        200,
      );
      const att = await call('POST', `/api/v1/items/${id}/attachments`, {
        filename: '说明.pdf',
        contentBase64: onePagePdf().toString('base64'),
      });
      assert.equal(att.statusCode, 201);
      const forged = await call('POST', `/api/v1/items/${id}/attachments`, {
        filename: '说明.pdf',
        contentBase64: Buffer.from('just text').toString('base64'),
      });
      assert.equal(forged.statusCode, 400);
      const list = (await call('GET', `/api/v1/items?status=draft&orgId=${org.id}`)).json() as {
        data: Array<{ id: number; title: string; status: string }>;
      };
      assert.ok(list.data.some((d) => d.id === id && d.title === 'API 草稿（修改）' && d.status === 'draft'));
      const one = (await call('GET', `/api/v1/items/${id}`)).json() as { history: Array<{ action: string }> };
      assert.deepEqual(
        one.history.map((x) => x.action),
        ['create', 'edit'],
      );
      const outsider = await createToken(
        h.ctx((await makeUser(h.db(), [['editor', await makeOrg(h.db(), { name: '外单位' })]])).actor),
        { name: 'x', roles: ['editor'] },
      );
      assert.equal(
        (
          await h.app().inject({
            method: 'GET',
            url: `/api/v1/items/${id}`,
            headers: { authorization: `Bearer ${outsider.token}` },
          })
        ).statusCode,
        403,
      );
      assert.equal((await h.app().inject({ method: 'GET', url: '/api/v1/items' })).statusCode, 401);
    });

    it('a reviewer approves several items at once from 我的待办; refusals are named', async () => {
      const e = h.ctx((await makeUser(h.db(), [['editor', org]])).actor, NOW);
      const ids: number[] = [];
      for (const t of ['批量一', '批量二']) {
        const { id } = await createItem(e, {
          orgId: org.id,
          title: t,
          bodyHtml: '<p>正文</p>',
          genre: '通知',
          disclosureMode: '主动公开',
          createdOn: '2026-11-27',
        });
        await submitItem(e, id);
        ids.push(id);
      }
      const { id: draft } = await createItem(e, {
        orgId: org.id,
        title: '批量三（草稿）',
        bodyHtml: '<p>正文</p>',
        genre: '通知',
        disclosureMode: '主动公开',
        createdOn: '2026-11-27',
      });
      const s = await login('secrecy_reviewer');
      const res = await s.post(
        '/console/items/bulk',
        { action: 'approve', ids: [...ids, draft].map(String) },
        { from: '/console/items/queue' },
      );
      assert.equal(res.statusCode, 303);
      const page = await s.get('/console/items/queue');
      assert.match(page.body, new RegExp(`已处理 2 条。未处理 1 条：#${draft}：信息当前状态为“草稿”，不能审核通过。`));
      const rows = await h.db().selectFrom('items').select('status').where('id', 'in', ids).execute();
      assert.deepEqual(
        rows.map((r) => r.status),
        ['approval', 'approval'],
      );
      const audits = await h
        .db()
        .selectFrom('audit_events')
        .select('subject_id')
        .where('action', '=', 'item.approve')
        .where('subject_id', 'in', ids.map(String))
        .execute();
      assert.equal(audits.length, 2);
    });
  },
  { now: () => NOW },
);
