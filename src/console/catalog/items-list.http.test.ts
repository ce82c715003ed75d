import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { systemActor } from '../../platform/context.js';
import { createItem } from '../../catalog/create-item.js';
import { submitItem } from '../../catalog/submit-item.js';
import { reviewItem } from '../../catalog/review-item.js';
import { publishItem } from '../../catalog/publish-item.js';

const NOW = new Date('2026-11-27T02:00:00Z'); // Friday 2026-11-27 in Beijing

describeApp(
  'console item list: sorting',
  (h) => {
    let org: OrgRow;
    let approver: { username: string };
    before(async () => {
      org = await makeOrg(h.db(), { name: '示例县财政局' });
      approver = await makeUser(h.db(), [['approver', org]]);
      const sys = h.ctx(systemActor('test'), NOW);
      const base = { orgId: org.id, bodyHtml: '<p>正文</p>', genre: '通知', disclosureMode: '主动公开' };
      for (const [title, createdOn] of [
        ['十月的通知', '2026-10-09'],
        ['十一月初的通知', '2026-11-02'],
        ['今天的通知', '2026-11-27'],
        ['九月的通知', '2026-09-15'],
      ] as const) {
        const { id } = await createItem(sys, { ...base, title, createdOn });
        if (title === '十月的通知' || title === '九月的通知') {
          await submitItem(sys, id);
          await reviewItem(sys, { id, decision: 'approve' });
          await publishItem(sys, { id });
        }
      }
    });

    it('the console list sorts by 生成日期, 发布日期 and 索引号; links do not start with a separator', async () => {
      const c = h.client();
      await c.login(approver.username);
      const titles = async (sort: string) =>
        [
          ...(await c.get(`/console/items?sort=${sort}`)).body.matchAll(/<a href="\/console\/items\/\d+">([^<]+)</g),
        ].map((m) => m[1]!);
      const rows = await h
        .db()
        .selectFrom('items')
        .select(['title', 'created_on', 'published_on', 'index_no', 'id'])
        .where('org_id', '=', org.id)
        .execute();
      const by = (cmp: (a: (typeof rows)[0], b: (typeof rows)[0]) => number) =>
        [...rows].sort((a, b) => cmp(a, b) || a.id - b.id).map((r) => r.title);
      const created = await titles('created-asc');
      assert.ok(created.length >= 4, created.join());
      assert.deepEqual(created, by((a, b) => a.created_on.localeCompare(b.created_on)).slice(0, created.length));
      assert.deepEqual(
        await titles('created'),
        by((a, b) => b.created_on.localeCompare(a.created_on) || b.id - a.id),
      );
      const published = await titles('published');
      const unpublished = rows.filter((r) => !r.published_on).length;
      assert.ok(unpublished > 0 && unpublished < rows.length);
      assert.ok(
        published.slice(-unpublished).every((t) => rows.find((r) => r.title === t)!.published_on === null),
        'unpublished items last',
      );
      assert.deepEqual(
        await titles('index'),
        by((a, b) => a.index_no.localeCompare(b.index_no)),
      );
      const page = (await c.get('/console/items?sort=index')).body;
      assert.match(page, /<option value="index" selected>索引号<\/option>/);
      // An approver may not write items: the links begin with 我的待办, not with a stray separator.
      assert.match(page, /<p><a href="\/console\/items\/queue">我的待办<\/a>/);
      assert.equal((await c.get('/console/items?sort=bogus')).statusCode, 400);
    });
  },
  { now: () => NOW },
);
