import { describe, it, before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { makeOrg, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { addCase, addItem } from '../../../test/helpers/report-records.js';
import {
  browserSkip,
  startBrowserApp,
  type BrowserApp,
  assertAccessible,
  shot,
} from '../../../test/browser/browser.js';

describe('annual report drill-down and 统计表 in Chromium [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let base: string;
  let browser: Browser;
  const names = { sup: '', admin: '' };
  let agencyId = 0;

  before(async () => {
    env = await startBrowserApp(async ({ database }) => {
      const county = await makeOrg(database.db, { name: '浏览器县人民政府' });
      const agency = await makeOrg(database.db, { parent: county, name: '浏览器县卫健委', kind: 'agency' });
      agencyId = agency.id;
      names.sup = (await makeUser(database.db, [['supervisor', county]])).username;
      names.admin = (await makeUser(database.db, [['agency_admin', agency]])).username;
      for (let i = 0; i < 7; i++)
        await addCase(database.db, agency, {
          received: `2025-0${1 + i}-03`,
          closed: `2025-0${1 + i}-12`,
          outcome: i % 2 ? '1' : '4.1',
        });
      await addCase(database.db, agency, { received: '2025-12-30' });
      await addItem(database.db, agency, {
        title: '卫生健康行政规范性文件',
        written: '2025-05-01',
        published: '2025-05-06',
        normative: true,
      });
    });
    ({ base, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  async function as(username: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(base + '/console/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/console/login'));
    return page;
  }

  it('a computed draft: the read-only view links a number to the masked list of its cases', async () => {
    const admin = await as(names.admin);
    await admin.goto(base + '/console/reports');
    await admin.locator('#f-orgId').first().selectOption(String(agencyId));
    await admin.locator('#f-year').first().fill('2025');
    await admin.getByRole('button', { name: '生成草稿' }).click();
    await admin.getByRole('link', { name: '查看每个数字计入的记录（只读视图）' }).click();
    await admin.getByRole('link', { name: '表三 一、本年新收政府信息公开申请数量 总计：8，查看计入的记录' }).click();
    await admin.getByRole('heading', { name: /总计：8/ }).waitFor();
    await shot(admin, 'report-drilldown-1280');
    await assertAccessible(admin, 'report cell drill-down');
    assert.equal(await admin.locator('tbody tr').count(), 8);
    assert.equal(await admin.getByText('张**').count(), 8);
  });

  it('the 统计表 entry form and the history chart are accessible', async () => {
    const sup = await as(names.sup);
    await sup.goto(`${base}/console/reports/legacy?orgId=${agencyId}`);
    await assertAccessible(sup, '统计表 entry form');
    const manual = sup.locator('form[action="/console/reports/legacy"]');
    await manual.locator('#f-year').fill('2018');
    await manual.getByLabel('（一）收到申请数（件）').fill('6');
    await manual.getByLabel('（二）申请办结数（件）').fill('5');
    await manual.getByRole('button', { name: '保存统计表' }).click();
    await sup.getByText('已保存统计表').waitFor();
    await shot(sup, 'legacy-stats-1280');
    await sup.goto(`${base}/console/reports/history/${agencyId}`);
    await assertAccessible(sup, 'history with a 统计表 year');
    await shot(sup, 'report-history-1280');
  });

  it('the checker: a ZIP of a county’s reports gives one table of verdicts, and each verdict its cells', async () => {
    const JSZip = (await import('jszip')).default;
    const fixture = (name: string): Buffer =>
      readFileSync(fileURLToPath(new URL(`../../reports/fixtures/${name}`, import.meta.url)));
    const zip = new JSZip();
    zip.file('洪泽区/2023.pdf', fixture('gov-reports/r03.pdf'));
    zip.file('洪泽区/2024.pdf', fixture('gov-reports/r04.pdf'));
    zip.file('某区/2025.html', fixture('r2021-table4-error.html'));
    zip.file('扫描件.pdf', Buffer.from('%PDF-1.4 damaged'));
    const sup = await as(names.sup);
    await sup.goto(base + '/console/reports/check');
    await sup.setInputFiles('#f-file', {
      name: '辖区年报.zip',
      mimeType: 'application/zip',
      buffer: await zip.generateAsync({ type: 'nodebuffer' }),
    });
    await sup.getByRole('button', { name: '检查' }).click();
    await sup.getByRole('heading', { name: '检查结果汇总（4 份）' }).waitFor();
    assert.equal(await sup.getByRole('status').first().textContent(), '一致 1 份，有误 2 份，无法判断 1 份。');
    const row = (file: string) => sup.getByRole('row').filter({ hasText: file });
    assert.match(
      (await row('洪泽区/2024.pdf').textContent()) ?? '',
      /淮安市洪泽区人民政府2024一致.*已与上年报告 2023\.pdf（2023年）核对/,
    );
    assert.match((await row('洪泽区/2023.pdf').textContent()) ?? '', /有误表四“行政复议”的“总计”应为 11/);
    assert.match((await row('扫描件.pdf').textContent()) ?? '', /无法判断PDF 文件已损坏/);
    await assertAccessible(sup, 'report checker results');
    await shot(sup, 'report-check-1280');
  });
});
