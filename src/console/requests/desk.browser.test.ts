import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import {
  browserSkip,
  startBrowserApp,
  type BrowserApp,
  assertAccessible,
  shot,
} from '../../../test/browser/browser.js';
import { makeOrg, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';
import { registerRequest } from '../../requests/register-request.js';
import { assignRequest } from '../../requests/assign-request.js';

const NOW = new Date('2025-10-09T02:00:00Z');
const ID17 = '11010519491231002';
const SHOTS = '/tmp/desk-shots';

describe(
  'The staff desk in Chromium: my work → a case → bulk assignment → XLSX export [sqlite]',
  { skip: browserSkip },
  () => {
    let env: BrowserApp | undefined;
    let browser: Browser;
    let base: string;
    let head = '';
    let bName = '';
    const nos: string[] = [];
    let lateNo = '';

    before(async () => {
      env = await startBrowserApp(
        async ({ database, config }) => {
          const db = database.db;
          const org = await makeOrg(db, { parent: await makeOrg(db, { name: '示范县' }), name: '县交通运输局' });
          await makeOrg(db, { parent: org, kind: 'section', name: '综合股' });
          const admin = await makeUser(db, [['request_admin', org]]);
          const a = await makeUser(db, [['request_handler', org]]);
          const b = await makeUser(db, [['request_handler', org]]);
          head = admin.username;
          bName = (await db.selectFrom('users').select('display_name').where('id', '=', b.id).executeTakeFirstOrThrow())
            .display_name;
          const ctx = { db, actor: admin.actor, now: () => NOW, config };
          const titles: Array<[string, string, string]> = [
            ['李四', '某路段拓宽工程批复', '2025-09-26'],
            ['赵六', '城区道路养护合同', '2025-08-20'],
            ['钱七', '公交线路调整方案', '2025-09-30'],
            ['孙八', '桥梁检测报告', '2025-09-29'],
          ];
          for (const [name, infoTitle, receivedOn] of titles) {
            const r = await registerRequest(ctx, {
              applicantType: 'citizen',
              name,
              idType: 'resident_id',
              idNumber: ID17 + residentIdCheckChar(ID17),
              phone: '13912345678',
              infoTitle,
              form: 'electronic',
              delivery: 'pickup',
              orgId: org.id,
              channel: 'in_person',
              receivedOn,
            });
            nos.push(r.requestNo);
            if (name === '赵六') {
              lateNo = r.requestNo;
              await assignRequest(ctx, { requestId: r.id, handlerId: a.id });
            }
          }
        },
        { now: () => NOW },
      );
      ({ base, browser } = env);
      mkdirSync(SHOTS, { recursive: true });
    });
    after(async () => {
      await env?.close();
    });

    const picture = async (page: Page, name: string) => {
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
      await shot(page, name);
    };

    it('the head of office goes from my work to an overdue case, assigns new cases in bulk, exports the list and opens the XLSX', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${base}/console/login`);
      await page.getByLabel('用户名').fill(head);
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '我的工作' }).waitFor();
      await assertAccessible(page, 'console home with my work');
      await picture(page, 'home-my-work-1280');

      // my work → the overdue list → the case
      const overdue = page.getByRole('link', { name: /本机关申请已超期/ });
      assert.match(await overdue.innerText(), /^1\s*本机关申请已超期$/);
      await overdue.click();
      await page.getByRole('link', { name: lateNo }).click();
      await page
        .getByRole('heading', { name: new RegExp(lateNo) })
        .first()
        .waitFor();
      assert.match(await page.locator('main').innerText(), /城区道路养护合同/);
      await page.getByTestId('remedies-missing').waitFor();
      await page.getByText('补充身份证明文件').click();
      await assertAccessible(page, 'case page with the identity-proof form');
      await picture(page, 'request-case-1280');

      // the list of unassigned cases in process, sorted by number
      await page.goto(`${base}/console`);
      await page.getByRole('link', { name: /办理中未分派办理人/ }).click();
      await page.getByLabel('排序').selectOption('no_asc');
      await page.getByRole('button', { name: '筛选' }).click();
      const rows = page.locator('[data-testid="bulk-form"] tbody tr');
      assert.equal(await rows.count(), 3);
      await assertAccessible(page, 'request list with filters');
      await picture(page, 'request-list-1280');
      await page.getByLabel(`选择 ${nos[0]}`).check();
      await page.getByLabel(`选择 ${nos[2]}`).check();
      await page.getByLabel('分派办理人').selectOption({ label: bName });
      await page.getByRole('button', { name: '批量分派…' }).click();
      await page.getByTestId('bulk-confirm').waitFor();
      assert.match(await page.getByTestId('bulk-confirm').innerText(), new RegExp(`将把以下 2 件申请分派给 ${bName}`));
      await assertAccessible(page, 'bulk confirmation');
      await picture(page, 'request-bulk-confirm-1280');
      await page.getByRole('button', { name: '确认分派办理人' }).click();
      assert.equal(await page.getByTestId('bulk-summary').innerText(), '成功 2 件，未成功 0 件。');
      await picture(page, 'request-bulk-result-1280');

      // the list of all cases, exported as shown
      await page.getByRole('link', { name: '← 返回申请列表' }).click();
      assert.equal(await rows.count(), 1, 'two cases left the unassigned list');
      await page.goto(`${base}/console/requests?queue=all&sort=no_asc`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
      assert.match(download.suggestedFilename(), /^依申请公开申请列表-2025-10-09\.xlsx$/);
      const file = `${SHOTS}/export.xlsx`;
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet('申请列表');
      assert.ok(ws);
      assert.equal(ws.rowCount, 5);
      assert.deepEqual(
        [2, 3, 4, 5].map((r) => ws.getCell(`A${r}`).value),
        nos,
      );
      assert.equal(ws.getCell('D2').value, '李四', 'the head of office sees names');
      assert.equal(ws.getCell('K2').value, bName);
      assert.equal(ws.getCell('K4').value, bName);
      assert.equal(ws.getCell('K5').value, '未分派');
      await page.goto(`${base}/console/requests/reminders`);
      await assertAccessible(page, 'reminder preferences');
      await picture(page, 'request-reminders-1280');

      // the daily work digest: from my work to its settings, chosen with the keyboard-reachable radios
      await page.goto(`${base}/console`);
      await page.getByRole('link', { name: '设置接收方式' }).click();
      await page.getByLabel('仅站内通知').check();
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('已保存：每日工作摘要仅站内通知。').waitFor();
      assert.equal(await page.getByLabel('仅站内通知').isChecked(), true);
      await assertAccessible(page, 'daily work digest settings');
      await picture(page, 'work-digest-settings-1280');
      await context.close();
    });
  },
);
