import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { makeOrg } from '../../../test/helpers/factories.js';
import {
  browserSkip,
  startBrowserApp,
  type BrowserApp,
  assertAccessible,
  shot,
} from '../../../test/browser/browser.js';
import { systemActor } from '../../platform/context.js';
import { seedDemoCounty } from '../../orgs/seed-demo.js';
import { seedDemoCatalog } from '../../catalog/seed-demo-catalog.js';
import { testClock } from '../../../test/helpers/clock.js';

describe('catalogue journey in Chromium: draft → 保密审查 → 签发 → public [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let base: string;
  let browser: Browser;
  let password = '';

  before(async () => {
    env = await startBrowserApp(async ({ database, config }) => {
      const ctx = { db: database.db, actor: systemActor('test'), now: testClock, config };
      const root = await makeOrg(database.db, { name: '测试市' });
      const demo = await seedDemoCounty(ctx, root.id);
      password = demo.password;
      await seedDemoCatalog(ctx, { countyId: demo.countyId, seed: 1 });
    });
    ({ base, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  async function as(username: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(base + '/console/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/console/login'));
    return page;
  }

  it('the demo county editor, secrecy reviewer and approver publish an item; every page is accessible', async () => {
    const editor = await as('demo.gov.editor');
    await editor.goto(base + '/console/items/new');
    await assertAccessible(editor, 'new item form');
    await editor.locator('#f-title').fill('示例县人民政府办公室关于浏览器测试的通知');
    await editor.locator('#f-bodyHtml').fill('<p>这是浏览器测试创建的通知正文。</p>');
    await editor.locator('#f-docNo').fill('示政办发（2026）99号');
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.getByText('已保存草稿').waitFor();
    const itemUrl = editor.url();
    await assertAccessible(editor, 'console item page (draft)');
    await editor.getByRole('button', { name: '提交审核' }).click();
    await editor.getByText('已提交保密审查').waitFor();

    const anon = await (await browser.newContext()).newPage();
    const id = /\/console\/items\/(\d+)/.exec(itemUrl)![1];
    assert.equal((await anon.goto(`${base}/gk/items/${id}`))!.status(), 404);

    const secrecy = await as('demo.gov.secrecy');
    await secrecy.goto(base + '/console/items/queue');
    await assertAccessible(secrecy, 'review queue');
    await secrecy.getByRole('link', { name: '示例县人民政府办公室关于浏览器测试的通知' }).click();
    await secrecy.getByLabel('审核意见（退回时必填）').fill('不涉及国家秘密');
    await secrecy.getByRole('button', { name: '审核通过' }).click();
    await secrecy.getByText('已审核通过').waitFor();

    const approver = await as('demo.gov.approver');
    await approver.goto(itemUrl);
    await approver.getByRole('button', { name: '签发并发布' }).click();
    await approver.getByText('已签发').waitFor();
    await approver.getByText('按时').first().waitFor();
    await shot(approver, 'catalog-console-item');

    assert.equal((await anon.goto(`${base}/gk/items/${id}`))!.status(), 200);
    await anon.getByRole('heading', { level: 1, name: '示例县人民政府办公室关于浏览器测试的通知' }).waitFor();
    await anon.getByText('示政办发〔2026〕99号').waitFor(); // shown normalized; the record keeps the typed form
    await assertAccessible(anon, 'public item page');
    await shot(anon, 'catalog-public-item');
    await anon.goto(base + '/gk');
    await assertAccessible(anon, 'catalogue home');
    await anon.getByRole('link', { name: '示例县人民政府办公室（示例）' }).click();
    await anon.getByRole('link', { name: '示例县人民政府办公室关于浏览器测试的通知' }).waitFor();
    await assertAccessible(anon, 'agency catalogue');
  });

  it('删除 a category asks first (the button, not the form: 改名 beside it does not); dismissed, nothing changes', async () => {
    const admin = await as('demo.gov.admin');
    await admin.goto(base + '/console/catalog/categories');
    await admin.getByLabel('新增分类名称').fill('浏览器临时分类');
    await admin.getByRole('button', { name: '新增分类' }).click();
    const row = admin.locator('li', { has: admin.locator('input[value="浏览器临时分类"]') });
    await row.waitFor();
    const asked: string[] = [];
    let answer = false;
    admin.on('dialog', (d) => {
      asked.push(d.message());
      void (answer ? d.accept() : d.dismiss());
    });
    await row.getByRole('button', { name: '删除' }).click();
    await admin.waitForTimeout(200);
    assert.deepEqual(asked, ['确定删除分类「浏览器临时分类」吗？删除后不能恢复。']);
    assert.equal(await row.count(), 1, 'dismissed: still there');
    answer = true;
    await row.getByRole('button', { name: '删除' }).click();
    await admin.getByText('已删除分类。').waitFor();
    assert.equal(await admin.locator('input[value="浏览器临时分类"]').count(), 0);
    assert.equal(asked.length, 2);
  });
});
