/**
 * The release journey in Chromium: the handler attaches a PDF (printed by Chromium, Chinese text),
 * keeps the 身份证号 the search proposes, draws one box with the mouse, makes the released copy; the
 * request administrator approves; the applicant downloads it from the status page with 申请编号 +
 * 查询码. The download holds neither redacted string (pdftotext). axe on every new page.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  browserSkip,
  startBrowserApp,
  type BrowserApp,
  assertAccessible,
  shot,
} from '../../../test/browser/browser.js';
import { makeOrg, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { publicActor, systemActor } from '../../platform/context.js';
import { submitOnline } from '../../requests/submit-online.js';
import { confirmReceipt } from '../../requests/confirm-receipt.js';
import { assignRequest } from '../../requests/assign-request.js';
import { printPdf } from '../../reports/fixtures/pdf-corpus.js';

const NOW = new Date('2025-10-09T02:00:00Z');
const ID = '11010519491231002X';
const DRAWN = '会议纪要第三稿';
const DOC = `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK SC",serif;font-size:16pt}</style></head><body>
<h1>某路段拓宽工程批复</h1><p>${DRAWN}</p><p>征收户身份证号${ID}。</p><p>工程总投资一百二十万元，予以公开。</p></body></html>`;

describe('依申请公开 release package journey in Chromium [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let dir = '';
  let caseId = 0;
  let handler = '';
  let admin = '';
  let requestNo = '';
  let queryCode = '';

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gk-release-journey-'));
    env = await startBrowserApp(
      async ({ database, config }) => {
        const db = database.db;
        const ctx = (actor = systemActor('test')) => ({ db, actor, now: () => NOW, config });
        const org = await makeOrg(db, { parent: await makeOrg(db, { name: '示范县' }), name: '县交通运输局' });
        const h = await makeUser(db, [['request_handler', org]]);
        const a = await makeUser(db, [['request_admin', org]]);
        handler = h.username;
        admin = a.username;
        const s = await submitOnline(ctx(publicActor('1.2.3.4')), {
          applicantType: 'citizen',
          name: '王五',
          idType: 'resident_id',
          idNumber: ID,
          phone: '13912345678',
          infoTitle: '某路段拓宽工程批复',
          form: 'electronic',
          delivery: 'pickup',
          orgId: org.id,
        });
        await confirmReceipt(ctx(h.actor), { requestId: s.id });
        await assignRequest(ctx(a.actor), { requestId: s.id, handlerId: h.id });
        ({ id: caseId, requestNo, queryCode } = s);
      },
      { now: () => NOW },
    );
    ({ base, browser } = env);
    const p = await browser.newPage();
    writeFileSync(path.join(dir, '工程批复.pdf'), await printPdf(p, DOC));
    await p.close();
  });
  after(async () => {
    await env?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async (user: string): Promise<Page> => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    ).newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${base}/console/login`);
    await page.getByLabel('用户名').fill(user);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    return page;
  };

  it('attach, redact (search + drawn box), approve by another person, download by the applicant', async () => {
    const page = await login(handler);
    await page.goto(`${base}/console/requests/${caseId}`);
    await page.getByRole('link', { name: /提供材料/ }).click();
    await page.getByRole('heading', { name: `提供材料 ${requestNo}` }).waitFor();
    await assertAccessible(page, 'release package page');
    await page.getByLabel('文件（PDF、DOCX、JPEG或PNG）').setInputFiles(path.join(dir, '工程批复.pdf'));
    await page.getByLabel(/答复内容/).fill('申请第1项：工程批复');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByText('已添加“工程批复.pdf”。').waitFor();

    await page.getByRole('link', { name: '遮盖（区分处理）' }).click();
    await page.getByRole('heading', { name: '区分处理 工程批复.pdf' }).waitFor();
    assert.match(await page.getByTestId('proposals').innerText(), new RegExp(`身份证号：${ID}`));
    await page.getByLabel('其他检索词').fill(DRAWN);
    await page.getByRole('button', { name: /检索/ }).click();
    await page.getByTestId('proposals').getByText(`检索词：${DRAWN}`).waitFor();
    // Keep the 身份证号; drop the search hit and draw the same place by hand instead.
    await page.getByLabel('遮盖第2处').uncheck();
    const target = page.locator('svg.redact-overlay rect.proposed').nth(1);
    await page.evaluate((y) => window.scrollTo(0, y - 300), (await target.boundingBox())!.y);
    const hit = await target.boundingBox();
    assert.ok(hit);
    await page.mouse.move(hit.x - 4, hit.y - 4);
    await page.mouse.down();
    await page.mouse.move(hit.x + hit.width / 2, hit.y + hit.height / 2, { steps: 4 });
    await page.mouse.move(hit.x + hit.width + 6, hit.y + hit.height + 4, { steps: 4 });
    await page.mouse.up();
    assert.match(await page.getByLabel('区域1', { exact: true }).inputValue(), /^1,[\d.]+,[\d.]+,[\d.]+,[\d.]+$/);
    await page.getByLabel('区域1的理由').selectOption('art16_2');
    await assertAccessible(page, 'redaction page');
    await shot(page, 'release-redact-1280');
    await page.getByRole('button', { name: '生成公开文本' }).click();
    await page.getByText('已生成公开文本：遮盖 2 处。').waitFor();
    assert.match(
      await page.getByTestId('release-docs').innerText(),
      /遮盖 2 处：第十五条 个人隐私；第十六条 过程性信息/,
    );
    assert.equal(await page.getByRole('button', { name: /审核通过/ }).count(), 0, 'the handler cannot approve');

    const boss = await login(admin);
    await boss.goto(`${base}/console/requests/${caseId}/release`);
    await boss.getByRole('button', { name: '审核通过，向申请人提供' }).click();
    await boss.getByText(/提供材料已审核通过，申请人可下载至 2025-11-07/).waitFor();
    await assertAccessible(boss, 'approved release package');
    await shot(boss, 'release-package-1280');

    const pub = await (
      await browser.newContext({ viewport: { width: 375, height: 800 }, acceptDownloads: true })
    ).newPage();
    await pub.goto(`${base}/ysqgk/status`);
    await pub.getByLabel('申请编号').fill(requestNo);
    await pub.getByLabel('查询码').fill(queryCode);
    await pub.getByRole('button', { name: '查询' }).click();
    await pub.getByRole('heading', { name: '提供的政府信息' }).waitFor();
    await assertAccessible(pub, 'status page with downloads');
    await shot(pub, 'release-status-375');
    const [download] = await Promise.all([
      pub.waitForEvent('download'),
      pub.getByRole('button', { name: '下载 工程批复.pdf' }).click(),
    ]);
    const file = path.join(dir, 'got.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    assert.ok(
      !text.includes(ID) && !text.includes(DRAWN) && !text.includes('总投资'),
      'the rebuilt page carries no text',
    );
    assert.ok(readFileSync(file).length > 1000);

    await page.goto(`${base}/console/requests/${caseId}/release`);
    assert.match(await page.getByTestId('release-downloads').innerText(), /工程批复\.pdf/);
  });
});
