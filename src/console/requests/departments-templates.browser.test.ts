import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  browserSkip,
  startBrowserApp,
  type BrowserApp,
  assertAccessible,
  shot,
} from '../../../test/browser/browser.js';
import { makeOrg, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';
import { systemActor } from '../../platform/context.js';
import { registerRequest } from '../../requests/register-request.js';
import { assignRequest } from '../../requests/assign-request.js';
import { addCoHandling } from '../../requests/add-cohandling.js';
import { setLeadDepartment } from '../../requests/set-lead-department.js';
import { startConsultation } from '../../requests/start-consultation.js';

const NOW = new Date('2025-10-09T02:00:00Z');
const ID17 = '11010519491231002';

describe('依申请公开 departments and letter templates in Chromium [sqlite]', { skip: browserSkip }, () => {
  let env: BrowserApp | undefined;
  let browser: Browser;
  let base: string;
  let caseId = 0;
  let admin = '';

  before(async () => {
    env = await startBrowserApp(
      async ({ database, config }) => {
        const db = database.db;
        const ctx = (actor = systemActor('test')) => ({ db, actor, now: () => NOW, config });
        const org = await makeOrg(db, { parent: await makeOrg(db, { name: '示范县' }), name: '县交通运输局' });
        const office = await makeOrg(db, { parent: org, kind: 'section', name: '办公室' });
        const law = await makeOrg(db, { parent: org, kind: 'section', name: '法规科' });
        await makeOrg(db, { parent: org, kind: 'section', name: '规划建设科' });
        const a = await makeUser(db, [['request_admin', org]]);
        admin = a.username;
        const r = await registerRequest(ctx(a.actor), {
          applicantType: 'citizen',
          name: '王五',
          idType: 'resident_id',
          idNumber: ID17 + residentIdCheckChar(ID17),
          phone: '13912345678',
          infoTitle: '某路段拓宽工程批复',
          form: 'electronic',
          delivery: 'pickup',
          orgId: org.id,
          channel: 'in_person',
          receivedOn: '2025-09-26',
        });
        await assignRequest(ctx(a.actor), { requestId: r.id, handlerId: a.id });
        await setLeadDepartment(ctx(a.actor), { requestId: r.id, orgId: office.id });
        await addCoHandling(ctx(a.actor), { requestId: r.id, orgId: law.id });
        await startConsultation(ctx(a.actor), { requestId: r.id, party: 'other_agency', respondent: '县自然资源局' });
        caseId = r.id;
      },
      { now: () => NOW },
    );
    ({ base, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  it('case page with departments, the 征求意见函, and the template editor with preview, each accessible', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${base}/console/login`);
    await page.getByLabel('用户名').fill(admin);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/console/requests/${caseId}`);
    await page.getByRole('heading', { name: '承办科室' }).waitFor();
    assert.match(
      await page
        .getByTestId('departments')
        .getByRole('row', { name: /法规科/ })
        .innerText(),
      /法规科\s+2025-10-23/,
    );
    await assertAccessible(page, 'case page with departments');
    await shot(page, 'request-case-departments-1280');

    await page.getByRole('link', { name: '政府信息公开征求其他机关意见函（可打印）' }).click();
    await page.getByText('请于2025年10月29日前（自收到本函之日起15个工作日内）书面提出意见').waitFor();
    await shot(page, 'request-consultation-letter-1280');

    await page.goto(`${base}/console/requests/letter-templates`);
    await assertAccessible(page, 'template list');
    await page.getByTestId('template-4.1').getByRole('link', { name: '编辑' }).click();
    await page
      .getByLabel('正文模板（每行一段）')
      .fill('经检索，{机关名称}不掌握“{信息名称}”。\n{答复正文}\n{联系电话}');
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText('模板中有未知的占位符：{联系电话}').first().waitFor();
    await assertAccessible(page, 'template editor with error');
    await page.getByLabel('正文模板（每行一段）').fill('经检索，{机关名称}不掌握“{信息名称}”。\n{答复正文}');
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByTestId('preview').getByText('经检索，县交通运输局不掌握').waitFor();
    await assertAccessible(page, 'template preview');
    await shot(page, 'request-letter-template-1280');
  });
});
