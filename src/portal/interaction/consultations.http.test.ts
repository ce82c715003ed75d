import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

let clock = new Date('2025-08-25T02:00:00Z');
const setDay = (d: string) => {
  clock = new Date(`${d}T02:00:00Z`);
};
const DRAFT = '第一条 为了规范养犬行为，制定本办法。\n第二条 养犬人应当办理养犬登记。';

describeApp(
  '意见征集 over HTTP',
  (h) => {
    let org: OrgRow;
    let admin: { username: string };
    let periodId = 0;
    before(async () => {
      setDay('2025-08-25');
      const county = await makeOrg(h.db(), { name: '某县人民政府' });
      org = await makeOrg(h.db(), { parent: county, name: '县公安局' });
      admin = await makeUser(h.db(), [['agency_admin', org]]);
      await makeOrg(h.db(), { parent: county, name: '县教育局' });
    });

    it('staff open a period; too short is refused with the setting in the message', async () => {
      const c = h.client();
      await c.login(admin.username);
      // Only the agencies the reader may open a period for are offered (not the county, not a sibling).
      const offered = [
        ...(await c.get('/console/consultations/new')).body.matchAll(/<option value="(\d+)"[^>]*>[\u3000]*([^<]+)</g),
      ].map((m) => m[2]);
      assert.deepEqual(offered, ['县公安局'], '县教育局 and the county are not offered');
      const form = {
        orgId: String(org.id),
        title: '城区养犬管理办法（征求意见稿）',
        startOn: '2025-09-01',
        endOn: '2025-09-15',
        draftText: DRAFT,
      };
      const bad = await c.post('/console/consultations/new', form, { from: '/console/consultations/new' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /征集期限不得少于 30 日/);
      const ok = await c.post(
        '/console/consultations/new',
        { ...form, endOn: '2025-09-30' },
        { from: '/console/consultations/new' },
      );
      assert.equal(ok.statusCode, 303);
      periodId = Number(/\/console\/consultations\/(\d+)/.exec(String(ok.headers.location))?.[1]);
      assert.ok(periodId > 0);
    });

    it('a citizen comments on an article; shown only after moderation', async () => {
      setDay('2025-09-10');
      const pub = h.client();
      const list = await pub.get('/hd/consultations');
      assert.match(list.body, /城区养犬管理办法/);
      const url = `/hd/consultations/${periodId}`;
      const empty = await pub.post(url, { content: '' }, { from: url });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /请填写意见内容/);
      assert.equal(
        (
          await pub.post(
            url,
            { articleNo: '2', content: '建议养犬登记可以网上办理。', name: '王小明', phone: '13700001111' },
            { from: url },
          )
        ).statusCode,
        303,
      );
      assert.doesNotMatch((await pub.get(url)).body, /网上办理/);

      const c = h.client();
      await c.login(admin.username);
      const page = await c.get(`/console/consultations/${periodId}`);
      assert.match(page.body, /137\*\*\*\*1111/);
      const cid = /\/comments\/(\d+)/.exec(page.body)?.[1] ?? '';
      assert.equal(
        (
          await c.post(
            `/console/consultations/${periodId}/comments/${cid}`,
            { decision: 'approved' },
            { from: `/console/consultations/${periodId}` },
          )
        ).statusCode,
        303,
      );
      const shown = await pub.get(url);
      assert.match(shown.body, /网上办理/);
      assert.match(shown.body, /王\*\*/);
      assert.doesNotMatch(shown.body, /王小明|13700001111/);
    });

    it('a comment sent as the period closes: the reason is said and the text typed is shown to keep', async () => {
      setDay('2025-09-30');
      const pub = h.client();
      const url = `/hd/consultations/${periodId}`;
      const token = await pub.csrf(url);
      setDay('2025-10-01');
      const late = await pub.post(url, { _csrf: token, content: '晚到的意见：建议延长征集期。' }, { csrf: false });
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /当前不在征集期内/);
      assert.match(late.body, /<textarea id="kept-content" rows="6" readonly>晚到的意见：建议延长征集期。<\/textarea>/);
    });

    it('after the end the feedback is published and the period is listed as closed with its feedback', async () => {
      setDay('2025-10-10');
      const c = h.client();
      await c.login(admin.username);
      const from = `/console/consultations/${periodId}`;
      const page = await c.get(from);
      const cid = /name="adoption_(\d+)"/.exec(page.body)?.[1] ?? '';
      const noReason = await c.post(
        `/console/consultations/${periodId}/feedback`,
        { [`adoption_${cid}`]: 'not_adopted', feedbackText: '说明' },
        { from },
      );
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /未采纳，请说明理由/);
      const ok = await c.post(
        `/console/consultations/${periodId}/feedback`,
        {
          [`adoption_${cid}`]: 'partly',
          [`reason_${cid}`]: '网上登记待系统建成后开通。',
          feedbackText: '共收到有效意见1条。',
        },
        { from },
      );
      assert.equal(ok.statusCode, 303);
      const pub = await h.client().get(`/hd/consultations/${periodId}`);
      assert.match(pub.body, /意见采纳情况（2025-10-10 公布）/);
      assert.match(pub.body, /共收到有效意见 1 条，采纳 0 条，部分采纳 1 条，未采纳 0 条/);
      assert.match(pub.body, /部分采纳/);
      const list = await h.client().get('/hd/consultations');
      assert.match(list.body, /已反馈/);
    });
  },
  { now: () => clock },
);
