import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { systemActor } from '../../platform/context.js';
import { runInit } from '../../cli/init.js';
import {
  browserSkip,
  startBrowserApp,
  type BrowserApp,
  assertAccessible,
  shot,
} from '../../../test/browser/browser.js';
import { testClock } from '../../../test/helpers/clock.js';

const noScroll = async (page: Page, width: number) =>
  assert.ok(
    (await page.evaluate(() => document.documentElement.scrollWidth)) <= width,
    `no horizontal scrolling at ${width} px on ${page.url()}`,
  );

describe(
  'portal: home → agency → catalogue → item → print → search, JavaScript off [sqlite]',
  { skip: browserSkip },
  () => {
    let env: BrowserApp | undefined;
    let base: string;
    let browser: Browser;
    /** The demo 政府办 and its 政策文件 category, looked up by name (ids depend on how the demo is built). */
    let gov = 0;
    let cat = 0;
    /** How many 政策文件 the demo 政府办 published, and one published item of it. */
    let policies = 0;
    let item = 0;

    before(async () => {
      env = await startBrowserApp(async ({ database, config }) => {
        await runInit(
          { db: database.db, actor: systemActor('test'), config, now: testClock },
          { demo: true, log: () => undefined },
        );
        gov = (
          await database.db
            .selectFrom('orgs')
            .select('id')
            .where('name', '=', '示例县人民政府办公室（示例）')
            .executeTakeFirstOrThrow()
        ).id;
        cat = (
          await database.db
            .selectFrom('catalog_categories')
            .select('id')
            .where('org_id', '=', gov)
            .where('name', '=', '政策文件')
            .executeTakeFirstOrThrow()
        ).id;
        const published = await database.db
          .selectFrom('items')
          .select(['id', 'category_id'])
          .where('org_id', '=', gov)
          .where('status', '=', 'published')
          .orderBy('id')
          .execute();
        policies = published.filter((i) => i.category_id === cat).length;
        item = published[0]!.id;
      });
      ({ base, browser } = env);
    });
    after(async () => {
      await env?.close();
    });

    it('a reader on a phone browses by links and forms only, by keyboard too', { timeout: 180_000 }, async () => {
      const page = await (
        await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } })
      ).newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(base + '/');
      // keyboard: the first Tab reaches the skip link, Enter moves to the main content
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到主要内容');
      await noScroll(page, 375);
      await shot(page, 'portal-home-375');
      await page.getByRole('link', { name: '示例县人民政府办公室（示例）', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '示例县人民政府办公室（示例）' }).waitFor();
      await noScroll(page, 375);
      await page
        .getByRole('link', { name: /政府信息公开目录/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: /示例县人民政府办公室（示例） 政府信息公开目录/ }).waitFor();
      assert.ok(policies >= 2);
      await page.getByRole('link', { name: `政策文件（${policies}）` }).click();
      await page.getByRole('heading', { level: 1, name: /：政策文件$/ }).waitFor();
      assert.equal(await page.locator('.catalog-list tbody tr').count(), Math.min(policies, 20));
      await page.getByRole('link', { name: '发布日期（旧→新）' }).click();
      assert.equal(await page.locator('.sort-links strong').innerText(), '发布日期（旧→新）');
      await noScroll(page, 375);
      await shot(page, 'portal-catalogue-375');
      // open the first item by keyboard: focus its link and press Enter
      const first = page.locator('.catalog-list tbody a').first();
      const title = await first.innerText();
      await first.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '名称', '发文字号', '发布日期', '有效性'])
        await page.getByRole('rowheader', { name: label, exact: true }).waitFor();
      await noScroll(page, 375);
      await shot(page, 'portal-item-375');
      await page.getByRole('link', { name: '打印版' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.equal(await page.locator('.site-header').count(), 0, 'the print view has no site header');
      await page.getByRole('link', { name: '← 返回信息页面' }).click();
      // search from the header box
      await page.locator('#site-q').fill('政务公开');
      await page.locator('#site-q').press('Enter');
      await page.getByRole('heading', { name: /共找到 \d+ 条/ }).waitFor();
      await page.locator('.search-results a, main ol a, main ul a').filter({ hasText: '政务公开' }).first().waitFor();
      // 繁體 and 长者模式 on any page, kept while browsing
      await page.getByRole('link', { name: '繁體' }).click();
      await page
        .getByRole('link', { name: '簡體' })
        .or(page.getByRole('link', { name: '简体' }))
        .first()
        .waitFor();
      assert.match(await page.locator('main').innerText(), /資訊|公開/);
      await page.getByRole('link', { name: /長者模式|长者模式/ }).click();
      assert.match((await page.locator('body').getAttribute('class')) ?? '', /elder/);
      await page.goto(`${base}/zn/${gov}`);
      assert.match((await page.locator('body').getAttribute('class')) ?? '', /elder/);
      assert.match(await page.locator('h1').innerText(), /指南/);
      await noScroll(page, 375);
    });

    it(
      'home, agency home, guide, catalogue, item, print view and search have no serious axe violations at 375 and 1280 px',
      { timeout: 240_000 },
      async () => {
        const pages = [
          '/',
          `/jg/${gov}`,
          `/zn/${gov}`,
          '/gk',
          `/gk/${gov}`,
          `/gk/${gov}?categoryId=${cat}&sort=title`,
          `/gk/items/${item}`,
          `/gk/items/${item}/print`,
          '/search?q=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80',
          '/search?q=%E9%87%8F%E5%AD%90%E7%BA%A0%E7%BC%A0',
          '/fdzdgk',
          '/reports',
        ];
        for (const width of [375, 1280]) {
          const ctx = await browser.newContext({ viewport: { width, height: 900 } });
          const page = await ctx.newPage();
          page.setDefaultTimeout(20_000);
          for (const p of pages) {
            const res = await page.goto(base + p);
            assert.equal(res?.status(), 200, p);
            await assertAccessible(page, `${p} at ${width} px`);
            await noScroll(page, width);
          }
          await shot(page, `portal-search-${width}`);
          // the same in elder mode and in traditional characters
          await page.goto(`${base}/prefs/elder?on=1&back=%2Fgk%2Fitems%2F1`);
          await page.goto(`${base}/prefs/script?v=hant&back=%2Fgk%2Fitems%2F1`);
          assert.match((await page.locator('body').getAttribute('class')) ?? '', /elder/);
          await assertAccessible(page, `item, elder + 繁體, ${width} px`);
          await noScroll(page, width);
          await shot(page, `portal-item-elder-hant-${width}`);
          await ctx.close();
        }
      },
    );
  },
);
