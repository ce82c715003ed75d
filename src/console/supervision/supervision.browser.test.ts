import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { makeOrg, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { systemActor } from '../../platform/context.js';
import { clockFor } from '../../platform/clock.js';
import { runSiteCheck } from '../../supervision/index.js';
import {
  browserSkip,
  startBrowserApp,
  type BrowserApp,
  assertAccessible,
  shot,
} from '../../../test/browser/browser.js';

describe('supervision journey in Chromium [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let base: string;
  let browser: Browser;
  let supName = '';
  let adminName = '';

  before(async () => {
    env = await startBrowserApp(async ({ database, config }) => {
      const county = await makeOrg(database.db, { name: '浏览器县人民政府' });
      const edu = await makeOrg(database.db, { parent: county, name: '浏览器县教育局' });
      await makeOrg(database.db, { parent: county, name: '浏览器县民政局' });
      // Names as long as real ones, and a website check (vetoed: nothing published) in the table.
      const hr = await makeOrg(database.db, { parent: county, name: '浏览器县人力资源和社会保障局（示例）' });
      await makeOrg(database.db, { parent: county, name: '浏览器县住房和城乡建设局（示例）' });
      supName = (await makeUser(database.db, [['supervisor', county]])).username;
      adminName = (await makeUser(database.db, [['agency_admin', edu]])).username;
      await runSiteCheck({ db: database.db, actor: systemActor('test'), now: clockFor(config), config }, hr.id);
    });
    ({ base, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  async function login(username: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/console/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/console`);
    return page;
  }

  it('dashboard, then a task: supervisor creates → agency reports → supervisor returns → agency reports → supervisor accepts', async () => {
    const sup = await login(supName);
    await sup.getByRole('link', { name: '工作台统计' }).first().click();
    await sup.getByRole('table', { name: '各单位政务公开工作情况' }).waitFor();
    assert.equal(await sup.locator('svg[role="img"] title').first().textContent(), '近12个月趋势');
    await sup.getByRole('link', { name: '收到申请' }).click();
    await sup.waitForURL(/sort=req_received&dir=desc/);
    await assertAccessible(sup, 'dashboard');
    await shot(sup, 'supervision-dashboard');
    // Compact: at 1,280 px the table fits without scrolling sideways, rows stay one line high, numbers right-aligned.
    await sup.setViewportSize({ width: 1280, height: 900 });
    const fit = await sup
      .getByTestId('dashboard-scroll')
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(fit.scroll <= fit.client, `table ${fit.scroll}px wide in ${fit.client}px`);
    const rowHeight = await sup
      .locator('table.dash-table tbody tr')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(rowHeight < 32, `row ${rowHeight}px tall`);
    // A vetoed check reads 否决, the full words in its title.
    assert.equal(await sup.locator('td[data-col] abbr[title="不合格（单项否决）"]').first().textContent(), '否决');
    assert.equal(
      await sup
        .locator('table.dash-table td')
        .first()
        .evaluate((el) => getComputedStyle(el).textAlign),
      'right',
    );
    assert.equal(
      await sup
        .locator('table.dash-table thead th')
        .first()
        .evaluate((el) => getComputedStyle(el).position),
      'sticky',
    );
    await sup.screenshot({ path: '/tmp/desk-shots/supervision-dashboard-1280.png', fullPage: true });

    await sup.getByRole('link', { name: '年度任务分解表' }).first().click();
    await sup.locator('#f-category').fill('政策解读');
    await sup.locator('#f-content').fill('重要政策文件出台后同步发布解读');
    await sup.locator('#f-responsibleOrgId').selectOption({ label: '　浏览器县教育局' });
    await sup.locator('#f-deadline').fill('2026-12-31');
    await sup.locator('#f-evidenceRequired').fill('解读页面链接');
    await sup.getByRole('button', { name: '新建任务' }).click();
    await sup.getByText(/已新建任务 \d{4}-1/).waitFor();
    const taskUrl = sup.url();
    await assertAccessible(sup, 'task page (supervisor)');

    const agency = await login(adminName);
    await agency.goto(taskUrl);
    await agency.getByLabel('工作进展').fill('已发布 2 篇解读');
    await agency.getByRole('button', { name: '报送' }).click();
    await agency.getByText('已报送进展，等待审核。').waitFor();
    await assertAccessible(agency, 'task page (agency)');

    await sup.reload();
    await sup.getByLabel('审核意见（退回时必填）').fill('请补充解读链接');
    await sup.getByRole('button', { name: '退回' }).click();
    await sup.getByText('已退回，责任单位将重新报送。').waitFor();

    await agency.reload();
    await agency.getByText('请补充解读链接').first().waitFor();
    await agency.getByLabel('工作进展').fill('已补充链接');
    await agency.getByLabel('佐证链接（每行一条，如公开信息页面地址）').fill('/gk/items/1');
    await agency.getByRole('button', { name: '报送' }).click();
    await agency.getByText('已报送进展，等待审核。').waitFor();

    await sup.reload();
    await sup.getByRole('button', { name: '验收通过' }).click();
    await sup.getByText('已验收。').waitFor();
    assert.match(await sup.locator('dl.meta').innerText(), /已验收/);
    await shot(sup, 'supervision-task');

    await sup.getByRole('link', { name: '网站检查' }).first().click();
    await sup.getByRole('link', { name: '浏览器县教育局' }).click();
    await sup.getByRole('button', { name: '立即检查' }).click();
    await sup.getByText(/检查完成：/).waitFor();
    await assertAccessible(sup, 'website check');
    await sup.getByRole('link', { name: '每日提醒设置' }).first().click();
    await sup.getByRole('button', { name: '保存' }).click();
    await sup.getByText('已保存提醒设置。').waitFor();
    await assertAccessible(sup, 'alerts');
    await sup.goto(`${base}/stats`);
    await sup.getByRole('heading', { level: 1, name: '政府信息公开统计' }).waitFor();
    await assertAccessible(sup, 'public statistics');
    await shot(sup, 'stats');
  });
});
