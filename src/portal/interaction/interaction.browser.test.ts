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

let clock = new Date('2025-09-26T02:00:00Z');
const setDay = (d: string) => {
  clock = new Date(`${d}T02:00:00Z`);
};

describe('互动交流 journeys in Chromium [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let base: string;
  let browser: Browser;
  let housingHandler = '';
  let waterHandler = '';
  let admin = '';

  before(async () => {
    env = await startBrowserApp(
      async ({ database }) => {
        const county = await makeOrg(database.db, { name: '某县人民政府' });
        const housing = await makeOrg(database.db, { parent: county, name: '县住房和城乡建设局' });
        const water = await makeOrg(database.db, { parent: county, name: '县水利局' });
        housingHandler = (await makeUser(database.db, [['message_handler', housing]])).username;
        waterHandler = (await makeUser(database.db, [['message_handler', water]])).username;
        admin = (await makeUser(database.db, [['agency_admin', water]])).username;
      },
      { now: () => clock },
    );
    ({ base, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  const login = async (page: Page, username: string) => {
    await page.goto(base + '/console/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/console/);
  };

  it('a citizen asks, staff transfer and answer, the citizen rates, the Q&A shows the name masked', async () => {
    setDay('2025-09-26');
    const citizen = await (await browser.newContext()).newPage();
    await citizen.goto(base + '/hd');
    await assertAccessible(citizen, '/hd');
    await citizen.getByRole('link', { name: '我要留言' }).first().click();
    await citizen.getByLabel('受理机关').selectOption({ label: '　县住房和城乡建设局' });
    await citizen.getByLabel('留言类型').selectOption('consult');
    await citizen.getByLabel('标题').fill('河道清理归哪个部门管');
    await citizen.getByLabel('留言内容').fill('村口河道垃圾很多，请问由哪个部门负责清理？');
    await citizen.getByLabel('姓名', { exact: true }).fill('张三丰');
    await citizen.getByLabel('联系电话').fill('13812345678');
    await citizen.getByLabel(/同意公开本留言/).check();
    await assertAccessible(citizen, 'message form');
    await citizen.getByRole('button', { name: '提交留言' }).click();
    await citizen.getByRole('heading', { name: '留言已提交' }).waitFor();
    const no = (await citizen.getByTestId('message-no').innerText()).trim();
    const code = (await citizen.getByTestId('query-code').innerText()).trim();
    assert.match(no, /^LY-2025-\d{6}$/);
    await citizen.getByText('2025-10-10').waitFor();
    await assertAccessible(citizen, 'receipt');

    const a = await (await browser.newContext()).newPage();
    await login(a, housingHandler);
    await a.goto(base + '/console/messages?queue=unsigned');
    await a.getByRole('link', { name: no }).click();
    await a.getByText('13812345678').first().waitFor();
    await a.getByLabel('转至本平台机关或部门').selectOption({ label: '　县水利局' });
    await a.getByLabel('转办理由').fill('河道管护属水利局职责');
    await a.getByRole('button', { name: '转办', exact: true }).click();
    await a.getByText('已转办，待对方签收。').waitFor();

    const b = await (await browser.newContext()).newPage();
    await login(b, waterHandler);
    await b.goto(base + '/console/messages');
    await b.getByRole('link', { name: no }).click();
    await assertAccessible(b, 'console message page');
    await b.getByRole('button', { name: '签收', exact: true }).click();
    await b.getByText('已签收。').waitFor();
    await b.getByLabel(/答复内容/).fill('河道清理由县水利局负责，已安排清理。');
    await b.getByRole('button', { name: '提交答复' }).click();
    await b.getByText('已答复。').waitFor();
    await shot(b, 'interaction-console-message');

    setDay('2025-09-29');
    await citizen.goto(base + '/hd/messages/status');
    await citizen.getByLabel('留言编号').fill(no);
    await citizen.getByLabel('查询码').fill(code);
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.getByText('河道清理由县水利局负责').waitFor();
    await citizen.getByText('转至县水利局（河道管护属水利局职责）').waitFor();
    await assertAccessible(citizen, 'status page');
    await citizen.getByLabel('满意', { exact: true }).check();
    await citizen.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByText('您的评价：满意').waitFor();

    // sessions expire with the app's clock: sign in again after the days passed
    await login(b, waterHandler);
    await b.goto(`${base}/console/messages?queue=all`);
    await b.getByRole('link', { name: no }).click();
    await b.getByRole('button', { name: '发布到公开问答' }).click();
    await b.getByText('已发布到公开问答。').waitFor();

    const anyone = await (await browser.newContext()).newPage();
    await anyone.goto(base + '/hd/qa');
    await anyone.getByLabel('搜索问答').fill('河道');
    await anyone.getByRole('button', { name: '搜索', exact: true }).last().click();
    await anyone.getByText('留言人：张**', { exact: false }).waitFor();
    assert.doesNotMatch(await anyone.content(), /张三丰|13812345678/);
    await assertAccessible(anyone, 'public Q&A');
    await shot(anyone, 'interaction-qa');
  });

  it('a comment period from opening to published feedback', async () => {
    setDay('2025-08-25');
    const s = await (await browser.newContext()).newPage();
    await login(s, admin);
    await s.goto(base + '/console/consultations/new');
    await s.getByLabel('征集机关').selectOption({ label: '　县水利局' });
    await s.getByLabel('草案名称').fill('河道管理办法（征求意见稿）');
    await s.getByLabel('开始日期').fill('2025-09-01');
    await s.getByLabel('截止日期').fill('2025-09-30');
    await s.getByLabel('草案全文').fill('第一条 为了加强河道管理，制定本办法。\n第二条 禁止向河道倾倒垃圾。');
    await assertAccessible(s, 'open period form');
    await s.getByRole('button', { name: '发布' }).click();
    await s.getByText('意见征集已发布。').waitFor();
    const url = s.url();
    const id = /\/(\d+)$/.exec(url)?.[1] ?? '';

    setDay('2025-09-10');
    const c = await (await browser.newContext()).newPage();
    await c.goto(base + '/hd/consultations');
    await c.getByRole('link', { name: '河道管理办法（征求意见稿）' }).click();
    await c.getByLabel('针对').selectOption({ label: '第二条' });
    await c.getByLabel('意见内容').fill('建议明确罚款标准。');
    await c.getByLabel(/姓名/).fill('李四');
    await assertAccessible(c, 'comment form');
    await c.getByRole('button', { name: '提交意见' }).click();
    await c.getByText('意见已提交，审核后显示。').waitFor();

    await login(s, admin);
    await s.goto(`${base}/console/consultations/${id}`);
    await s.getByRole('button', { name: '显示', exact: true }).click();
    await s.getByText('审核完成。').waitFor();

    setDay('2025-10-09');
    await login(s, admin);
    await s.goto(`${base}/console/consultations/${id}`);
    await s.locator('select[name^="adoption_"]').selectOption('adopted');
    await s.getByLabel('采纳情况说明').fill('共收到有效意见1条，已采纳。');
    await s.getByRole('button', { name: '公布' }).click();
    await s.getByText('已公布采纳情况：共 1 条意见。').waitFor();

    await c.goto(`${base}/hd/consultations/${id}`);
    await c.getByText('共收到有效意见 1 条，采纳 1 条，部分采纳 0 条，未采纳 0 条。').waitFor();
    await c.getByText('李*', { exact: false }).first().waitFor();
    await assertAccessible(c, 'feedback page');
    await shot(c, 'interaction-consultation-feedback');
  });
});
