import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { makePublishedItem } from '../../test/helpers/catalog.js';
import { browserSkip, startBrowserApp, type BrowserApp, assertWcagAA, shot } from '../../test/browser/browser.js';
import { listCategories } from '../catalog/catalog.store.js';
import { acceptMessage, closeMessage, replyMessage } from '../interaction/index.js';
import { residentIdCheckChar } from '../orgs/codes.rules.js';

const ID17 = '11010519800101002';
const ID = ID17 + residentIdCheckChar(ID17);

/**
 * Issue 18, the citizen's loop in one go: from the home page through a 重点领域 page and a search to an item,
 * an application with its receipt, the status page and a withdrawal, then a message from submission to a rating
 * after it was closed. With JavaScript on and off, on a phone (375 px) and a desktop (1,280 px), every page
 * visited passes axe's WCAG 2 A/AA rules with no violation. Staff steps go through the use-cases.
 */
describe('the citizen journey in Chromium [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let base: string;
  let browser: Browser;
  let db: Db;
  let staff: (() => Ctx) | undefined;
  let orgId = 0;
  // The app's clock: each run starts on its own day (rate-limit windows and deadlines follow it).
  let now = new Date('2026-03-02T02:00:00Z');
  const day = (d: string) => {
    now = new Date(`${d}T02:00:00Z`);
  };

  before(async () => {
    env = await startBrowserApp(
      async ({ database, config }) => {
        db = database.db;
        const ctx = (actor: Ctx['actor']): Ctx => ({ db: database.db, actor, config, now: () => now });
        const county = await makeOrg(db, { name: '测试县人民政府' });
        const org = await makeOrg(db, { parent: county, name: '测试县交通运输局' });
        orgId = org.id;
        await makePublishedItem(db, ctx, org, { title: '测试县交通运输局机构职能', writtenOn: '2026-02-02' });
        const money = (await listCategories(db, org.id)).find((c) => c.name === '财政资金')!.id;
        await makePublishedItem(db, ctx, org, {
          title: '测试县交通运输局2026年部门预算',
          categoryId: money,
          writtenOn: '2026-02-10',
        });
        await makePublishedItem(db, ctx, org, {
          title: '测试县农村公路养护管理办法',
          bodyHtml: '<p>第一条 为加强农村公路养护管理，制定本办法。</p>',
          genre: '通知',
          writtenOn: '2026-02-20',
        });
        const handler = await makeUser(db, [['message_handler', org]]);
        staff = () => ctx(handler.actor);
      },
      { now: () => now },
    );
    ({ base, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  /** Checks the page against WCAG 2 A/AA and remembers that it was checked. */
  const visited: string[] = [];
  const check = async (page: Page, label: string) => {
    await assertWcagAA(page, label);
    visited.push(label);
  };

  const runs = [
    { js: true, width: 1280, start: '2026-03-02' },
    { js: true, width: 375, start: '2026-03-09' },
    { js: false, width: 375, start: '2026-03-16' },
    { js: false, width: 1280, start: '2026-03-23' },
  ] as const;

  for (const run of runs) {
    const tag = `${run.width}px, JavaScript ${run.js ? 'on' : 'off'}`;
    it(
      `home → 重点领域 → search → item → application → receipt → status → withdrawal; message → closed → rated (${tag})`,
      { timeout: 120_000 },
      async () => {
        day(run.start);
        const context = await browser.newContext({
          javaScriptEnabled: run.js,
          viewport: { width: run.width, height: run.width < 600 ? 800 : 900 },
        });
        context.setDefaultTimeout(10_000);
        const page = await context.newPage();
        const phone = run.width < 600 && run.js;
        const before = visited.length;
        // axe needs scripts in the page: with JavaScript off, the markup the page received is scanned in a
        // JavaScript-enabled page of the same width, served at the same address (pages answering a POST included).
        const scanner = run.js
          ? page
          : await (await browser.newContext({ viewport: { width: run.width, height: 800 } })).newPage();
        const at = async (label: string) => {
          if (run.width < 600)
            assert.ok(
              (await page.evaluate(() => document.documentElement.scrollWidth)) <= run.width,
              `no horizontal scrolling at ${run.width} px: ${label}`,
            );
          if (scanner !== page) {
            const url = page.url();
            const html = await page.content();
            await scanner.route(
              (u) => u.href === url,
              (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
              { times: 1 },
            );
            await scanner.goto(url);
          }
          await check(scanner, `${label} (${tag})`);
        };

        // Home page, the 重点领域 page of 财政预决算 (a 预算 filed under 财政资金), then a search.
        await page.goto(base + '/');
        await at('home');
        await page.getByRole('region', { name: '重点领域信息公开' }).getByRole('link', { name: '财政预决算' }).click();
        await page.getByRole('heading', { name: '财政预决算', level: 1 }).waitFor();
        await page.getByRole('link', { name: '测试县交通运输局2026年部门预算' }).waitFor();
        await at('重点领域 page');
        if (phone) await shot(page, 'citizen-375-zdly');
        if (run.width < 600) {
          // On a phone, the same page in 长者模式 and traditional characters (links that set a cookie and come back).
          await page.getByRole('link', { name: '长者模式（大字）' }).click();
          await page.getByRole('link', { name: '繁體' }).click();
          await page.getByRole('heading', { name: '財政預決算', level: 1 }).waitFor();
          assert.match((await page.locator('body').getAttribute('class')) ?? '', /elder/);
          await at('重点领域 page, 长者模式 + 繁體');
          if (phone) await shot(page, 'citizen-375-zdly-elder-hant');
          await context.clearCookies();
          await page.reload();
          await page.getByRole('heading', { name: '财政预决算', level: 1 }).waitFor();
        }
        await page.getByLabel('搜索政府信息').fill('养护管理');
        await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
        await page.waitForURL(/\/search\?/);
        await at('search results');
        if (phone) await shot(page, 'citizen-375-search');

        // The item.
        await page.getByRole('link', { name: '测试县农村公路养护管理办法' }).first().click();
        await page.getByRole('heading', { name: '测试县农村公路养护管理办法', level: 1 }).waitFor();
        await at('item page');

        // An application, its receipt.
        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '依申请公开' }).click();
        await page.waitForURL(/\/ysqgk$/);
        await at('application form');
        await page.getByLabel('受理机关').selectOption(String(orgId));
        await page.getByLabel('姓名或单位名称').fill('王小明');
        await page.getByLabel('证件号码').fill(ID);
        await page.getByLabel('联系电话').fill('13900001111');
        await page.getByLabel('所需信息的名称').fill('农村公路养护资金使用情况');
        await page.getByLabel('获取信息的方式').selectOption('pickup');
        await page.getByRole('button', { name: '提交申请' }).click();
        await page.getByRole('heading', { name: '申请已提交' }).waitFor();
        await at('application receipt');
        if (phone) await shot(page, 'citizen-375-receipt');
        const requestNo = (await page.getByTestId('request-no').innerText()).trim();
        const requestCode = (await page.getByTestId('query-code').innerText()).trim();
        assert.match(requestNo, /^YSQ-2026-\d{6}$/);

        // The status page and a withdrawal (a confirmation page first: nothing is withdrawn in one click).
        await page.getByRole('link', { name: '查询办理进度' }).click();
        await at('status form');
        await page.getByLabel('申请编号').fill(requestNo);
        await page.getByLabel('查询码').fill(requestCode);
        await page.getByRole('button', { name: '查询' }).click();
        await page.getByTestId('state').waitFor();
        assert.match(await page.locator('main').innerText(), /农村公路养护资金使用情况/);
        await at('status page');
        await page.getByRole('button', { name: '撤回申请' }).click();
        await page.getByRole('heading', { name: '确认撤回申请' }).waitFor();
        assert.equal((await page.getByTestId('withdraw-no').innerText()).trim(), requestNo);
        await at('withdrawal confirmation');
        await page.getByLabel('撤回理由（可不填）').fill('已从其他渠道获得');
        await page.getByRole('button', { name: '确认撤回' }).click();
        await page.getByText(`申请 ${requestNo} 已撤回。`).first().waitFor();
        await at('status after withdrawal');
        await page.getByLabel('申请编号').fill(requestNo);
        await page.getByLabel('查询码').fill(requestCode);
        await page.getByRole('button', { name: '查询' }).click();
        await page.getByTestId('state').getByText('已撤回').waitFor();
        assert.equal(
          await page.getByRole('button', { name: '撤回申请' }).count(),
          0,
          'a withdrawn application stays withdrawn',
        );
        await at('status of the withdrawn application');

        // A message: submission and its receipt.
        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '互动交流' }).click();
        await page.waitForURL(/\/hd$/);
        await at('互动交流');
        await page.getByRole('link', { name: '我要留言' }).first().click();
        await page.waitForURL(/\/hd\/messages\/new/);
        await at('message form');
        await page.getByLabel('受理机关').selectOption(String(orgId));
        await page.getByLabel('留言类型').selectOption('consult');
        await page.getByLabel('标题').fill('村道坑洼何时修补');
        await page.getByLabel('留言内容').fill('村口道路坑洼较多，请问何时安排修补？');
        await page.getByLabel('姓名', { exact: true }).fill('王小明');
        await page.getByLabel('联系电话').fill('13900001111');
        await page.getByRole('button', { name: '提交留言' }).click();
        await page.getByRole('heading', { name: '留言已提交' }).waitFor();
        await at('message receipt');
        const messageNo = (await page.getByTestId('message-no').innerText()).trim();
        const messageCode = (await page.getByTestId('query-code').innerText()).trim();
        assert.match(messageNo, /^LY-2026-\d{6}$/);

        // Staff sign for it, answer and close it (through the use-cases), the next working day.
        const { id } = await db
          .selectFrom('messages')
          .select('id')
          .where('message_no', '=', messageNo)
          .executeTakeFirstOrThrow();
        now = new Date(now.getTime() + 86_400_000);
        await acceptMessage(staff!(), { messageId: id });
        await replyMessage(staff!(), { messageId: id, replyPublic: '已安排养护队本周内完成修补。' });
        await closeMessage(staff!(), { messageId: id });

        // The citizen reads the answer of the closed message and rates it.
        await page.getByRole('link', { name: '查询办理情况' }).click();
        await at('message status form');
        await page.getByLabel('留言编号').fill(messageNo);
        await page.getByLabel('查询码').fill(messageCode);
        await page.getByRole('button', { name: '查询' }).click();
        await page.getByText('已安排养护队本周内完成修补。').waitFor();
        await page.getByText('本留言已办结，您仍可评价至', { exact: false }).waitFor();
        await at('message status (closed)');
        await page.getByLabel('满意', { exact: true }).check();
        await page.getByRole('button', { name: '提交评价' }).click();
        await page.getByText('您的评价：满意').waitFor();
        await at('message status (rated)');
        if (phone) await shot(page, 'citizen-375-rated');

        assert.equal(visited.length - before, run.width < 600 ? 18 : 17, 'every page of the journey was checked');
        await context.close();
        if (scanner !== page) await scanner.context().close();
      },
    );
  }
});
