import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import type { Actor } from '../platform/context.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { APPLICANT_ID as ID, at, citizenForm as form } from '../../test/helpers/request-form.js';
import { submitOnline } from './submit-online.js';
import { registerRequest } from './register-request.js';
import { confirmReceipt } from './confirm-receipt.js';
import { assignRequest } from './assign-request.js';
import { requestCorrection } from './request-correction.js';
import { receiveCorrection } from './receive-correction.js';
import { startConsultation } from './start-consultation.js';
import { endConsultation } from './end-consultation.js';
import { extendDeadline } from './extend-deadline.js';
import { answerRequest } from './answer-request.js';
import { withdrawRequest } from './withdraw-request.js';
import { closeAbandoned } from './close-abandoned.js';
import { requestExtension } from './request-extension.js';
import { requestStatistics } from './request-statistics.js';
import { convertToProactive } from './convert-to-proactive.js';
import { recordAppeal } from './record-appeal.js';
import { forwardRequest } from './forward-request.js';
import { splitRequest } from './split-request.js';
import { publicStatus, staffCase } from './request-status.js';
import { getRequest } from './requests.store.js';
import { publicActor } from '../platform/context.js';

describeDb('依申请公开: a full case on the clock', (h) => {
  let org: OrgRow;
  let handler: { id: number; actor: Actor };
  let admin: { id: number; actor: Actor };
  let editor: { id: number; actor: Actor };
  before(async () => {
    const county = await makeOrg(h.db());
    org = await makeOrg(h.db(), { parent: county, name: '县生态环境局' });
    handler = await makeUser(h.db(), [['request_handler', org]]);
    admin = await makeUser(h.db(), [['request_admin', org]]);
    editor = await makeUser(h.db(), [['editor', org]]);
  });
  const audits = async (id: number) =>
    await h
      .db()
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_type', '=', 'request')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();

  test('online submission → confirmation → correction → consultation → extension → partial answer', async () => {
    const pub = h.ctx(publicActor('1.2.3.4'), at('2025-09-25'));
    const s = await submitOnline(pub, { ...form, orgId: org.id });
    assert.match(s.requestNo, /^YSQ-2025-\d{6}$/);
    let r = (await getRequest(h.db(), s.id))!;
    assert.equal(r.state, 'submitted');
    assert.equal(r.received_on, null);
    assert.notEqual(r.query_code_hash, s.queryCode);

    const mailed = await submitOnline(pub, { ...form, email: 'zhang@example.com', orgId: org.id });
    const receiptMail = await h
      .db()
      .selectFrom('outbox')
      .select(['subject', 'body'])
      .where('to_addr', '=', 'zhang@example.com')
      .executeTakeFirstOrThrow();
    assert.match(receiptMail.subject, new RegExp(mailed.requestNo));
    assert.ok(!receiptMail.body.includes(mailed.queryCode));
    // E-mails carry absolute links: the receipt links to the status page on the public address.
    assert.ok(receiptMail.body.includes(`${h.config.publicUrl}/ysqgk/status`), receiptMail.body);
    await assert.rejects(confirmReceipt(h.ctx(editor.actor, at('2025-09-26')), { requestId: s.id }), {
      kind: 'forbidden',
    });
    // 第三十一条: received the day both sides confirm; 2025-09-26 → 20th working day 2025-10-30 (国庆中秋, 9/28 and 10/11 worked).
    assert.deepEqual(await confirmReceipt(h.ctx(handler.actor, at('2025-09-26')), { requestId: s.id }), {
      dueOn: '2025-10-30',
    });
    await assignRequest(h.ctx(admin.actor, at('2025-09-26')), { requestId: s.id, handlerId: handler.id });

    const ctx = (d: string, a = handler.actor) => h.ctx(a, at(d));
    await requestCorrection(ctx('2025-09-29'), {
      requestId: s.id,
      until: '2025-10-20',
      items: '请明确所需环评报告的项目名称。',
    });
    await assert.rejects(requestCorrection(ctx('2025-09-30'), { requestId: s.id, items: 'x' }), {
      code: 'request_state_conflict',
    });
    r = (await getRequest(h.db(), s.id))!;
    assert.equal(r.state, 'awaiting_correction');
    assert.equal(r.due_on, null);
    // 第三十条: restart from 2025-10-13 → 2025-11-10.
    assert.deepEqual(await receiveCorrection(ctx('2025-10-13'), { requestId: s.id }), { dueOn: '2025-11-10' });
    await assert.rejects(requestCorrection(ctx('2025-10-14'), { requestId: s.id, items: '再次补正' }), {
      code: 'correction_already_requested',
    });
    // 第三十二条: third party has 15 working days → 2025-11-10; 4 paused working days (10/21–10/24).
    assert.deepEqual(
      await startConsultation(ctx('2025-10-20'), { requestId: s.id, party: 'third_party', respondent: '某建设公司' }),
      { replyDueOn: '2025-11-10' },
    );
    assert.deepEqual(
      await endConsultation(ctx('2025-10-24'), { requestId: s.id, reply: 'objection', reasons: '涉及商业秘密' }),
      { dueOn: '2025-11-14' },
    );
    // 第三十三条第二款: only request_admin approves; +10 working days → 2025-11-28; once.
    await assert.rejects(extendDeadline(ctx('2025-11-03'), { requestId: s.id, days: 10, reason: '需要区分处理' }), {
      kind: 'forbidden',
    });
    await assert.rejects(extendDeadline(ctx('2025-11-03', admin.actor), { requestId: s.id, days: 21, reason: 'x' }), {
      code: 'extension_days_invalid',
    });
    assert.deepEqual(
      await extendDeadline(ctx('2025-11-03', admin.actor), { requestId: s.id, days: 10, reason: '需要区分处理' }),
      { dueOn: '2025-11-28' },
    );
    await assert.rejects(extendDeadline(ctx('2025-11-04', admin.actor), { requestId: s.id, days: 5, reason: '再延' }), {
      code: 'deadline_already_extended',
    });
    r = (await getRequest(h.db(), s.id))!;
    assert.equal(r.due_on, '2025-11-28');

    await assert.rejects(answerRequest(ctx('2025-11-20'), { requestId: s.id, outcome: '2', letter: '答复如下' }), {
      code: 'reasons_required',
    });
    await assert.rejects(
      answerRequest(ctx('2025-11-20', editor.actor), {
        requestId: s.id,
        outcome: '2',
        letter: '答复如下',
        withheld: '第三方商业秘密部分',
      }),
      { kind: 'forbidden' },
    );
    assert.deepEqual(
      await answerRequest(ctx('2025-11-20'), {
        requestId: s.id,
        outcome: '2',
        letter: '经审查，现部分公开。',
        withheld: '第三方商业秘密部分（第十五条）',
      }),
      { dueOn: '2025-11-28', overdue: false },
    );
    r = (await getRequest(h.db(), s.id))!;
    assert.equal(r.state, 'answered');
    assert.equal(r.closed_on, '2025-11-20');
    assert.equal(r.outcome_code, '2');
    assert.match(r.outcome_basis ?? '', /第三十七条/);

    const st = await publicStatus(h.ctx(publicActor(null), at('2025-11-21')), {
      requestNo: s.requestNo,
      queryCode: s.queryCode.toLowerCase(),
    });
    assert.equal(st.receivedOn, '2025-09-26');
    assert.equal(st.clock.result?.state, 'answered');
    assert.ok(st.clock.result?.steps.some((x) => x.includes('2025-11-20 作出答复，在答复期限 2025-11-28 内')));
    assert.ok(!st.history.some((e) => e.type === 'consultation_reply' || e.type === 'assigned'));
    assert.deepEqual(
      st.letters.map((l) => [l.title, l.date]),
      [
        ['政府信息公开申请补正告知书', '2025-09-29'],
        ['政府信息公开申请延期答复告知书', '2025-11-03'],
        ['政府信息公开申请答复书', '2025-11-20'],
      ],
    );
    assert.ok(st.letters[0].paragraphs.some((p) => p.includes('请于2025年10月20日前提交补正材料')));
    assert.ok(st.letters[1].paragraphs.some((p) => p.includes('延长10个工作日，本机关将于2025年11月28日前作出答复')));
    assert.ok(st.letters[2].paragraphs.some((p) => p.includes('不予公开的内容及理由：第三方商业秘密部分')));

    const actions = (await audits(s.id)).map((a) => a.action);
    assert.deepEqual(actions.slice(0, 9), [
      'request.submit',
      'request.confirm',
      'request.assign',
      'request.correction_request',
      'request.correction_receive',
      'request.consultation_start',
      'request.consultation_end',
      'request.extend',
      'request.answer',
    ]);
    for (const a of await audits(s.id)) {
      assert.ok(
        !a.summary.includes(ID) && !a.summary.includes('13800138000') && !a.summary.includes('某市某路'),
        a.summary,
      );
    }

    // 依申请转主动 (第四十四条): the handler without the editor role hands the answered information off:
    // a draft item of the agency, and a notice to each of its editors; a mere viewer may not.
    const ed = await makeUser(h.db(), [['editor', org]]);
    const viewer = await makeUser(h.db(), [['supervisor', org]]);
    await assert.rejects(convertToProactive(h.ctx(viewer.actor, at('2025-11-21')), { requestId: s.id }), {
      kind: 'forbidden',
      message: /信息采编人员、本案办理人或依申请公开负责人/,
    });
    const item = await convertToProactive(h.ctx(handler.actor, at('2025-11-21')), { requestId: s.id });
    assert.ok(item.itemId > 0 && item.indexNo);
    assert.ok(item.handedOffTo !== null && item.handedOffTo >= 1);
    const draft = await h
      .db()
      .selectFrom('items')
      .select(['status', 'author_id', 'org_id'])
      .where('id', '=', item.itemId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(draft, { status: 'draft', author_id: null, org_id: org.id });
    const notice = await h
      .db()
      .selectFrom('notifications')
      .select(['kind', 'link'])
      .where('user_id', '=', ed.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(notice, { kind: 'request.to_proactive', link: `/console/items/${item.itemId}` });
    await assert.rejects(convertToProactive(h.ctx(handler.actor, at('2025-11-21')), { requestId: s.id }), {
      code: 'already_converted',
    });

    // 行政复议 then 复议后起诉 (table 四).
    const later = (d: string) => h.ctx(handler.actor, at(d));
    await assert.rejects(
      recordAppeal(later('2025-12-01'), { requestId: s.id, kind: 'appeal', result: 'pending' }),
      (e: { errors: Array<{ field?: string }> }) =>
        e.errors.some((x) => x.field === 'kind') && e.errors.some((x) => x.field === 'body'),
    );
    await recordAppeal(later('2025-12-01'), {
      requestId: s.id,
      kind: 'reconsideration',
      body: '县人民政府',
      filedOn: '2025-12-01',
      result: 'pending',
    });
    const appealId = (
      await h
        .db()
        .selectFrom('request_events')
        .select('id')
        .where('request_id', '=', s.id)
        .where('type', '=', 'appeal')
        .executeTakeFirstOrThrow()
    ).id;
    await recordAppeal(later('2025-12-20'), { requestId: s.id, appealId, result: 'upheld', decidedOn: '2025-12-19' });
    await recordAppeal(later('2025-12-25'), {
      requestId: s.id,
      kind: 'litigation',
      body: '县人民法院',
      filedOn: '2025-12-24',
      afterReconsideration: true,
      result: 'pending',
    });
    assert.deepEqual((await requestStatistics(h.ctx(admin.actor), { orgId: org.id, year: 2025 })).table4, [
      [1, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 1, 1],
    ]);
    const stats = await requestStatistics(h.ctx(admin.actor), { orgId: org.id, year: 2025 });
    assert.deepEqual(stats.table['三.2'], [1, 0, 0, 0, 0, 0, 1]);
    assert.equal(stats.balanced, true);
    await assert.rejects(requestStatistics(h.ctx(editor.actor), { orgId: org.id, year: 2025 }), { kind: 'forbidden' });

    const masked = await staffCase(h.ctx(editor.actor), s.id).catch((e: unknown) => e);
    assert.equal((masked as { kind?: string }).kind, 'forbidden');
  });

  test('staff registration: PII visible to the handler and request_admin, masked for others', async () => {
    const sup = await makeUser(h.db(), [['supervisor', org]]);
    const reg = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    assert.equal(reg.dueOn, '2025-10-30');
    const forOther = await staffCase(h.ctx(sup.actor, at('2025-09-27')), reg.id);
    assert.equal(forOther.personalDataVisible, false);
    assert.equal(forOther.request.id_number, `${ID.slice(0, 3)}***********${ID.slice(-4)}`);
    assert.equal(forOther.request.phone, '138****8000');
    const unassigned = await staffCase(h.ctx(handler.actor, at('2025-09-27')), reg.id);
    assert.equal(unassigned.personalDataVisible, false);
    await assignRequest(h.ctx(handler.actor, at('2025-09-27')), { requestId: reg.id, handlerId: handler.id });
    assert.equal((await staffCase(h.ctx(handler.actor, at('2025-09-27')), reg.id)).request.id_number, ID);
    assert.equal((await staffCase(h.ctx(admin.actor, at('2025-09-27')), reg.id)).personalDataVisible, true);
    // 一事一申请: split into three cases with the same receipt date and 查询码.
    const multi = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    await assignRequest(h.ctx(handler.actor, at('2025-09-26')), { requestId: multi.id, handlerId: handler.id });
    await assert.rejects(
      splitRequest(h.ctx(handler.actor, at('2025-09-29')), { requestId: multi.id, parts: ['只有一项'] }),
      { code: 'split_parts_required' },
    );
    const split = await splitRequest(h.ctx(handler.actor, at('2025-09-29')), {
      requestId: multi.id,
      parts: ['A项目环评报告', 'B项目环评报告', 'C项目环评报告'],
    });
    assert.equal(split.requestNos.length, 3);
    for (const no of split.requestNos.slice(1)) {
      const st = await publicStatus(h.ctx(publicActor(null), at('2025-09-29')), {
        requestNo: no,
        queryCode: multi.queryCode,
      });
      assert.equal(st.receivedOn, '2025-09-26');
      assert.equal(st.clock.result?.dueOn, '2025-10-30');
    }

    // Forwarding to the responsible agency keeps the number, history and clock.
    const other = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县市场监督管理局' });
    const otherHandler = await makeUser(h.db(), [['request_handler', other]]);
    const wrong = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    await assert.rejects(
      forwardRequest(h.ctx(handler.actor, at('2025-09-29')), { requestId: wrong.id, toOrgId: other.id, reason: '' }),
      { code: 'forward_reason_required' },
    );
    assert.deepEqual(
      await forwardRequest(h.ctx(handler.actor, at('2025-09-29')), {
        requestId: wrong.id,
        toOrgId: other.id,
        reason: '属于市场监管部门职责',
      }),
      { orgName: '县市场监督管理局' },
    );
    // The sender keeps sight of its record (issue 16 item 10) but no longer works on it.
    const kept = await staffCase(h.ctx(handler.actor, at('2025-09-29')), wrong.id);
    assert.equal(kept.request.org_id, other.id);
    await assert.rejects(
      answerRequest(h.ctx(handler.actor, at('2025-09-29')), { requestId: wrong.id, outcome: '1', letter: '答复' }),
      { kind: 'forbidden' },
    );
    const moved = await staffCase(h.ctx(otherHandler.actor, at('2025-09-29')), wrong.id);
    assert.equal(moved.request.request_no, wrong.requestNo);
    // The receiving agency's clock starts at its receipt (the transfer on 2025-09-29), not the sender's 2025-09-26.
    assert.equal(moved.request.due_on, '2025-11-03');
    const fw = moved.history.find((e) => e.type === 'forwarded');
    assert.ok(fw);
    assert.deepEqual(fw.payload, {
      fromOrgId: org.id,
      fromOrg: org.name,
      toOrgId: other.id,
      toOrg: '县市场监督管理局',
      reason: '属于市场监管部门职责',
    });

    // The handler asks for an extension; request_admin approves it (第三十三条第二款).
    await requestExtension(h.ctx(handler.actor, at('2025-09-29')), { requestId: reg.id, days: 15, reason: '信息量大' });
    assert.deepEqual((await staffCase(h.ctx(admin.actor, at('2025-09-29')), reg.id)).extensionRequest, {
      days: 15,
      reason: '信息量大',
    });
    await extendDeadline(h.ctx(admin.actor, at('2025-09-29')), { requestId: reg.id, days: 15, reason: '信息量大' });
    const afterExt = await staffCase(h.ctx(admin.actor, at('2025-09-29')), reg.id);
    assert.equal(afterExt.extensionRequest, null);
    assert.equal(afterExt.request.due_on, '2025-11-20');
    await assert.rejects(
      requestExtension(h.ctx(handler.actor, at('2025-09-30')), { requestId: reg.id, days: 5, reason: 'x' }),
      { code: 'deadline_already_extended' },
    );
    // 重复申请 hint: the same applicant asks for the same information again.
    const again = await registerRequest(h.ctx(handler.actor, at('2025-09-29')), {
      ...form,
      orgId: org.id,
      channel: 'email',
      receivedOn: '2025-09-29',
    });
    const similar = (await staffCase(h.ctx(admin.actor, at('2025-09-29')), again.id)).similar.map((x) => x.request_no);
    assert.ok(similar.includes(reg.requestNo) && !similar.includes(again.requestNo));
    await assert.rejects(
      registerRequest(h.ctx(editor.actor, at('2025-09-26')), { ...form, orgId: org.id, channel: 'in_person' }),
      { kind: 'forbidden' },
    );
    await assert.rejects(
      registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
        ...form,
        idNumber: '110105194912310021',
        orgId: org.id,
        channel: 'fax',
      }),
      (e: { errors: Array<{ field?: string }> }) => e.errors.some((x) => x.field === 'idNumber'),
    );
  });

  test('late correction notice is refused; expired correction closes as 六.1; withdrawal', async () => {
    const reg = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'post_signed',
      receivedOn: '2025-09-26',
    });
    await assignRequest(h.ctx(admin.actor, at('2025-09-26')), { requestId: reg.id, handlerId: handler.id });
    // 7th working day after 2025-09-26 is 2025-10-13.
    await assert.rejects(
      requestCorrection(h.ctx(handler.actor, at('2025-10-14')), { requestId: reg.id, items: '补正' }),
      { code: 'correction_notice_late' },
    );
    await requestCorrection(h.ctx(handler.actor, at('2025-10-13')), {
      requestId: reg.id,
      items: '补正',
      until: '2025-10-20',
    });
    await assert.rejects(closeAbandoned(h.ctx(handler.actor, at('2025-10-20')), { requestId: reg.id }), {
      code: 'not_abandoned',
    });
    assert.deepEqual(await closeAbandoned(h.ctx(handler.actor, at('2025-10-22')), { requestId: reg.id }), {
      outcome: '6.1',
    });
    const r = (await getRequest(h.db(), reg.id))!;
    assert.equal(r.state, 'abandoned');
    assert.equal(r.closed_on, '2025-10-21');

    const s = await submitOnline(h.ctx(publicActor(null), at('2025-09-25')), { ...form, orgId: org.id });
    await assert.rejects(
      withdrawRequest(h.ctx(publicActor(null), at('2025-09-25')), { requestNo: s.requestNo, queryCode: 'WRONG' }),
      { code: 'request_lookup_failed' },
    );
    await withdrawRequest(h.ctx(publicActor(null), at('2025-09-25')), {
      requestNo: s.requestNo,
      queryCode: s.queryCode,
    });
    assert.equal((await getRequest(h.db(), s.id))!.state, 'withdrawn');
    assert.deepEqual(
      (await audits(s.id)).map((a) => a.action),
      ['request.submit', 'request.withdraw'],
    );
  });
});
