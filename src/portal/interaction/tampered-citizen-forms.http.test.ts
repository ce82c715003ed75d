import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { citizenForm } from '../../../test/helpers/request-form.js';
import type { OrgRow } from '../../orgs/orgs.store.js';

const NOW = new Date('2025-09-10T02:00:00Z');
const TEXT = '河道两年来无人清理，请问由哪个部门负责？';

/** A list value no page offers (only a tampered form sends one): the form comes back with the text kept. */
describeApp(
  'citizen forms with a tampered select value',
  (h) => {
    let org: OrgRow;
    let periodId = 0;
    before(async () => {
      org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县水利局' });
      const admin = await makeUser(h.db(), [['agency_admin', org]]);
      const c = h.client();
      await c.login(admin.username);
      const ok = await c.post(
        '/console/consultations/new',
        {
          orgId: String(org.id),
          title: '河道管理办法（征求意见稿）',
          startOn: '2025-09-10',
          endOn: '2025-10-20',
          draftText: '第一条 为了加强河道管理，制定本办法。',
        },
        { from: '/console/consultations/new' },
      );
      periodId = Number(/\/console\/consultations\/(\d+)/.exec(String(ok.headers.location))?.[1]);
      assert.ok(periodId > 0);
    });

    const count = async (table: 'requests' | 'messages' | 'comments') =>
      (await h.db().selectFrom(table).select('id').execute()).length;

    it('依申请公开 and 我要留言: an agency that is no id is that field’s error, the rest kept', async () => {
      const apply = await h
        .client()
        .post('/ysqgk', { ...citizenForm, orgId: 'abc', infoDescription: TEXT, confirmed: '1' });
      assert.equal(apply.statusCode, 400);
      assert.match(apply.body, /“受理机关”的取值无效，请从列表中选择/);
      assert.match(apply.body, /<form method="post" action="\/ysqgk"/);
      assert.match(apply.body, new RegExp(`>${TEXT}</textarea>`));
      assert.match(apply.body, /value="张三"/);
      assert.equal(await count('requests'), 0);

      const msg = await h
        .client()
        .post('/hd/messages/new', { orgId: '1e3', type: 'consult', subject: '河道清理', content: TEXT, name: '李四' });
      assert.equal(msg.statusCode, 400);
      assert.match(msg.body, /“受理机关”的取值无效，请从列表中选择/);
      assert.match(msg.body, new RegExp(`>${TEXT}</textarea>`));
      assert.equal(await count('messages'), 0);
    });

    it('意见征集: an article that is no number is that field’s error, the comment kept; a bad id is still not found', async () => {
      const url = `/hd/consultations/${periodId}`;
      const res = await h.client().post(url, { articleNo: 'abc', content: TEXT, name: '王五' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /“针对”的取值无效，请从列表中选择/);
      assert.match(res.body, new RegExp(`>${TEXT}</textarea>`));
      assert.equal(await count('comments'), 0);
      const bad = await h.client().post('/hd/consultations/abc', { content: TEXT }, { from: url });
      assert.equal(bad.statusCode, 404);
    });
  },
  { now: () => NOW },
);
