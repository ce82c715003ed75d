import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { makeOrg, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import {
  browserSkip,
  startBrowserApp,
  type BrowserApp,
  assertAccessible,
  shot,
} from '../../../test/browser/browser.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';

const ID17 = '32010219800101001';
const ID = ID17 + residentIdCheckChar(ID17);

describe('依申请公开 journey in Chromium [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let base: string;
  let browser: Browser;
  let handler: { username: string };
  let admin: { username: string };
  // The app's clock, moved along the case (10:00 Beijing time on each date).
  let now = new Date('2025-09-25T02:00:00Z');
  const day = (d: string) => {
    now = new Date(`${d}T02:00:00Z`);
  };

  before(async () => {
    env = await startBrowserApp(
      async ({ database }) => {
        const county = await makeOrg(database.db, { name: '测试县人民政府' });
        const org = await makeOrg(database.db, { parent: county, name: '测试县交通运输局' });
        handler = await makeUser(database.db, [['request_handler', org]]);
        admin = await makeUser(database.db, [['request_admin', org]]);
      },
      { now: () => now },
    );
    ({ base, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  const login = async (username: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(base + '/console/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/console$/);
    return page;
  };
  // Moving the clock by days ends idle sessions: sign in again when the login form shows.
  const visit = async (page: Page, username: string, url: string) => {
    await page.goto(url);
    if (await page.getByLabel('用户名').count()) {
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(/\/console/);
      await page.goto(url);
    }
  };
  const act = async (
    page: Page,
    slug: string,
    fill: (form: ReturnType<Page['locator']>) => Promise<void>,
    flash: string,
  ) => {
    const form = page.locator(`form[action$="/${slug}"]`);
    await form.locator('xpath=..').locator('summary').click();
    await fill(form);
    await form.getByRole('button').click();
    await page
      .getByText(flash)
      .first()
      .waitFor({ timeout: 5000 })
      .catch(async (e: unknown) => {
        throw new Error(`${String(e)}\n${(await page.locator('main').innerText()).slice(0, 600)}`);
      });
  };
  const due = async (page: Page) => (await page.getByTestId('due').innerText()).trim();

  it('a citizen files online; staff confirm, correct, consult, extend and answer; the citizen reads the status and the letter', async () => {
    const citizen = await (await browser.newContext()).newPage();
    await citizen.goto(base + '/ysqgk');
    await assertAccessible(citizen, 'application form');
    await citizen.getByLabel('受理机关').selectOption({ label: '测试县交通运输局' });
    await citizen.getByLabel('姓名或单位名称').fill('赵六');
    await citizen.getByLabel('证件号码').fill(ID);
    await citizen.getByLabel('联系电话').fill('13700001111');
    await citizen.getByLabel('所需信息的名称').fill('某道路改造工程招标文件');
    await citizen.getByLabel('获取信息的方式').selectOption('pickup');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.getByRole('heading', { name: '申请已提交' }).waitFor();
    await assertAccessible(citizen, 'receipt');
    const no = (await citizen.getByTestId('request-no').innerText()).trim();
    const code = (await citizen.getByTestId('query-code').innerText()).trim();
    assert.match(no, /^YSQ-2025-\d{6}$/);

    day('2025-09-26');
    const staff = await login(handler.username);
    await staff.getByRole('link', { name: '申请办理' }).first().click();
    await staff.getByRole('link', { name: '网上申请待确认' }).click();
    await staff.getByRole('link', { name: no }).click();
    await act(staff, 'confirm', async () => {}, '已确认收到申请，答复期限 2025-10-30');
    assert.equal(await due(staff), '2025-10-30');
    const caseUrl = staff.url();
    await staff.getByRole('button', { name: '由我办理' }).click();
    await staff.getByText('已分派办理人').waitFor();
    assert.ok((await staff.content()).includes(ID), 'the handler of the case sees the identity number');
    await assertAccessible(staff, 'case page');
    await shot(staff, 'request-case');

    day('2025-09-29');
    await visit(staff, handler.username, caseUrl);
    await act(
      staff,
      'correction',
      async (f) => {
        await f.getByLabel('补正期限').fill('2025-10-20');
        await f.getByLabel('需要补正的事项').fill('请写明工程名称或招标编号。');
      },
      '补正期限至 2025-10-20',
    );
    day('2025-10-13');
    await visit(staff, handler.username, caseUrl);
    await act(staff, 'correction-received', async () => {}, '答复期限重新计算为 2025-11-10');
    day('2025-10-20');
    await visit(staff, handler.username, caseUrl);
    await act(
      staff,
      'consultation',
      async (f) => {
        await f.getByLabel('被征求意见的单位或个人').fill('某建设集团');
      },
      '对方应于 2025-11-10 前答复',
    );
    day('2025-10-24');
    await visit(staff, handler.username, caseUrl);
    await act(
      staff,
      'consultation-end',
      async (f) => {
        await f.getByLabel('对方意见').selectOption('objection');
        await f.getByLabel('理由').fill('投标报价属于商业秘密');
      },
      '答复期限 2025-11-14',
    );
    day('2025-11-03');
    await visit(staff, handler.username, caseUrl);
    await act(
      staff,
      'extension-request',
      async (f) => {
        await f.getByLabel('延长工作日数').fill('10');
        await f.getByLabel('理由').fill('需要对商业秘密部分作区分处理');
      },
      '待依申请公开负责人批准',
    );

    const head = await login(admin.username);
    await head.goto(caseUrl);
    await head.getByText('办理人申请延长答复期限 10 个工作日').waitFor();
    await act(head, 'extend', async () => {}, '新期限 2025-11-28');
    assert.equal(await due(head), '2025-11-28');

    day('2025-11-20');
    await visit(staff, handler.username, caseUrl);
    await act(
      staff,
      'answer',
      async (f) => {
        await f.getByLabel('办理结果').selectOption('2');
        await f.getByLabel('答复书正文').fill('经审查，现向您提供招标文件（已删除投标报价部分）。');
        await f
          .getByLabel('不予公开的内容及理由')
          .fill('投标报价涉及第三方商业秘密，第三方不同意公开（第十五条、第三十二条）。');
      },
      '已答复，本案办结',
    );

    day('2025-11-21');
    await citizen.goto(base + '/ysqgk/status');
    await citizen.getByLabel('申请编号').fill(no);
    await citizen.getByLabel('查询码').fill('WRONGCODE1');
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.getByText('申请编号或查询码不正确').first().waitFor();
    await citizen.getByLabel('查询码').fill(code);
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.getByTestId('state').getByText('已答复').waitFor();
    await assertAccessible(citizen, 'status page');
    assert.equal((await citizen.getByTestId('received').innerText()).trim(), '2025年9月26日（2025-09-26）');
    assert.equal((await citizen.getByTestId('due').innerText()).trim(), '2025年11月28日（2025-11-28）');
    const body = await citizen.content();
    assert.ok(body.includes('2025-11-20 作出答复，在答复期限 2025-11-28 内'));
    assert.ok(!body.includes(ID) && !body.includes('13700001111') && !body.includes('某建设集团'));
    await shot(citizen, 'request-status');
    await citizen.getByRole('button', { name: '政府信息公开申请答复书（可打印）' }).click();
    await citizen.getByRole('heading', { name: '政府信息公开申请答复书' }).waitFor();
    const letter = await citizen.content();
    assert.ok(letter.includes('不予公开的内容及理由：投标报价涉及第三方商业秘密'));
    assert.ok(letter.includes('60日内依法申请行政复议'));
    assert.equal((await citizen.getByTestId('letter-date').innerText()).trim(), '2025年11月20日');
  });
});
