import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { systemActor } from '../../src/platform/context.js';
import { bootstrap } from '../../src/orgs/bootstrap.js';
import { browserSkip, startBrowserApp, type BrowserApp, assertAccessible, shot } from './browser.js';
import { testClock } from '../helpers/clock.js';
import { capabilityJobs } from '../../src/app/module-list.js';

describe('foundation journey in Chromium [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let base: string;
  let browser: Browser;
  let adminPassword = '';

  before(async () => {
    env = await startBrowserApp(async ({ database, config }) => {
      const b = await bootstrap(
        { db: database.db, actor: systemActor('test'), now: testClock, config },
        { rootName: '测试县人民政府' },
      );
      assert.equal(b.created, true);
      if (b.created) adminPassword = b.oneTimePassword;
    });
    ({ base, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  it('home → login → change the initial password → create an agency and a user, each page accessible', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + '/');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: '测试县人民政府政务公开' }).waitFor());
    await assertAccessible(page, 'home');
    await shot(page, 'home-1280');

    await page.getByRole('link', { name: '工作人员登录' }).click();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('用户名或密码错误。').first().waitFor();
    await assertAccessible(page, 'login with error');
    await page.getByLabel('密码').fill(adminPassword);
    await page.getByRole('button', { name: '登录' }).click();

    await page.getByText('您正在使用初始密码').waitFor();
    await assertAccessible(page, 'password change');
    await page.getByLabel('当前密码').fill(adminPassword);
    await page.locator('#f-newPassword').fill('Xian-Gong-Kai-2026');
    await page.getByLabel('再次输入新密码').fill('Xian-Gong-Kai-2026');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('密码已修改').waitFor();

    await page.getByRole('link', { name: '机构管理' }).first().click();
    await page.getByLabel('上级机构').selectOption({ label: '测试县人民政府' });
    await page.getByLabel('机构类型').selectOption('agency');
    await page.locator('#f-name').fill('测试县教育局');
    await page.getByLabel('办公地址').fill('测试县人民路 8 号');
    await page.getByRole('button', { name: '创建机构' }).click();
    await page.getByText('已创建机构「测试县教育局」').waitFor();
    await assertAccessible(page, 'org page');

    await page.getByRole('link', { name: '用户与角色' }).first().click();
    await page.locator('#f-username').fill('edu.editor');
    await page.locator('#f-displayName').fill('张信息');
    await page.locator('#f-role').selectOption('editor');
    await page.getByLabel('授权范围（机构及其下级）').selectOption({ label: '　测试县教育局' });
    await page.getByRole('button', { name: '创建用户' }).click();
    await page.getByText('新的一次性密码').waitFor();
    const secret = await page.locator('pre.secret').innerText();
    assert.match(secret.trim(), /^[A-Za-z0-9]{16}$/);
    await assertAccessible(page, 'user page');
    await shot(page, 'console-user');

    // 定时任务: no scheduler runs in this app, so every job is shown as never run, and the home page warns.
    await page.getByRole('link', { name: '定时任务' }).first().click();
    await page.getByRole('link', { name: '发送发件箱中的邮件' }).waitFor();
    assert.equal(await page.locator('td .badge', { hasText: '从未运行' }).count(), capabilityJobs().length);
    await assertAccessible(page, 'jobs page');
    await page.getByRole('link', { name: '发送发件箱中的邮件' }).click();
    await page.getByText('这个任务还没有运行过。').waitFor();
    await page.goto(base + '/console');
    await page.getByText(`${capabilityJobs().length} 个定时任务需要处理。`).waitFor();

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(base + '/');
    await shot(page, 'home-375');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'no horizontal scrolling at 375 px');
    await page.getByRole('link', { name: '长者模式（大字）' }).click();
    assert.match((await page.locator('body').getAttribute('class')) ?? '', /elder/);
    await assertAccessible(page, 'home elder mode');
    await page.goto(base + '/console/jobs');
    await shot(page, 'console-jobs-375');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(wide, false, 'the jobs table scrolls inside its frame at 375 px, not the page');
    await context.close();
  });
});
