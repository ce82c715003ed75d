// 依申请公开 beyond the case itself: fees on the clock, stored due dates, retention, reminders, demo data (split from requests.db.test.ts).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import type { Actor } from '../platform/context.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { APPLICANT_ID as ID, at, citizenForm as form } from '../../test/helpers/request-form.js';
import { residentIdCheckChar } from '../orgs/codes.rules.js';
import { registerRequest } from './register-request.js';
import { assignRequest } from './assign-request.js';
import { answerRequest } from './answer-request.js';
import { closeAbandoned } from './close-abandoned.js';
import { sendFeeNotice } from './fee-notice.js';
import { recordPayment } from './record-payment.js';
import { recomputeRequestDueDates } from './recompute-due-dates.js';
import { requestStatistics } from './request-statistics.js';
import { eraseExpiredPersonalData, setRetentionYears } from './retention.js';
import { sendReminders } from './send-reminders.js';
import { saveReminderPrefs } from './save-reminder-prefs.js';
import { seedDemoRequests } from './seed-demo-requests.js';
import { seedDemoCounty } from '../orgs/seed-demo.js';
import { getRequest } from './requests.store.js';

describeDb('依申请公开: 信息处理费 on the clock', (h) => {
  let org: OrgRow;
  let handler: { id: number; actor: Actor };
  before(async () => {
    org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县财政局' });
    handler = await makeUser(h.db(), [['request_handler', org]]);
  });
  const register = async (over: Record<string, string> = {}) => {
    const r = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      ...over,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    await assignRequest(h.ctx(handler.actor, at('2025-09-26')), { requestId: r.id, handlerId: handler.id });
    return r;
  };

  test('按件: the 11th request of the applicant in the month costs 100元; the notice pauses the clock until payment', async () => {
    const ID2 = '44030119900101001';
    const idNumber = ID2 + residentIdCheckChar(ID2);
    const first = await register({ idNumber });
    await assert.rejects(
      sendFeeNotice(h.ctx(handler.actor, at('2025-09-29')), { requestId: first.id, method: 'per_request' }),
      { code: 'fee_not_due' },
    );
    for (let i = 0; i < 9; i++) await register({ idNumber });
    const eleventh = await register({ idNumber });
    await assert.rejects(
      sendFeeNotice(h.ctx(handler.actor, at('2025-09-29')), { requestId: eleventh.id, method: 'both' }),
      { code: 'fee_method_invalid' },
    );
    assert.deepEqual(
      await sendFeeNotice(h.ctx(handler.actor, at('2025-09-29')), { requestId: eleventh.id, method: 'per_request' }),
      { amount: 100, ordinal: 11, waived: false },
    );
    assert.equal((await getRequest(h.db(), eleventh.id))!.state, 'awaiting_payment');
    await assert.rejects(
      sendFeeNotice(h.ctx(handler.actor, at('2025-09-30')), { requestId: eleventh.id, method: 'per_page', pages: 300 }),
      { code: 'fee_already_decided' },
    );
    // Paused 9/30, 10/9, 10/10 (3 working days): 2025-10-30 → 2025-11-04.
    assert.deepEqual(await recordPayment(h.ctx(handler.actor, at('2025-10-10')), { requestId: eleventh.id }), {
      dueOn: '2025-11-04',
    });
    assert.equal((await getRequest(h.db(), eleventh.id))!.state, 'processing');
    assert.equal((await requestStatistics(h.ctx(), { orgId: org.id, year: 2025 })).feesCollected, 100);
  });

  test('按量 250 pages = 4,700元; waiver needs a reason; non-payment in 20 working days ends the case as 六.2', async () => {
    const a = await register();
    await assert.rejects(
      sendFeeNotice(h.ctx(handler.actor, at('2025-09-29')), {
        requestId: a.id,
        method: 'per_page',
        pages: 250,
        waive: true,
      }),
      { code: 'waiver_reason_required' },
    );
    assert.deepEqual(
      await sendFeeNotice(h.ctx(handler.actor, at('2025-09-29')), {
        requestId: a.id,
        method: 'per_page',
        pages: 250,
        waive: true,
        waiverReason: '申请人生活困难',
      }),
      { amount: 4700, ordinal: null, waived: true },
    );
    assert.equal((await getRequest(h.db(), a.id))!.state, 'processing');

    const b = await register();
    assert.equal(
      (await sendFeeNotice(h.ctx(handler.actor, at('2025-09-29')), { requestId: b.id, method: 'per_page', pages: 250 }))
        .amount,
      4700,
    );
    // Payment due on the 20th working day after 2025-09-29: 2025-11-03.
    await assert.rejects(closeAbandoned(h.ctx(handler.actor, at('2025-11-03')), { requestId: b.id }), {
      code: 'not_abandoned',
    });
    assert.deepEqual(await closeAbandoned(h.ctx(handler.actor, at('2025-11-05')), { requestId: b.id }), {
      outcome: '6.2',
    });
    const r = (await getRequest(h.db(), b.id))!;
    assert.equal(r.state, 'abandoned');
    assert.equal(r.closed_on, '2025-11-04');
    const acts = await h
      .db()
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', String(b.id))
      .where('subject_type', '=', 'request')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      acts.map((x) => x.action),
      ['request.register', 'request.assign', 'request.fee_notice', 'request.abandon'],
    );
  });
});

describeDb('依申请公开: stored due dates follow the calendar', (h) => {
  test('recompute fixes a stored due date that no longer matches the calendar, and audits it', async () => {
    const org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县教育局' });
    const handler = await makeUser(h.db(), [['request_handler', org]]);
    const reg = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    await h.db().updateTable('requests').set({ due_on: '2025-10-29' }).where('id', '=', reg.id).execute();
    await assert.rejects(recomputeRequestDueDates(h.ctx(handler.actor, at('2025-09-27'))), { kind: 'forbidden' });
    const r = await recomputeRequestDueDates(h.ctx(undefined, at('2025-09-27')));
    assert.deepEqual(r, { label: '依申请公开答复期限', moved: 1, failed: 0 });
    assert.equal((await getRequest(h.db(), reg.id))!.due_on, '2025-10-30');
    const a = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'request.recompute')
      .executeTakeFirstOrThrow();
    assert.match(a.summary, /2025-10-29→2025-10-30/);
  });
});

describeDb('依申请公开: retention of personal data', (h) => {
  test('cases closed more than N years ago lose the applicant’s personal data; statistics stay', async () => {
    const org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县民政局' });
    const handler = await makeUser(h.db(), [['request_handler', org]]);
    const reg = await registerRequest(h.ctx(handler.actor, at('2020-03-02')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2020-03-02',
    });
    await assignRequest(h.ctx(handler.actor, at('2020-03-02')), { requestId: reg.id, handlerId: handler.id });
    await answerRequest(h.ctx(handler.actor, at('2020-03-10')), {
      requestId: reg.id,
      outcome: '4.1',
      letter: '经检索，本机关未制作、获取该信息。',
    });
    const recent = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    assert.deepEqual(await eraseExpiredPersonalData(h.ctx(undefined, at('2025-10-01'))), {
      erased: 0,
      cutoff: null,
      files: 0,
    });
    await assert.rejects(setRetentionYears(h.ctx(handler.actor), 5), { kind: 'forbidden' });
    await setRetentionYears(h.ctx(), 5);
    assert.deepEqual(await eraseExpiredPersonalData(h.ctx(undefined, at('2025-10-01'))), {
      erased: 1,
      cutoff: '2020-10-01',
      files: 0,
    });
    const old = (await getRequest(h.db(), reg.id))!;
    assert.equal(old.applicant_name, '（已删除）');
    assert.equal(old.id_number, '');
    assert.equal(old.phone, null);
    assert.equal(old.outcome_code, '4.1');
    assert.equal((await getRequest(h.db(), recent.id))!.id_number, ID);
    const stats = await requestStatistics(h.ctx(), { orgId: org.id, year: 2020 });
    assert.deepEqual(stats.table['三.4.1'], [1, 0, 0, 0, 0, 0, 1]);
    const a = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'request.retention_erase')
      .executeTakeFirstOrThrow();
    assert.ok(!a.summary.includes(ID));
  });
});

describeDb('依申请公开: daily reminders', (h) => {
  test('handlers get a console notice and an email for cases due within 3 working days or overdue', async () => {
    const org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县卫生健康委' });
    const handler = await makeUser(h.db(), [['request_handler', org]]);
    await h.db().updateTable('users').set({ email: 'handler@example.gov.cn' }).where('id', '=', handler.id).execute();
    const a = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    await assignRequest(h.ctx(handler.actor, at('2025-09-26')), { requestId: a.id, handlerId: handler.id });
    // Due 2025-10-30; on 2025-10-27 three working days remain (10-28, 10-29, 10-30).
    const head = await makeUser(h.db(), [['request_admin', org]]);
    await h.db().updateTable('users').set({ email: 'head@example.gov.cn' }).where('id', '=', head.id).execute();
    const unassigned = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    assert.deepEqual(await sendReminders(h.ctx(undefined, at('2025-10-24'))), { handlers: 0, cases: 0, heads: 0 });
    assert.deepEqual(await sendReminders(h.ctx(undefined, at('2025-10-27'))), { handlers: 1, cases: 1, heads: 1 });
    // The head of office hears of every case of the agency, the unassigned one too; overdue ones say so.
    const hn = await h
      .db()
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('user_id', '=', head.id)
      .executeTakeFirstOrThrow();
    assert.equal(hn.title, '依申请公开到期提醒（负责人）：本机关 2 件即将到期或已超期');
    assert.match(hn.body, new RegExp(`${unassigned.requestNo}（未分派）：答复期限 2025-10-30`));
    assert.deepEqual(await sendReminders(h.ctx(undefined, at('2025-10-31'))), { handlers: 1, cases: 1, heads: 1 });
    const late = await h
      .db()
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', head.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(late.title, '依申请公开到期提醒（负责人）：本机关 2 件即将到期或已超期，其中已超期 2 件');
    assert.ok(
      await h.db().selectFrom('outbox').select('id').where('to_addr', '=', 'head@example.gov.cn').executeTakeFirst(),
    );
    // Each person chooses: the head wants e-mail only; the handler without an address still gets the console notice.
    await saveReminderPrefs(h.ctx(head.actor, at('2025-10-31')), { inApp: false, email: true });
    await assert.rejects(saveReminderPrefs(h.ctx(head.actor, at('2025-10-31')), { inApp: false, email: false }), {
      kind: 'invalid',
      code: 'reminder_way_required',
    });
    const count = async (table: 'notifications' | 'outbox', where: ['user_id', number] | ['to_addr', string]) =>
      Number(
        (
          await h
            .db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(where[0] as never, '=', where[1] as never)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = [
      await count('notifications', ['user_id', head.id]),
      await count('outbox', ['to_addr', 'head@example.gov.cn']),
    ];
    await sendReminders(h.ctx(undefined, at('2025-11-03')));
    assert.deepEqual(
      [await count('notifications', ['user_id', head.id]), await count('outbox', ['to_addr', 'head@example.gov.cn'])],
      [before[0], before[1]! + 1],
    );
    const n = await h
      .db()
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('user_id', '=', handler.id)
      .executeTakeFirstOrThrow();
    assert.match(n.body, new RegExp(`${a.requestNo}：答复期限 2025-10-30`));
    const m = await h
      .db()
      .selectFrom('outbox')
      .select(['to_addr', 'body'])
      .where('to_addr', '=', 'handler@example.gov.cn')
      .executeTakeFirstOrThrow();
    assert.ok(!m.body.includes(ID));
    assert.match(m.body, /请登录工作台办理：https?:\/\/[^/\s]+\/console\/requests\?queue=due_soon/);
    await assert.rejects(sendReminders(h.ctx(handler.actor, at('2025-10-27'))), { kind: 'forbidden' });
  });
});

describeDb('依申请公开: demo data', (h) => {
  test('150 demo cases played on the clock by the demo staff, the office numbers its letters, idempotent', async () => {
    const root = await makeOrg(h.db(), { name: '根机构' });
    const ctx = h.ctx(undefined, at('2025-09-26'));
    const demo = await seedDemoCounty(ctx, root.id);
    assert.match(await seedDemoRequests(ctx, { countyId: demo.countyId, seed: 1 }), /载入 150 件示例申请/);
    const rows = await h.db().selectFrom('requests').select(['state', 'due_on', 'received_on']).execute();
    assert.equal(rows.length, 150);
    assert.ok(rows.every((r) => (r.received_on ?? '') <= '2025-09-26'));
    const states = new Set(rows.map((r) => r.state));
    for (const s of ['submitted', 'processing', 'awaiting_correction', 'consulting', 'awaiting_payment', 'answered'])
      assert.ok(states.has(s), s);
    // The demo office numbers its letters: its answers of 2024 and 2025 carry the pattern's numbers in order.
    const issued = await h
      .db()
      .selectFrom('request_letter_issues')
      .select('doc_no')
      .where('org_id', '=', demo.agencyIds[0]!)
      .orderBy('id')
      .execute();
    assert.ok(issued.length >= 5);
    assert.ok(issued.some((x) => x.doc_no === '示政办公开〔2025〕1号'));
    assert.match(await seedDemoRequests(ctx, { countyId: demo.countyId, seed: 1 }), /已存在/);
  });
});
