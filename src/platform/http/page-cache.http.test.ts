import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { makePublishedItem } from '../../../test/helpers/catalog.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import type { Actor } from '../context.js';
import { correctItem } from '../../catalog/correct-item.js';
import { setValidity } from '../../catalog/set-validity.js';
import { withdrawItem } from '../../catalog/withdraw-item.js';
import { renameCategory } from '../../catalog/rename-category.js';
import { categoriesOf } from '../../catalog/categories.js';
import { linkInterpretation } from '../../catalog/link-interpretation.js';
import { updateOrg } from '../../orgs/update-org.js';
import { getOrg } from '../../orgs/orgs.store.js';
import { updateGuide } from '../../guide/update-guide.js';
import { guideText } from '../../guide/guide-page.js';
import { setKeyAreaMapping } from '../../catalog/set-key-areas.js';
import { KEY_AREAS } from '../../catalog/key-areas.rules.js';
import { publicActor } from '../context.js';
import { submitMessage } from '../../interaction/submit-message.js';
import { acceptMessage } from '../../interaction/accept-message.js';
import { replyMessage } from '../../interaction/reply-message.js';
import { publishQa } from '../../interaction/publish-qa.js';
import { reindexSearch } from '../../search/reindex.js';
import { searchDocuments } from '../../search/search-documents.js';

// The app's clock: 2026-11-16 10:00 in Shanghai (frozen, so the day never turns during the test).
const NOW = new Date('2026-11-16T02:00:00Z');

describeApp(
  'page cache: anonymous public pages served from memory, never after what they show has changed',
  (h) => {
    let county: OrgRow;
    let org: OrgRow;
    let admin: Actor;
    let sys: Actor;
    let itemId: number;
    const ctx = (actor: Actor) => h.ctx(actor, NOW);
    const get = (url: string, headers: Record<string, string> = {}) => h.app().inject({ method: 'GET', url, headers });
    /**
     * GETs until the page comes from the cache: a page is stored on its second render, so by the third
     * request at the latest; every answer has the same body, the hit the same ETag as the first render.
     */
    const cached = async (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => {
      const first = await get(url, headers);
      assert.equal(first.statusCode, 200, `${url}: ${first.statusCode}`);
      let res = first;
      for (let renders = 1; res.headers['x-page-cache'] !== 'hit'; renders++) {
        assert.ok(renders <= 2, `${url} is served from the cache once rendered twice`);
        res = await get(url, headers);
        assert.equal(res.body, first.body);
      }
      assert.equal(res.headers.etag, first.headers.etag);
      return res;
    };
    /** After a change: the next GET renders again (no hit) and shows it. */
    const fresh = async (url: string): Promise<LightMyRequestResponse> => {
      const res = await get(url);
      assert.equal(res.headers['x-page-cache'], undefined, `${url} rendered again after the change`);
      return res;
    };

    before(async () => {
      county = await makeOrg(h.db(), { name: '缓存县人民政府' });
      org = await makeOrg(h.db(), { parent: county, name: '缓存县财政局' });
      admin = (await makeUser(h.db(), [['agency_admin', org]])).actor;
      sys = (await makeUser(h.db(), [['sysadmin', county]])).actor;
      const cats = await categoriesOf(ctx(admin), org.id);
      const fund = cats.find((c) => c.name === '财政资金')!;
      itemId = await makePublishedItem(h.db(), ctx, org, { title: '缓存县2026年部门预算', categoryId: fund.id });
    });

    it('serves each page and variant from memory, answers 304 to its ETag, and never serves staff', async () => {
      const item = `/gk/items/${itemId}`;
      for (const url of [
        '/',
        '/gk',
        `/gk/${org.id}`,
        item,
        `/jg/${org.id}`,
        '/zn',
        `/zn/${org.id}`,
        '/fdzdgk',
        '/zdly',
        '/zdly/czyjs',
        '/search?q=%E9%A2%84%E7%AE%97',
      ])
        await cached(url);
      // 繁體 and 长者模式 are pages of their own.
      const hant = await cached(item, { cookie: 'gk_script=hant' });
      assert.match(hant.body, /緩存縣/);
      const elder = await cached(item, { cookie: 'gk_elder=1' });
      assert.match(elder.body, /<body[^>]*class="[^"]*elder/);
      const etag = String((await get(item)).headers.etag);
      const notModified = await get(item, { 'if-none-match': etag });
      assert.equal(notModified.statusCode, 304);
      // Staff pages (signed in) are rendered for them and never stored.
      const staff = h.client();
      await staff.login(
        (await h.db().selectFrom('users').select('username').where('id', '=', admin.userId!).executeTakeFirstOrThrow())
          .username,
      );
      const mine = await staff.get(item);
      assert.equal(mine.headers['x-page-cache'], undefined);
      assert.equal(mine.headers['cache-control'], 'no-store');
    });

    it('a correction, a validity change and a withdrawal show at once', async () => {
      const item = `/gk/items/${itemId}`;
      await cached(item);
      await correctItem(ctx(admin), { id: itemId, title: '缓存县2026年部门预算（更正）', revisionNote: '名称有误' });
      assert.match((await fresh(item)).body, /缓存县2026年部门预算（更正）/);
      await cached('/');
      await setValidity(ctx(admin), { id: itemId, validity: '失效', validityOn: '2026-11-16' });
      assert.match((await fresh(item)).body, /失效/);
      assert.match((await fresh('/')).body, /缓存县2026年部门预算（更正）/);
      // A publication shows on the home page.
      await cached('/');
      const second = await makePublishedItem(h.db(), ctx, org, { title: '缓存县2026年政府采购意向' });
      assert.match((await fresh('/')).body, /缓存县2026年政府采购意向/);
      // A 解读 linked to it shows on its page.
      await cached(`/gk/items/${second}`);
      const interp = await makePublishedItem(h.db(), ctx, org, { title: '《政府采购意向》解读', genre: '其他' });
      await cached(`/gk/items/${second}`);
      await linkInterpretation(ctx(admin), { interpretationId: interp, documentId: second });
      assert.match((await fresh(`/gk/items/${second}`)).body, /《政府采购意向》解读/);
      // Withdrawn: gone from its page and the lists.
      await cached(`/gk/items/${second}`);
      await cached('/gk');
      await withdrawItem(ctx(admin), { id: second, reason: '误发' });
      assert.equal((await fresh(`/gk/items/${second}`)).statusCode, 404);
      assert.doesNotMatch((await fresh('/gk')).body, /缓存县2026年政府采购意向/);
    });

    it('renaming a category or an agency, a guide and the 重点领域 mapping show at once', async () => {
      const cat = (await categoriesOf(ctx(admin), org.id)).find((c) => c.name === '财政资金')!;
      const search = `/search?${new URLSearchParams({ q: '部门预算' })}`;
      const hit = async () =>
        (await searchDocuments(ctx(sys), { q: '部门预算' })).hits.find((x) => x.url === `/gk/items/${itemId}`)!;
      await cached(`/gk/${org.id}`);
      await cached(search);
      await renameCategory(ctx(admin), { id: cat.id, name: '财政预决算资金' });
      assert.match((await fresh(`/gk/${org.id}`)).body, /财政预决算资金/);
      // Search hits show the new name without a reindex.
      assert.equal((await hit()).categoryName, '财政预决算资金');
      assert.equal((await fresh(search)).statusCode, 200);

      await cached(`/jg/${org.id}`);
      await cached(search);
      const o = (await getOrg(h.db(), org.id))!;
      await updateOrg(ctx(sys), org.id, { kind: o.kind, name: '缓存县财政局（更名）', parentId: county.id });
      assert.match((await fresh(`/jg/${org.id}`)).body, /缓存县财政局（更名）/);
      assert.equal((await hit()).orgName, '缓存县财政局（更名）');
      assert.match((await fresh(search)).body, /缓存县财政局（更名）/);

      await cached(`/zn/${org.id}`);
      const g = await guideText(h.db(), (await getOrg(h.db(), org.id))!);
      await updateGuide(ctx(sys), org.id, {
        ...g,
        howToObtain: `${g.howToObtain}\n新增：可到缓存县政务服务中心查阅。`,
      });
      assert.match((await fresh(`/zn/${org.id}`)).body, /可到缓存县政务服务中心查阅/);

      await cached('/zdly/jy');
      assert.doesNotMatch((await get('/zdly/jy')).body, /缓存县2026年部门预算/);
      const mapping = Object.fromEntries(KEY_AREAS.map((a) => [a.slug, a.defaults.join('、')]));
      await setKeyAreaMapping(ctx(sys), { ...mapping, jy: '教育、预决算资金' });
      assert.match((await fresh('/zdly/jy')).body, /缓存县2026年部门预算/);
    });

    it('search result pages: a publication, a withdrawal, a 公开问答 and a reindex show at once', async () => {
      const url = `/search?${new URLSearchParams({ q: '采购' })}`;
      await cached(url);
      const id = await makePublishedItem(h.db(), ctx, org, { title: '缓存县2027年采购计划' });
      const link = `href="/gk/items/${id}"`;
      assert.ok((await fresh(url)).body.includes(link));
      await cached(url);
      await withdrawItem(ctx(admin), { id, reason: '误发' });
      assert.ok(!(await fresh(url)).body.includes(link));

      const qa = `/search?${new URLSearchParams({ q: '路灯' })}`;
      assert.doesNotMatch((await cached(qa)).body, /href="\/hd\/qa\//);
      const handler = (await makeUser(h.db(), [['message_handler', org]])).actor;
      const s = await submitMessage(h.ctx(publicActor('127.0.0.1'), NOW), {
        orgId: org.id,
        type: 'consult',
        subject: '小区路灯不亮',
        content: '请问路灯维修归哪个部门？',
        name: '李四',
        phone: '13800000000',
        publishConsent: true,
      });
      await acceptMessage(ctx(handler), { messageId: s.id });
      await replyMessage(ctx(handler), { messageId: s.id, replyPublic: '已转城管部门维修。' });
      await cached(qa);
      await publishQa(ctx(handler), { messageId: s.id, publish: true });
      assert.ok((await fresh(qa)).body.includes(`href="/hd/qa/${s.messageNo}"`));

      await cached(qa);
      await reindexSearch(ctx(sys));
      assert.ok((await fresh(qa)).body.includes(`href="/hd/qa/${s.messageNo}"`));
    });
  },
  { now: () => NOW },
);
