import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser, systemCtx } from '../../../test/helpers/factories.js';
import { residentIdCheckChar } from '../../orgs/codes.rules.js';
import type { Actor } from '../../platform/context.js';
import { registerRequest } from '../../requests/register-request.js';
import { assignRequest } from '../../requests/assign-request.js';
import { capabilityJobs } from '../../app/module-list.js';
import { sendWorkDigest } from './work-digest.js';

const ID17 = '11010519491231002';
// 2025-10-09 08:00 Beijing time: the digest's hour.
const NOW = new Date('2025-10-09T00:00:00Z');
const form = {
  applicantType: 'citizen',
  idType: 'resident_id',
  idNumber: ID17 + residentIdCheckChar(ID17),
  phone: '13912345678',
  form: 'electronic',
  delivery: 'pickup',
  channel: 'in_person',
};

describeApp(
  '每日工作摘要: “我的工作” sent once a day, as each person chose',
  (h) => {
    let handler: { id: number; username: string; actor: Actor };
    let head: { id: number; username: string; actor: Actor };
    let idle: { id: number; username: string; actor: Actor };
    const login = async (u: { username: string }): Promise<Client> => {
      const cl = h.client();
      assert.equal((await cl.login(u.username)).statusCode, 303);
      return cl;
    };
    const run = () => sendWorkDigest(systemCtx(h.ctx(head.actor, NOW)));
    const digestsOf = (userId: number) =>
      h
        .db()
        .selectFrom('notifications')
        .select(['title', 'body', 'link'])
        .where('user_id', '=', userId)
        .where('kind', '=', 'work_digest')
        .orderBy('id')
        .execute();
    const mailsTo = (to: string) =>
      h
        .db()
        .selectFrom('outbox')
        .select(['subject', 'body'])
        .where('to_addr', '=', to)
        .where('related_type', '=', 'work_digest')
        .orderBy('id')
        .execute();

    before(async () => {
      const county = await makeOrg(h.db(), { name: '示范县' });
      const org = await makeOrg(h.db(), { parent: county, name: '县交通运输局' });
      handler = await makeUser(h.db(), [['request_handler', org]]);
      head = await makeUser(h.db(), [['request_admin', org]]);
      idle = await makeUser(h.db(), [['editor', org]]);
      await h.db().updateTable('users').set({ email: 'handler@example.gov.cn' }).where('id', '=', handler.id).execute();
      // One case received long ago (overdue), one recent: both the handler's.
      for (const [infoTitle, receivedOn] of [
        ['城区道路养护合同', '2025-08-20'],
        ['某路段拓宽工程批复', '2025-09-26'],
      ]) {
        const r = await registerRequest(h.ctx(head.actor, NOW), {
          ...form,
          name: '李四',
          infoTitle,
          orgId: org.id,
          receivedOn,
        });
        await assignRequest(h.ctx(head.actor, NOW), { requestId: r.id, handlerId: handler.id });
      }
    });

    it('is a daily job of the application', () => {
      const job = capabilityJobs().find((j) => j.name === 'desk.work_digest');
      assert.ok(job);
      assert.equal(job.period, 'daily');
    });

    it('sends the console home’s counts, in-app and by e-mail with absolute links; nothing to someone with nothing waiting', async () => {
      const r = await run();
      assert.ok(r.people >= 2, r.summary);
      const [note] = await digestsOf(handler.id);
      assert.ok(note, 'the handler has a digest');
      assert.match(note.title, /^每日工作摘要（2025-10-09）：\d+ 类待办，其中 1 类已误期$/);
      assert.match(note.body, /【依申请公开】我的待办申请：2/);
      assert.match(note.body, /【依申请公开】我的申请已超期：1（已误期，请尽快办理）/);
      assert.doesNotMatch(note.body, /李四|13912345678|1101/, 'no personal data of applicants');
      // The same numbers as the handler's console home.
      const home = (await (await login(handler)).get('/console')).body;
      for (const m of note.body.matchAll(/】([^：]+)：(\d+)/g))
        assert.match(home, new RegExp(`<span class="n">${m[2]}</span><span class="label">${m[1]}</span>`), m[1]);
      const [mail] = await mailsTo('handler@example.gov.cn');
      assert.ok(mail, 'the handler has an e-mail');
      assert.equal(mail.subject, note.title);
      assert.match(mail.body, /https?:\/\/[^\s]+\/console\/requests\?queue=overdue&handler=me/);
      assert.match(mail.body, /\/console\/account\/digest/);
      // The head of office sees the agency; the idle editor gets nothing.
      assert.match((await digestsOf(head.id))[0]?.body ?? '', /【依申请公开】本机关申请已超期：1/);
      assert.deepEqual(await digestsOf(idle.id), []);
    });

    it('follows each person’s choice: in-app only, then off; a bad choice is refused and changes nothing', async () => {
      const ch = await login(handler);
      const page = await ch.get('/console/account/digest');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /name="choice" value="both" checked/);
      const bad = await ch.post('/console/account/digest', { choice: 'sms' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /接收方式/);
      assert.match((await ch.get('/console/account/digest')).body, /name="choice" value="both" checked/);

      assert.equal((await ch.post('/console/account/digest', { choice: 'in_app' })).statusCode, 303);
      const notes = (await digestsOf(handler.id)).length;
      const mails = (await mailsTo('handler@example.gov.cn')).length;
      await run();
      assert.equal((await digestsOf(handler.id)).length, notes + 1);
      assert.equal((await mailsTo('handler@example.gov.cn')).length, mails, 'no e-mail when in-app only');

      assert.equal((await ch.post('/console/account/digest', { choice: 'off' })).statusCode, 303);
      await run();
      assert.equal((await digestsOf(handler.id)).length, notes + 1, 'nothing when off');
      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'user.digest_prefs')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.summary),
        ['每日工作摘要：仅站内通知', '每日工作摘要：不接收'],
      );
    });

    it('is a job, not something a signed-in person can trigger', async () => {
      await assert.rejects(sendWorkDigest(h.ctx(head.actor, NOW)), { kind: 'forbidden' });
    });
  },
  { now: () => NOW },
);
