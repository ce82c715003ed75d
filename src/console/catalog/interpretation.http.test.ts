import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { systemActor } from '../../platform/context.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { createItem } from '../../catalog/create-item.js';
import { submitItem } from '../../catalog/submit-item.js';
import { reviewItem } from '../../catalog/review-item.js';
import { publishItem } from '../../catalog/publish-item.js';
import { buildDashboard } from '../../supervision/build-dashboard.js';

const NOW = new Date('2026-11-27T02:00:00Z');

describeApp(
  '政策解读 links and channels',
  (h) => {
    let org: OrgRow;
    let editor = '';
    before(async () => {
      org = await makeOrg(h.db(), { name: '示例县人社局' });
      editor = (await makeUser(h.db(), [['editor', org]])).username;
    });

    const publishedAt = async (title: string, on: string, extra: object = {}) => {
      const ctx = h.ctx(systemActor('test'), new Date(`${on}T02:00:00Z`));
      const { id, indexNo } = await createItem(ctx, {
        orgId: org.id,
        title,
        bodyHtml: `<p>${title}</p>`,
        genre: '通知',
        disclosureMode: '主动公开',
        createdOn: on,
        ...extra,
      });
      await submitItem(ctx, id);
      await reviewItem(ctx, { id, decision: 'approve' });
      if ((extra as { isNormative?: boolean }).isNormative) await reviewItem(ctx, { id, decision: 'approve' });
      await publishItem(ctx, { id });
      return { id, indexNo };
    };

    it('lists policy documents without an interpretation; linking shows on both public pages', async () => {
      const doc = await publishedAt('示例县灵活就业社会保险补贴办法', '2026-11-20', { isNormative: true });
      const fresh = await publishedAt('刚发布的规范性文件', '2026-11-26', { isNormative: true });
      const c = h.client();
      await c.login(editor);
      let list = await c.get('/console/items/uninterpreted');
      assert.match(list.body, /示例县灵活就业社会保险补贴办法.*2026-11-20 发布，已过 5 个工作日/);
      assert.ok(!list.body.includes('刚发布的规范性文件'), `${fresh.id} is within ${3} working days`);
      // One definition: the supervision dashboard counts what the list shows (and links to it for the agency).
      const sup = await makeUser(h.db(), [['supervisor', org]]);
      const d = await buildDashboard(h.ctx(sup.actor, NOW), { from: '2026-01-01', to: '2026-11-30' });
      assert.equal(d.rows.find((r) => r.orgId === org.id)?.values.items_uninterpreted, 1);
      const narrowed = await c.get(`/console/items/uninterpreted?org=${org.id}`);
      assert.match(narrowed.body, /仅显示「示例县人社局」/);
      assert.match(narrowed.body, /示例县灵活就业社会保险补贴办法/);

      const interp = await publishedAt('一图读懂灵活就业社会保险补贴办法', '2026-11-27');
      const res = await c.post(
        `/console/items/${interp.id}/links`,
        { document: doc.indexNo },
        { from: `/console/items/${interp.id}` },
      );
      assert.equal(res.statusCode, 303);
      list = await c.get('/console/items/uninterpreted');
      assert.ok(!list.body.includes('示例县灵活就业社会保险补贴办法'));

      const anon = h.client();
      assert.match(
        (await anon.get(`/gk/items/${doc.id}`)).body,
        new RegExp(`政策解读</h2><ul><li><a href="/gk/items/${interp.id}">一图读懂灵活就业社会保险补贴办法`),
      );
      assert.match(
        (await anon.get(`/gk/items/${interp.id}`)).body,
        new RegExp(`解读的文件</h2><ul><li><a href="/gk/items/${doc.id}">示例县灵活就业社会保险补贴办法`),
      );

      // a draft interpretation never shows on the public page of the document
      const draft = await createItem(h.ctx(systemActor('test'), NOW), {
        orgId: org.id,
        title: '尚未发布的解读',
        bodyHtml: '<p>草稿</p>',
        genre: '其他',
        disclosureMode: '主动公开',
        createdOn: '2026-11-27',
      });
      await c.post(
        `/console/items/${draft.id}/links`,
        { document: String(doc.id) },
        { from: `/console/items/${draft.id}` },
      );
      assert.ok(!(await anon.get(`/gk/items/${doc.id}`)).body.includes('尚未发布的解读'));

      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'item.link_interpretation')
        .execute();
      assert.equal(audit.length, 2);
    });

    it('records other publication channels, audited', async () => {
      const item = await publishedAt('2026年公务员招录公告', '2026-11-27');
      const c = h.client();
      await c.login(editor);
      const res = await c.post(
        `/console/items/${item.id}/channels`,
        { channels: ['政务微信', '公开栏'] },
        { from: `/console/items/${item.id}` },
      );
      assert.equal(res.statusCode, 303);
      const rows = await h
        .db()
        .selectFrom('item_channels')
        .select('channel')
        .where('item_id', '=', item.id)
        .orderBy('channel')
        .execute();
      assert.deepEqual(rows.map((r) => r.channel).sort(), ['公开栏', '政务微信']);
      const a = await h
        .db()
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'item.channels')
        .executeTakeFirstOrThrow();
      assert.match(a.summary, /政务微信/);
      const page = await c.get(`/console/items/${item.id}`);
      assert.match(page.body, /value="政务微信" checked/);
    });
  },
  { now: () => NOW },
);
