import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { publicActor, type Actor } from '../platform/context.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { submitMessage } from './submit-message.js';
import { registerMessage } from './register-message.js';
import { acceptMessage } from './accept-message.js';
import { assignMessage } from './assign-message.js';
import { transferMessage } from './transfer-message.js';
import { replyMessage } from './reply-message.js';
import { extendMessage } from './extend-message.js';
import { rateMessage } from './rate-message.js';
import { reopenMessage } from './reopen-message.js';
import { publishQa } from './publish-qa.js';
import { moderateMessage } from './moderate-message.js';
import { closeMessage } from './close-message.js';
import { staffMessage } from './message-status.js';
import { getMessage, listMessageEvents, listMessages } from './messages.store.js';
import { publicMessageStatus } from './message-status.js';
import { listPublicQa } from './public-qa.js';
import { messageFigures } from './message-figures.js';

/** 10:00 Beijing time on a date. */
const at = (d: string) => new Date(`${d}T02:00:00Z`);

describeDb('互动交流: a message from submission to the public Q&A', (h) => {
  let county: OrgRow;
  let housing: OrgRow;
  let water: OrgRow;
  let hHousing: { id: number; actor: Actor };
  let hWater: { id: number; actor: Actor };
  let h2Water: { id: number; actor: Actor };
  let supervisor: { id: number; actor: Actor };
  before(async () => {
    county = await makeOrg(h.db(), { name: '某县人民政府' });
    housing = await makeOrg(h.db(), { parent: county, name: '县住房和城乡建设局' });
    water = await makeOrg(h.db(), { parent: county, name: '县水利局' });
    hHousing = await makeUser(h.db(), [['message_handler', housing]]);
    hWater = await makeUser(h.db(), [['message_handler', water]]);
    h2Water = await makeUser(h.db(), [['message_handler', water]]);
    supervisor = await makeUser(h.db(), [['supervisor', county]]);
  });
  const audits = async (id: number) =>
    await h
      .db()
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_type', '=', 'message')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();

  test('submit → 签收 → transfer → assign → extend → reply → 不满意 → reopen → reply → rate → publish', async () => {
    const pub = h.ctx(publicActor('1.2.3.4'), at('2025-09-26'));
    const bad = submitMessage(pub, { orgId: housing.id, type: 'complaint', subject: '河道', content: '有垃圾' });
    await assert.rejects(
      bad,
      (e: { kind: string; errors: Array<{ code: string }> }) =>
        e.kind === 'invalid' && e.errors.some((x) => x.code === 'name_required'),
    );
    assert.equal(
      Number(
        (
          await h
            .db()
            .selectFrom('messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
    );

    const s = await submitMessage(pub, {
      orgId: housing.id,
      type: 'complaint',
      subject: '河道垃圾无人清理',
      content: '某村河道垃圾堆积，电话13812345678联系。',
      name: '张三丰',
      phone: '13812345678',
      publishConsent: true,
    });
    assert.match(s.messageNo, /^LY-2025-\d{6}$/);
    assert.equal(s.dueOn, '2025-10-10'); // 5 working days over 国庆
    const ctx = (d: string, a: Actor) => h.ctx(a, at(d));

    await assert.rejects(acceptMessage(ctx('2025-09-26', hWater.actor), { messageId: s.id }), { kind: 'forbidden' });
    await acceptMessage(ctx('2025-09-26', hHousing.actor), { messageId: s.id });
    await assert.rejects(
      transferMessage(ctx('2025-09-26', hHousing.actor), { messageId: s.id, targetOrgId: water.id }),
      { code: 'transfer_reason_required' },
    );
    await transferMessage(ctx('2025-09-26', hHousing.actor), {
      messageId: s.id,
      targetOrgId: water.id,
      reason: '河道管护属水利局职责',
    });
    let m = (await getMessage(h.db(), s.id))!;
    assert.equal(m.org_id, water.id);
    assert.equal(m.state, 'received');
    assert.equal(m.due_on, '2025-10-10');

    await acceptMessage(ctx('2025-09-28', hWater.actor), { messageId: s.id });
    await assert.rejects(assignMessage(ctx('2025-09-28', hWater.actor), { messageId: s.id, handlerId: hHousing.id }), {
      code: 'handler_invalid',
    });
    await assignMessage(ctx('2025-09-28', hWater.actor), { messageId: s.id, handlerId: h2Water.id });
    assert.deepEqual(
      await extendMessage(ctx('2025-09-29', h2Water.actor), { messageId: s.id, days: 2, reason: '需现场核查' }),
      { dueOn: '2025-10-13' },
    );
    await assert.rejects(
      extendMessage(ctx('2025-09-29', h2Water.actor), { messageId: s.id, days: 1, reason: '再延' }),
      { code: 'already_extended' },
    );
    assert.deepEqual(
      await replyMessage(ctx('2025-10-09', h2Water.actor), {
        messageId: s.id,
        replyPublic: '已安排清理。',
        replyPrivate: '清理人员联系电话另行告知。',
      }),
      { repliedOn: '2025-10-09', onTime: true },
    );

    const code = { messageNo: s.messageNo, queryCode: s.queryCode };
    await assert.rejects(rateMessage(pub, { ...code, queryCode: 'WRONGCODE2', rating: 'satisfied' }), {
      code: 'message_lookup_failed',
    });
    await assert.rejects(rateMessage(pub, { ...code, rating: 'unsatisfied' }), { code: 'rating_reason_required' });
    await rateMessage(h.ctx(publicActor(null), at('2025-10-10')), {
      ...code,
      rating: 'unsatisfied',
      reason: '仍未清理干净',
    });
    // Reopened on Friday 2025-10-10: 10/11 (Saturday, worked) counts.
    assert.deepEqual(await reopenMessage(h.ctx(publicActor(null), at('2025-10-10')), code), { dueOn: '2025-10-16' });
    await replyMessage(ctx('2025-10-13', h2Water.actor), {
      messageId: s.id,
      replyPublic: '已再次清理并建立巡查机制。',
    });
    await rateMessage(h.ctx(publicActor(null), at('2025-10-14')), {
      ...code,
      rating: 'unsatisfied',
      reason: '还是不满意',
    });
    await assert.rejects(reopenMessage(h.ctx(publicActor(null), at('2025-10-14')), code), {
      code: 'message_reopen_refused',
    });

    await publishQa(ctx('2025-10-15', h2Water.actor), { messageId: s.id, publish: true });
    await closeMessage(ctx('2025-10-15', h2Water.actor), { messageId: s.id });
    m = (await getMessage(h.db(), s.id))!;
    assert.equal(m.state, 'closed');
    assert.equal(m.reopened, 1);

    const qa = await listPublicQa(h.db(), { q: '河道', limit: 10, offset: 0 });
    assert.equal(qa.total, 1);
    assert.equal(qa.items[0]?.askerMasked, '张**');
    assert.match(qa.items[0]?.content ?? '', /138\*\*\*\*5678/);
    assert.equal(qa.items[0]?.reply, '已再次清理并建立巡查机制。');
    assert.equal((await listPublicQa(h.db(), { q: '不存在的词', limit: 10, offset: 0 })).total, 0);

    // Contact details: clear for the agency's handler, masked for the supervisor.
    assert.equal((await staffMessage(h.ctx(hWater.actor), s.id)).message.phone, '13812345678');
    const sup = await staffMessage(h.ctx(supervisor.actor), s.id);
    assert.equal(sup.message.phone, '138****5678');
    assert.equal(sup.message.name, '张**');

    const events = (await listMessageEvents(h.db(), s.id)).map((e) => e.type);
    assert.deepEqual(events, [
      'received',
      'accepted',
      'transferred',
      'accepted',
      'assigned',
      'extended',
      'replied',
      'rated',
      'reopened',
      'replied',
      'rated',
      'published',
      'closed',
    ]);
    const a = await audits(s.id);
    assert.deepEqual(
      a.map((x) => x.action),
      [
        'message.submit',
        'message.accept',
        'message.transfer',
        'message.accept',
        'message.assign',
        'message.extend',
        'message.reply',
        'message.rate',
        'message.reopen',
        'message.reply',
        'message.rate',
        'message.publish',
        'message.close',
      ],
    );
    assert.match(a[2]?.summary ?? '', /县住房和城乡建设局 转办至 县水利局：河道管护属水利局职责/);
    for (const x of a) assert.doesNotMatch(x.summary, /13812345678|张三丰/);
  });

  test('办结 does not end rating: an unrated closed message may be rated for the set period, once, without reopening', async () => {
    const pub = (d: string) => h.ctx(publicActor(null), at(d));
    const s = await submitMessage(pub('2025-11-03'), {
      orgId: housing.id,
      type: 'consult',
      subject: '公租房申请条件',
      content: '需要哪些材料？',
      name: '赵六',
      phone: '13700001111',
    });
    const c = (d: string) => h.ctx(hHousing.actor, at(d));
    await acceptMessage(c('2025-11-03'), { messageId: s.id });
    await replyMessage(c('2025-11-04'), { messageId: s.id, replyPublic: '请携带身份证和收入证明。' });
    await closeMessage(c('2025-11-05'), { messageId: s.id });
    const code = { messageNo: s.messageNo, queryCode: s.queryCode };

    const open = await publicMessageStatus(pub('2025-11-20'), code);
    assert.equal(open.canRate, true);
    assert.equal(open.rateUntil, '2025-11-20'); // 15 calendar days after 2025-11-05 by default
    assert.equal(open.canReopen, false);
    const late = await publicMessageStatus(pub('2025-11-21'), code);
    assert.equal(late.canRate, false);
    await assert.rejects(rateMessage(pub('2025-11-21'), { ...code, rating: 'satisfied' }), { code: 'rating_closed' });

    await h
      .db()
      .insertInto('settings')
      .values({ key: 'interaction.rating_days_after_close', value: '30', updated_at: '2025-11-21T00:00:00.000Z' })
      .execute();
    assert.deepEqual(
      await rateMessage(pub('2025-11-21'), { ...code, rating: 'unsatisfied', reason: '材料清单不完整' }),
      { rating: 'unsatisfied', state: 'closed' },
    );
    const m = (await getMessage(h.db(), s.id))!;
    assert.equal(m.state, 'closed');
    assert.equal(m.rating, 'unsatisfied');
    await assert.rejects(rateMessage(pub('2025-11-22'), { ...code, rating: 'satisfied' }), { code: 'rating_closed' });
    await assert.rejects(reopenMessage(pub('2025-11-22'), code), { code: 'message_reopen_refused' });
    assert.equal((await publicMessageStatus(pub('2025-11-22'), code)).canRate, false);
    await h.db().deleteFrom('settings').where('key', '=', 'interaction.rating_days_after_close').execute();
  });

  test('an internal section is never the 受理机关 of a message', async () => {
    const section = await makeOrg(h.db(), { parent: housing, name: '县住建局办公室', kind: 'section' });
    await assert.rejects(
      submitMessage(h.ctx(publicActor(null), at('2025-11-03')), {
        orgId: section.id,
        type: 'consult',
        subject: '问',
        content: '内容',
        name: '钱七',
      }),
      { code: 'org_not_found' },
    );
    await h.db().deleteFrom('orgs').where('id', '=', section.id).execute();
  });

  test('staff registration, sensitive words held, transfer out, figures', async () => {
    const c = h.ctx(hHousing.actor, at('2025-09-30'));
    await assert.rejects(
      registerMessage(c, { orgId: housing.id, type: 'consult', subject: 'x', content: 'y', receivedOn: '2025-10-05' }),
      { code: 'channel_required' },
    );
    const r = await registerMessage(c, {
      orgId: housing.id,
      channel: 'phone',
      type: 'consult',
      subject: '物业维修基金',
      content: '如何申请使用？',
      name: '李四',
      phone: '13900001111',
      receivedOn: '2025-09-30',
    });
    assert.equal(r.dueOn, '2025-10-11'); // 3 working days for a hotline transfer
    const held = await registerMessage(c, {
      orgId: housing.id,
      channel: 'letter',
      type: 'suggestion',
      subject: '建议',
      content: '小区附近有赌博窝点',
      name: '王五',
      phone: '13900002222',
      publishConsent: true,
    });
    assert.equal(held.dueOn, '2025-10-16');
    assert.equal((await getMessage(h.db(), held.id))!.held_for_moderation, 1);
    await acceptMessage(c, { messageId: held.id });
    await replyMessage(c, { messageId: held.id, replyPublic: '已转公安机关核查。' });
    await assert.rejects(publishQa(c, { messageId: held.id, publish: true }), { code: 'qa_publish_refused' });
    await moderateMessage(c, { messageId: held.id, decision: 'release' });
    await publishQa(c, { messageId: held.id, publish: true });

    await transferMessage(c, { messageId: r.id, targetName: '12345政务服务便民热线', reason: '属物业服务企业事项' });
    const out = (await getMessage(h.db(), r.id))!;
    assert.equal(out.state, 'transferred');
    assert.match(out.reply_public ?? '', /已转交12345政务服务便民热线办理/);
    assert.equal((await audits(r.id)).at(-1)?.action, 'message.transfer_out');

    const f = await messageFigures(h.ctx(supervisor.actor, at('2025-10-20')), {
      orgPaths: [county.path],
      from: '2025-09-01',
      to: '2025-10-31',
    });
    assert.equal(f.total.received, 3);
    assert.equal(f.total.closed, 3);
    assert.equal(f.total.completionRate, 100);
    assert.equal(f.total.satisfactionRate, 0);
    assert.equal(f.total.veto, false);
    assert.deepEqual(f.byOrg.map((o) => o.orgName).sort(), ['县住房和城乡建设局', '县水利局'].sort());

    // The console list's orders: by due date (nearest first, none last), by receipt either way.
    const list = (sort: 'due' | 'oldest' | 'newest') =>
      listMessages(h.db(), {
        orgPaths: [county.path],
        queue: 'all',
        userId: null,
        today: '2025-10-20',
        limit: 50,
        offset: 0,
        sort,
      });
    const dues = (await list('due')).rows.map((m) => m.due_on);
    assert.deepEqual(
      dues,
      [...dues].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b))),
    );
    const received = (await list('oldest')).rows.map((m) => m.received_on);
    assert.deepEqual(received, [...received].sort());
    assert.deepEqual(
      (await list('newest')).rows.map((m) => m.received_on),
      [...received].reverse().sort().reverse(),
    );
  });
});
