import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import type { Actor } from '../platform/context.js';
import { publicActor } from '../platform/context.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { APPLICANT_ID as ID, at, citizenForm as form } from '../../test/helpers/request-form.js';
import { registerRequest } from './register-request.js';
import { submitOnline } from './submit-online.js';
import { confirmReceipt } from './confirm-receipt.js';
import { assignRequest } from './assign-request.js';
import { answerRequest } from './answer-request.js';
import { startConsultation } from './start-consultation.js';
import { setLeadDepartment } from './set-lead-department.js';
import { addCoHandling } from './add-cohandling.js';
import { recordCoHandlingReply } from './record-cohandling-reply.js';
import { removeCoHandling } from './remove-cohandling.js';
import { setCohandlingDays } from './set-cohandling-days.js';
import { sendReminders } from './send-reminders.js';
import { saveLetterTemplate } from './save-letter-template.js';
import { resetLetterTemplate } from './reset-letter-template.js';
import { publicStatus, staffCase } from './request-status.js';
import { REMEDIES } from './letter-templates.rules.js';
import { listCaseDepartments } from './request-departments.store.js';

describeDb('依申请公开: 主办科室 and 协办科室 with internal due dates', (h) => {
  let org: OrgRow;
  let office: OrgRow;
  let law: OrgRow;
  let planning: OrgRow;
  let foreign: OrgRow;
  let handler: { id: number; actor: Actor };
  let admin: { id: number; actor: Actor };
  let other: { id: number; actor: Actor };
  const audits = async (id: number) =>
    (
      await h
        .db()
        .selectFrom('audit_events')
        .select(['action', 'summary'])
        .where('subject_type', '=', 'request')
        .where('subject_id', '=', String(id))
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);
  before(async () => {
    const county = await makeOrg(h.db());
    org = await makeOrg(h.db(), { parent: county, name: '县生态环境局' });
    office = await makeOrg(h.db(), { parent: org, kind: 'section', name: '办公室' });
    law = await makeOrg(h.db(), { parent: org, kind: 'section', name: '法规科' });
    planning = await makeOrg(h.db(), { parent: org, kind: 'section', name: '规划科' });
    const otherAgency = await makeOrg(h.db(), { parent: county, name: '县财政局' });
    foreign = await makeOrg(h.db(), { parent: otherAgency, kind: 'section', name: '预算科' });
    handler = await makeUser(h.db(), [['request_handler', org]]);
    admin = await makeUser(h.db(), [['request_admin', org]]);
    other = await makeUser(h.db(), [['request_handler', org]]);
    await h.db().updateTable('users').set({ email: 'handler@example.gov.cn' }).where('id', '=', handler.id).execute();
  });

  test('lead department, co-handling with the default internal date, replies, reminders of overdue internal dates', async () => {
    const reg = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    await assignRequest(h.ctx(admin.actor, at('2025-09-26')), { requestId: reg.id, handlerId: handler.id });
    const ctx = (d: string, a = handler.actor) => h.ctx(a, at(d));

    await assert.rejects(setLeadDepartment(ctx('2025-09-29'), { requestId: reg.id, orgId: foreign.id }), {
      code: 'department_invalid',
    });
    await assert.rejects(setLeadDepartment(ctx('2025-09-29'), { requestId: reg.id, orgId: org.id }), {
      code: 'department_invalid',
    });
    await assert.rejects(setLeadDepartment(ctx('2025-09-29', other.actor), { requestId: reg.id, orgId: office.id }), {
      kind: 'forbidden',
    });
    assert.deepEqual(await setLeadDepartment(ctx('2025-09-29'), { requestId: reg.id, orgId: office.id }), {
      name: '办公室',
    });

    // Due 2025-10-30; the default is 5 working days before: 2025-10-23.
    assert.deepEqual(await addCoHandling(ctx('2025-09-29'), { requestId: reg.id, orgId: law.id }), {
      name: '法规科',
      internalDueOn: '2025-10-23',
    });
    await assert.rejects(addCoHandling(ctx('2025-09-29'), { requestId: reg.id, orgId: law.id }), {
      code: 'department_already_on_case',
    });
    await assert.rejects(addCoHandling(ctx('2025-09-29'), { requestId: reg.id, orgId: office.id }), {
      code: 'department_already_on_case',
    });
    await assert.rejects(
      addCoHandling(ctx('2025-09-29'), { requestId: reg.id, orgId: planning.id, internalDueOn: '2025-10-31' }),
      { code: 'internal_due_after_due' },
    );
    await assert.rejects(
      addCoHandling(ctx('2025-09-29'), { requestId: reg.id, orgId: planning.id, internalDueOn: '2025-09-28' }),
      { code: 'internal_due_past' },
    );
    await assert.rejects(
      addCoHandling(ctx('2025-09-29'), { requestId: reg.id, orgId: planning.id, internalDueOn: '2025-02-30' }),
      { code: 'invalid_date' },
    );
    // The agency's setting: 3 working days before (request_admin only).
    await assert.rejects(setCohandlingDays(ctx('2025-09-29'), { orgId: org.id, days: 3 }), { kind: 'forbidden' });
    await assert.rejects(setCohandlingDays(ctx('2025-09-29', admin.actor), { orgId: org.id, days: '0' }), {
      code: 'cohandling_days_invalid',
    });
    await setCohandlingDays(ctx('2025-09-29', admin.actor), { orgId: org.id, days: '3' });
    assert.deepEqual(await addCoHandling(ctx('2025-09-29'), { requestId: reg.id, orgId: planning.id }), {
      name: '规划科',
      internalDueOn: '2025-10-27',
    });
    await removeCoHandling(ctx('2025-09-30'), { requestId: reg.id, orgId: planning.id });
    assert.deepEqual(
      await addCoHandling(ctx('2025-09-30'), { requestId: reg.id, orgId: planning.id, internalDueOn: '2025-10-20' }),
      { name: '规划科', internalDueOn: '2025-10-20' },
    );

    // Changing the lead to a co-handling department moves it.
    await setLeadDepartment(ctx('2025-10-09'), { requestId: reg.id, orgId: planning.id });
    await assert.rejects(setLeadDepartment(ctx('2025-10-09'), { requestId: reg.id, orgId: planning.id }), {
      code: 'department_unchanged',
    });
    let deps = await listCaseDepartments(h.db(), reg.id);
    assert.deepEqual(
      deps.map((d) => [d.org_name, d.role, d.internal_due_on]),
      [
        ['规划科', 'lead', null],
        ['法规科', 'co', '2025-10-23'],
      ],
    );

    // Reminders: on 2025-10-20 the internal date 10-23 is within 3 working days; nothing from the statutory date yet.
    assert.deepEqual(await sendReminders(h.ctx(undefined, at('2025-10-17'))), { handlers: 0, cases: 0, heads: 0 });
    assert.deepEqual(await sendReminders(h.ctx(undefined, at('2025-10-24'))), { handlers: 1, cases: 0, heads: 0 });
    const n = await h
      .db()
      .selectFrom('notifications')
      .select('body')
      .where('user_id', '=', handler.id)
      .executeTakeFirstOrThrow();
    assert.equal(n.body, `${reg.requestNo}：协办科室 法规科 内部办理期限 2025-10-23（已逾期未答复）`);
    assert.ok(
      !(
        await h
          .db()
          .selectFrom('outbox')
          .select('body')
          .where('to_addr', '=', 'handler@example.gov.cn')
          .executeTakeFirstOrThrow()
      ).body.includes(ID),
    );

    await assert.rejects(recordCoHandlingReply(ctx('2025-10-24'), { requestId: reg.id, orgId: law.id, text: ' ' }), {
      code: 'reply_text_required',
    });
    await assert.rejects(
      recordCoHandlingReply(ctx('2025-10-24'), { requestId: reg.id, orgId: office.id, text: '意见' }),
      { code: 'cohandling_not_found' },
    );
    assert.deepEqual(
      await recordCoHandlingReply(ctx('2025-10-24'), {
        requestId: reg.id,
        orgId: law.id,
        text: '经核，该报告可以公开。',
        by: '李科长',
      }),
      { late: true },
    );
    await assert.rejects(
      recordCoHandlingReply(ctx('2025-10-24'), { requestId: reg.id, orgId: law.id, text: '再答复' }),
      { code: 'cohandling_already_replied' },
    );
    await assert.rejects(removeCoHandling(ctx('2025-10-24'), { requestId: reg.id, orgId: law.id }), {
      code: 'cohandling_already_replied',
    });
    deps = (await staffCase(h.ctx(handler.actor, at('2025-10-24')), reg.id)).departments;
    assert.deepEqual(
      deps.map((d) => [d.org_name, d.reply_on, d.reply_by, d.reply_text]),
      [
        ['规划科', null, null, null],
        ['法规科', '2025-10-24', '李科长', '经核，该报告可以公开。'],
      ],
    );
    assert.deepEqual(await sendReminders(h.ctx(undefined, at('2025-10-27'))), { handlers: 1, cases: 1, heads: 1 });

    const history = (await staffCase(h.ctx(handler.actor, at('2025-10-24')), reg.id)).history;
    assert.ok(history.some((e) => e.type === 'cohandling_replied' && e.label === '协办科室答复' && !e.isPublic));
    assert.deepEqual((await audits(reg.id)).slice(2), [
      'request.department_lead',
      'request.cohandling_add',
      'request.cohandling_add',
      'request.cohandling_remove',
      'request.cohandling_add',
      'request.department_lead',
      'request.cohandling_reply',
    ]);
    // Not visible to the applicant.
    await answerRequest(ctx('2025-10-28'), { requestId: reg.id, outcome: '1', letter: '现予以公开。' });
    await assert.rejects(
      addCoHandling(ctx('2025-10-28'), { requestId: reg.id, orgId: office.id, internalDueOn: '2025-10-29' }),
      { code: 'request_closed' },
    );
  });

  test('while awaiting correction there is no due date: the internal date must be given', async () => {
    const reg = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    await assignRequest(h.ctx(admin.actor, at('2025-09-26')), { requestId: reg.id, handlerId: handler.id });
    await h.db().updateTable('requests').set({ due_on: null }).where('id', '=', reg.id).execute();
    await assert.rejects(addCoHandling(h.ctx(handler.actor, at('2025-09-29')), { requestId: reg.id, orgId: law.id }), {
      code: 'internal_due_required',
    });
    const before = await listCaseDepartments(h.db(), reg.id);
    assert.equal(before.length, 0);
  });
});

describeDb('依申请公开: answer-letter templates and 征求意见函', (h) => {
  let org: OrgRow;
  let handler: { id: number; actor: Actor };
  let admin: { id: number; actor: Actor };
  before(async () => {
    org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县自然资源局' });
    await h.db().updateTable('orgs').set({ phone: '0591-12345678' }).where('id', '=', org.id).execute();
    handler = await makeUser(h.db(), [['request_handler', org]]);
    admin = await makeUser(h.db(), [['request_admin', org]]);
  });
  const answered = async (d: string, outcome: string, letter: string) => {
    const reg = await registerRequest(h.ctx(handler.actor, at('2025-09-26')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    await assignRequest(h.ctx(admin.actor, at('2025-09-26')), { requestId: reg.id, handlerId: handler.id });
    await answerRequest(h.ctx(handler.actor, at(d)), { requestId: reg.id, outcome, letter });
    return reg;
  };

  test('the agency edits the template of an outcome; letters use it, keep it once sent, and always state the remedies', async () => {
    const first = await answered('2025-10-09', '4.1', '经检索，未找到该信息。');
    let letter = (await staffCase(h.ctx(handler.actor, at('2025-10-10')), first.id)).letters.at(-1)!;
    assert.equal(letter.title, '政府信息公开申请告知书');
    assert.deepEqual(letter.paragraphs, [
      `本机关于2025年9月26日收到您提出的政府信息公开申请（申请编号：${first.requestNo}），申请获取“某项目环评报告”。`,
      '经检索，本机关不掌握您申请公开的政府信息。',
      '经检索，未找到该信息。',
      '依据：《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项。',
      REMEDIES,
    ]);

    const edit = {
      orgId: org.id,
      code: '4.1',
      title: '政府信息不存在告知书',
      body: '经检索，{机关名称}没有“{信息名称}”。\n{答复正文}\n特此告知。',
    };
    await assert.rejects(saveLetterTemplate(h.ctx(handler.actor), edit), { kind: 'forbidden' });
    await assert.rejects(
      saveLetterTemplate(h.ctx(admin.actor), { ...edit, body: '{申请人} {联系人}' }),
      (e: { errors: Array<{ code: string }> }) =>
        e.errors.map((x) => x.code).join() === 'template_placeholder_unknown,template_answer_text_required',
    );
    await assert.rejects(saveLetterTemplate(h.ctx(admin.actor), { ...edit, code: '9.9' }), {
      code: 'template_not_found',
    });
    assert.equal((await h.db().selectFrom('request_letter_templates').selectAll().execute()).length, 0);
    await saveLetterTemplate(h.ctx(admin.actor, at('2025-10-10')), edit);

    // The old letter is unchanged; a new answer uses the edited template, the remedies appended last.
    letter = (await staffCase(h.ctx(handler.actor, at('2025-10-10')), first.id)).letters.at(-1)!;
    assert.equal(letter.title, '政府信息公开申请告知书');
    const second = await answered('2025-10-10', '4.1', '本机关未制作该报告。');
    const pub = await publicStatus(h.ctx(publicActor(null), at('2025-10-10')), {
      requestNo: second.requestNo,
      queryCode: 'x',
    }).catch(() => null);
    assert.equal(pub, null);
    letter = (await staffCase(h.ctx(handler.actor, at('2025-10-10')), second.id)).letters.at(-1)!;
    assert.equal(letter.title, '政府信息不存在告知书');
    assert.deepEqual(letter.paragraphs, [
      '经检索，县自然资源局没有“某项目环评报告”。',
      '本机关未制作该报告。',
      '特此告知。',
      REMEDIES,
    ]);
    // Other outcomes keep the default.
    const third = await answered('2025-10-10', '1', '请到本机关查阅。');
    assert.equal(
      (await staffCase(h.ctx(handler.actor, at('2025-10-10')), third.id)).letters.at(-1)!.title,
      '政府信息公开申请答复书',
    );

    await resetLetterTemplate(h.ctx(admin.actor, at('2025-10-11')), { orgId: org.id, code: '4.1' });
    await assert.rejects(resetLetterTemplate(h.ctx(admin.actor, at('2025-10-11')), { orgId: org.id, code: '4.1' }), {
      code: 'template_not_customised',
    });
    const acts = await h
      .db()
      .selectFrom('audit_events')
      .select(['action', 'subject_id'])
      .where('subject_type', '=', 'letter_template')
      .orderBy('seq')
      .execute();
    assert.deepEqual(acts, [
      { action: 'request.letter_template_save', subject_id: `${org.id}:4.1` },
      { action: 'request.letter_template_reset', subject_id: `${org.id}:4.1` },
    ]);
    assert.equal(
      (await staffCase(h.ctx(handler.actor, at('2025-10-11')), second.id)).letters.at(-1)!.title,
      '政府信息不存在告知书',
    );
  });

  test('征求意见函: to the respondent with the 15-working-day reply date, for staff only, without the applicant’s name', async () => {
    const s = await submitOnline(h.ctx(publicActor(null), at('2025-09-25')), { ...form, orgId: org.id });
    await confirmReceipt(h.ctx(handler.actor, at('2025-09-26')), { requestId: s.id });
    await assignRequest(h.ctx(admin.actor, at('2025-09-26')), { requestId: s.id, handlerId: handler.id });
    // Sent Monday 2025-09-29: 09-30, 10-09, 10-10, 10-11 (worked Saturday), 10-13…10-24, so the 15th working day is 2025-10-27.
    assert.deepEqual(
      await startConsultation(h.ctx(handler.actor, at('2025-09-29')), {
        requestId: s.id,
        party: 'third_party',
        respondent: '某建设公司',
      }),
      { replyDueOn: '2025-10-27' },
    );
    const c = await staffCase(h.ctx(handler.actor, at('2025-09-30')), s.id);
    const l = c.letters.find((x) => x.kind === 'consultation')!;
    assert.equal(l.title, '政府信息公开征求第三方意见函');
    assert.equal(l.to, '某建设公司');
    assert.equal(l.signer, '县自然资源局');
    assert.equal(l.date, '2025-09-29');
    assert.equal(
      l.paragraphs[0],
      `本机关于2025年9月26日收到政府信息公开申请（申请编号：${s.requestNo}），申请公开“某项目环评报告”。`,
    );
    assert.match(l.paragraphs[1], /第三十二条/);
    assert.match(l.paragraphs[2], /^请于2025年10月27日前（自收到本函之日起15个工作日内）书面提出是否同意公开的意见/);
    assert.match(l.paragraphs[3], /联系电话：0591-12345678/);
    assert.ok(!l.paragraphs.join('').includes('张三'));
    const pub = await publicStatus(h.ctx(publicActor(null), at('2025-09-30')), {
      requestNo: s.requestNo,
      queryCode: s.queryCode,
    });
    assert.ok(!pub.letters.some((x) => x.kind === 'consultation'));
  });
});
