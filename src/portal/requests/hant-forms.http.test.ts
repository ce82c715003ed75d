import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, multipart } from '../../../test/helpers/http.js';
import { makeOrg } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';

// The app's clock: 2025-09-26 10:00 Beijing time.
const NOW = new Date('2025-09-26T02:00:00Z');

describeApp(
  '繁體 pages: what a form sends back is never converted',
  (h) => {
    let org: OrgRow;
    before(async () => {
      org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县住房和城乡建设局' });
    });

    it('a refused application read in 繁體 shows the text in 繁體 and every typed value as typed; the saved name is the one typed', async () => {
      const c = h.client();
      c.cookies.set('gk_script', 'hant');
      const typed = {
        orgId: String(org.id),
        applicantType: 'citizen',
        name: '张国庆',
        idType: 'resident_id',
        idNumber: '110105194912310021',
        phone: '13912345678',
        address: '广东省广州市发展路1号',
        infoTitle: '后台干部名单',
        infoDescription: '关于发展后台系统的干部名单',
        form: 'electronic',
        delivery: 'pickup',
        confirmed: '1',
      };
      const refused = await multipart(c, '/ysqgk', { _csrf: await c.csrf('/ysqgk'), ...typed }, null);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /請修改以下問題/, 'the page itself is in 繁體');
      assert.match(refused.body, /name="name"[^>]*value="张国庆"/);
      assert.match(refused.body, /name="address"[^>]*value="广东省广州市发展路1号"/);
      assert.match(refused.body, /name="infoTitle"[^>]*value="后台干部名单"/);
      assert.match(refused.body, />关于发展后台系统的干部名单<\/textarea>/);
      assert.doesNotMatch(refused.body, /張國慶|廣東省|後臺幹部/);
      // The corrected form, sent as the page holds it: saved as typed.
      const ID17 = '11010519491231002';
      const fixed = { ...typed, idNumber: ID17 + residentIdCheckChar(ID17) };
      const ok = await multipart(c, '/ysqgk', { _csrf: await c.csrf('/ysqgk'), ...fixed }, null);
      assert.equal(ok.statusCode, 200);
      const saved = await h
        .db()
        .selectFrom('requests')
        .select(['applicant_name', 'info_title'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(saved, { applicant_name: '张国庆', info_title: '后台干部名单' });
    });
  },
  { now: () => NOW },
);
