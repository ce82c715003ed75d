import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { systemActor } from '../../platform/context.js';
import {
  browserSkip,
  startBrowserApp,
  type BrowserApp,
  assertAccessible,
  shot,
} from '../../../test/browser/browser.js';
import { indexDocument } from '../../search/index-document.js';
import { testClock } from '../../../test/helpers/clock.js';

describe('public search in Chromium, JavaScript off, 375 px [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let base: string;
  let browser: Browser;

  before(async () => {
    env = await startBrowserApp(async ({ database, config }) => {
      const ctx = { db: database.db, actor: systemActor('test'), config, now: testClock };
      const orgs = ['县财政局', '县水利局'];
      for (let i = 0; i < 24; i++) {
        await indexDocument(ctx, {
          docType: 'browser_item',
          docId: i,
          orgId: (i % 2) + 1,
          orgName: orgs[i % 2],
          genre: i % 3 ? '通知' : '报告',
          validity: '有效',
          publishedOn: `2024-0${(i % 9) + 1}-15`,
          title: i === 0 ? '关于2024年部门预算公开的通知' : `第${i}期预算执行情况简报`,
          body: '根据《政府信息公开条例》，现将预算执行情况公开如下。<script>alert(1)</script>',
          docNo: i === 0 ? '县财发〔2024〕3号' : null,
          url: `/gk/items/${i}`,
        });
      }
    });
    ({ base, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  it(
    'search from the header box, filter, page and find nothing — all by links and forms',
    { timeout: 120_000 },
    async () => {
      const page = await (
        await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } })
      ).newPage();
      page.setDefaultTimeout(20_000);
      // axe needs scripts in the page: scan the same URLs in a JavaScript-enabled page at 375 px.
      const scanner = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
      scanner.setDefaultTimeout(20_000);
      const scan = async (label: string) => {
        await scanner.goto(page.url());
        await assertAccessible(scanner, label);
      };
      await page.goto(base + '/search');
      await scan('/search (empty)');
      await page.locator('#site-q').fill('预算');
      await page.locator('#site-q').press('Enter');
      await page.getByRole('heading', { name: /共找到 24 条/ }).waitFor();
      assert.equal(await page.locator('mark').first().innerText(), '预算');
      await scan('/search results');
      await shot(page, 'search-375');
      assert.ok(
        (await page.evaluate(() => document.documentElement.scrollWidth)) <= 375,
        'no horizontal scrolling at 375 px',
      );
      await page.getByRole('link', { name: '下一页' }).click();
      await page.getByText('第 2/2 页').waitFor();
      await page.getByRole('link', { name: '县水利局（12）' }).click();
      await page.getByRole('heading', { name: /共找到 12 条/ }).waitFor();
      await page.goto(base + '/search?q=' + encodeURIComponent('县财发[2024]3号'));
      await page.getByRole('link', { name: '关于2024年部门预算公开的通知' }).waitFor();
      await page.goto(base + '/search?q=' + encodeURIComponent('量子纠缠'));
      await page.getByRole('heading', { name: '没有找到与“量子纠缠”相关的信息' }).waitFor();
      await scan('/search nothing found');
    },
  );
});
