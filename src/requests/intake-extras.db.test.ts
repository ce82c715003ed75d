import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import type { Actor } from '../platform/context.js';
import { publicActor } from '../platform/context.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { residentIdCheckChar } from '../orgs/codes.rules.js';
import { blobPath, sha256 } from '../catalog/attachment-files.js';
import { runDueJobs } from '../platform/jobs/scheduler.js';
import { requestsModule } from '../app/modules/requests.js';
import { registerRequest } from './register-request.js';
import { submitOnline } from './submit-online.js';
import { confirmReceipt } from './confirm-receipt.js';
import { confirmOralRequest } from './confirm-oral.js';
import { confirmOralByApplicant } from './confirm-oral-by-applicant.js';
import { oralSheet } from './oral-sheet.js';
import { assignRequest } from './assign-request.js';
import { answerRequest } from './answer-request.js';
import { setDeadline } from './set-deadline.js';
import { extendDeadline } from './extend-deadline.js';
import { startConsultation } from './start-consultation.js';
import { setRetentionYears } from './retention.js';
import { clearRetentionYears } from './clear-retention.js';
import { previewRetention } from './retention-preview.js';
import { readIdProof, ID_PROOF_AREA } from './identity-proofs.js';
import { publicStatus, staffCase } from './request-status.js';
import { getRequest } from './requests.store.js';
import { onePagePdf } from '../../test/helpers/pdf.js';

const ID17 = '11010519491231002';
const ID = ID17 + residentIdCheckChar(ID17);
const form = {
  applicantType: 'citizen',
  name: '赵六',
  idType: 'resident_id',
  idNumber: ID,
  phone: '13800138000',
  address: '某县某路2号',
  infoTitle: '某村土地征收批复',
  form: 'paper',
  delivery: 'pickup',
};
const at = (d: string) => new Date(`${d}T02:00:00Z`);
// Unique bytes per run: blobs are shared by content across test files.
const PNG = Buffer.concat([
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
  Buffer.from(randomUUID()),
]);
const PDF = onePagePdf(randomUUID());

describeDb('依申请公开: identity proofs, oral requests, 第三十五条, retention', (h) => {
  let org: OrgRow;
  let handler: { id: number; actor: Actor };
  let colleague: { id: number; actor: Actor };
  let admin: { id: number; actor: Actor };
  before(async () => {
    org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县自然资源局' });
    handler = await makeUser(h.db(), [['request_handler', org]]);
    colleague = await makeUser(h.db(), [['request_handler', org]]);
    admin = await makeUser(h.db(), [['request_admin', org]]);
  });
  const ctx = (a: Actor, d: string) => h.ctx(a, at(d));

  test('an online application keeps its identity proof; a Word file is refused and nothing is saved', async () => {
    const pub = h.ctx(publicActor('1.2.3.4'), at('2025-09-25'));
    const count = async () =>
      Number(
        (
          await h
            .db()
            .selectFrom('requests')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    await assert.rejects(
      submitOnline(pub, {
        ...form,
        orgId: org.id,
        idProofs: [{ filename: '身份证.png', data: Buffer.from('not an image') }],
      }),
      (e: { errors: Array<{ code: string; field: string }> }) =>
        e.errors.some((x) => x.code === 'id_proof_type' && x.field === 'idProof'),
    );
    assert.equal(await count(), n);
    const s = await submitOnline(pub, {
      ...form,
      orgId: org.id,
      idProofs: [{ filename: 'C:\\照片\\身份证.png', data: PNG }],
    });
    assert.ok(existsSync(blobPath(h.config.blobDir, sha256(PNG), ID_PROOF_AREA)));
    // Unassigned: even a handler of the agency does not get the file or its listing.
    await assert.rejects(readIdProof(ctx(handler.actor, '2025-09-26'), s.id, 1), { kind: 'forbidden' });
    assert.deepEqual((await staffCase(ctx(handler.actor, '2025-09-26'), s.id)).idProofs, []);
    const mine = await staffCase(ctx(admin.actor, '2025-09-26'), s.id);
    assert.deepEqual(
      mine.idProofs.map((p) => [p.filename, p.mime]),
      [['身份证.png', 'image/png']],
    );
    const f = await readIdProof(ctx(admin.actor, '2025-09-26'), s.id, mine.idProofs[0]!.id);
    assert.deepEqual(f.data, PNG);
    const audit = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'request.submit')
      .where('subject_id', '=', String(s.id))
      .executeTakeFirstOrThrow();
    assert.match(audit.summary, /附身份证明 1 个文件/);
  });

  test('oral request: unconfirmed until the applicant signs; the signature date is the receipt date', async () => {
    const reg = await registerRequest(ctx(handler.actor, '2025-09-25'), {
      ...form,
      orgId: org.id,
      channel: 'oral',
      receivedOn: '2025-09-25',
      idProofs: [{ filename: '身份证.pdf', data: PDF }],
    });
    assert.equal(reg.dueOn, null);
    let r = (await getRequest(h.db(), reg.id))!;
    assert.deepEqual([r.state, r.received_on, r.due_on], ['submitted', null, null]);
    // The office cannot “confirm receipt” in the applicant's place.
    await assert.rejects(confirmReceipt(ctx(handler.actor, '2025-09-26'), { requestId: reg.id }), {
      code: 'oral_needs_applicant_confirmation',
    });
    // The sheet: the staff member who wrote it down may print it, a colleague may not, the office head may.
    const sheet = await oralSheet(ctx(handler.actor, '2025-09-25'), reg.id);
    assert.ok(sheet.rows.some(([k, v]) => k === '居民身份证' && v === ID));
    assert.match(sheet.statement, /2025年9月25日口头提出/);
    await assert.rejects(oralSheet(ctx(colleague.actor, '2025-09-25'), reg.id), { kind: 'forbidden' });
    await oralSheet(ctx(admin.actor, '2025-09-25'), reg.id);
    await assert.rejects(
      confirmOralRequest(ctx(handler.actor, '2025-09-26'), { requestId: reg.id, on: '2025-09-24' }),
      { code: 'oral_confirmed_before_recorded' },
    );
    await assert.rejects(
      confirmOralRequest(ctx(handler.actor, '2025-09-26'), { requestId: reg.id, on: '2025-09-27' }),
      { code: 'date_in_future' },
    );
    // Signed on Friday 2025-09-26 → 20th working day 2025-10-30.
    assert.deepEqual(
      await confirmOralRequest(ctx(handler.actor, '2025-09-29'), { requestId: reg.id, on: '2025-09-26' }),
      { dueOn: '2025-10-30' },
    );
    r = (await getRequest(h.db(), reg.id))!;
    assert.deepEqual([r.state, r.received_on, r.due_on], ['processing', '2025-09-26', '2025-10-30']);
    await assert.rejects(confirmOralRequest(ctx(handler.actor, '2025-09-29'), { requestId: reg.id }), {
      code: 'request_state_conflict',
    });
    const a = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'request.oral_confirm')
      .where('subject_id', '=', String(reg.id))
      .executeTakeFirstOrThrow();
    assert.match(a.summary, /签字（2025-09-26，收到申请之日），答复期限 2025-10-30/);
    assert.ok(!a.summary.includes(ID));
  });

  test('oral request confirmed by the applicant with the 申请编号 and 查询码 (today is the receipt date)', async () => {
    const reg = await registerRequest(ctx(handler.actor, '2025-09-25'), {
      ...form,
      orgId: org.id,
      channel: 'oral',
      receivedOn: '2025-09-25',
    });
    const pub = (d: string) => h.ctx(publicActor('1.2.3.4'), at(d));
    const st = await publicStatus(pub('2025-09-26'), { requestNo: reg.requestNo, queryCode: reg.queryCode });
    assert.ok(st.oralRecord?.some(([k]) => k === '所需信息的名称'));
    assert.ok(!JSON.stringify(st.oralRecord).includes(ID), 'the public page masks the identity number');
    await assert.rejects(
      confirmOralByApplicant(pub('2025-09-26'), { requestNo: reg.requestNo, queryCode: 'WRONGCODE2' }),
      { code: 'request_lookup_failed' },
    );
    assert.deepEqual(
      await confirmOralByApplicant(pub('2025-09-26'), { requestNo: reg.requestNo, queryCode: reg.queryCode }),
      { requestNo: reg.requestNo, dueOn: '2025-10-30' },
    );
    assert.equal(
      (await publicStatus(pub('2025-09-26'), { requestNo: reg.requestNo, queryCode: reg.queryCode })).oralRecord,
      null,
    );
    // An online submission is not an oral one.
    const online = await submitOnline(pub('2025-09-26'), { ...form, orgId: org.id });
    await assert.rejects(
      confirmOralByApplicant(pub('2025-09-26'), { requestNo: online.requestNo, queryCode: online.queryCode }),
      { code: 'not_oral_request' },
    );
  });

  test('第三十五条: the office head sets a later answer date before the due date; it replaces the computed one, once', async () => {
    const reg = await registerRequest(ctx(handler.actor, '2025-09-26'), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
    });
    assert.equal(reg.dueOn, '2025-10-30');
    const input = {
      requestId: reg.id,
      on: '2025-10-09',
      dueOn: '2025-11-28',
      reason: '同一申请人本月提交申请40件，经说明理由合理。',
    };
    await assert.rejects(setDeadline(ctx(handler.actor, '2025-10-09'), input), { kind: 'forbidden' });
    await assert.rejects(
      setDeadline(ctx(admin.actor, '2025-10-09'), { ...input, reason: ' ', dueOn: '2025-02-30' }),
      (e: { errors: Array<{ code: string }> }) =>
        e.errors.map((x) => x.code).join() === 'deadline_date_invalid,deadline_reason_missing',
    );
    await assert.rejects(setDeadline(ctx(admin.actor, '2025-10-09'), { ...input, dueOn: '2025-10-29' }), {
      code: 'deadline_not_later',
    });
    await assert.rejects(setDeadline(ctx(admin.actor, '2025-10-31'), { ...input, on: '2025-10-31' }), {
      code: 'deadline_set_after_due_date',
    });
    assert.equal((await getRequest(h.db(), reg.id))!.due_on, '2025-10-30', 'refusals change nothing');
    assert.deepEqual(await setDeadline(ctx(admin.actor, '2025-10-09'), input), {
      dueOn: '2025-11-28',
      previousDueOn: '2025-10-30',
    });
    assert.equal((await getRequest(h.db(), reg.id))!.due_on, '2025-11-28');
    // Later pauses do not move it; no extension and no second date.
    await assignRequest(ctx(admin.actor, '2025-10-09'), { requestId: reg.id, handlerId: handler.id });
    await startConsultation(ctx(handler.actor, '2025-10-10'), {
      requestId: reg.id,
      on: '2025-10-10',
      party: 'third_party',
      respondent: '某公司',
    });
    const c = await staffCase(ctx(admin.actor, '2025-10-20'), reg.id);
    assert.equal(c.clock.result?.dueOn, '2025-11-28');
    assert.deepEqual(c.clock.result?.deadlineSet, { dueOn: '2025-11-28', reason: input.reason });
    assert.equal(c.history.find((x) => x.type === 'deadline_set')?.payload.previousDueOn, '2025-10-30');
    await assert.rejects(
      extendDeadline(ctx(admin.actor, '2025-10-20'), { requestId: reg.id, days: 10, reason: '复杂' }),
      { code: 'deadline_already_set' },
    );
    await assert.rejects(
      setDeadline(ctx(admin.actor, '2025-10-20'), { ...input, on: '2025-10-20', dueOn: '2025-12-05' }),
      { code: 'deadline_already_set' },
    );
    const audits = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'request.deadline_set')
      .where('subject_id', '=', String(reg.id))
      .execute();
    assert.deepEqual(
      audits.map((x) => x.summary),
      [`申请 ${reg.requestNo} 于 2025-10-09 依第三十五条确定答复期限为 2025-11-28（原按工作日计算为 2025-10-30）`],
    );
  });

  test('retention: the scheduled job erases personal data and identity-proof files of old closed cases; a file another case uses stays', async () => {
    const shared = Buffer.concat([PNG, Buffer.from('shared')]);
    const only = Buffer.concat([PNG, Buffer.from('only-old')]);
    const old = await registerRequest(ctx(handler.actor, '2020-03-02'), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2020-03-02',
      idProofs: [
        { filename: 'a.png', data: shared },
        { filename: 'b.png', data: only },
      ],
    });
    await assignRequest(ctx(handler.actor, '2020-03-02'), { requestId: old.id, handlerId: handler.id });
    await answerRequest(ctx(handler.actor, '2020-03-10'), {
      requestId: old.id,
      outcome: '4.1',
      letter: '经检索，本机关未制作、获取该信息。',
    });
    const recent = await registerRequest(ctx(handler.actor, '2025-09-26'), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-09-26',
      idProofs: [{ filename: 'a.png', data: shared }],
    });
    await setRetentionYears(h.ctx(), 5);
    assert.deepEqual(await previewRetention(h.db(), '2025-10-01', 5), { cutoff: '2020-10-01', cases: 1, files: 2 });
    // 10:00 Beijing: the daily retention job (02:00) is due.
    const ran = await runDueJobs(h.ctx(undefined, at('2025-10-01')), requestsModule.jobs!, 'node-test');
    assert.ok(ran.some((j) => j.job === 'requests.retention' && j.status === 'ok'));
    const msg = await h
      .db()
      .selectFrom('job_runs')
      .select('message')
      .where('job', '=', 'requests.retention')
      .executeTakeFirstOrThrow();
    assert.match(msg.message ?? '', /删除 1 件申请的申请人个人信息、2 个身份证明文件（2020-10-01 前办结）/);
    assert.equal((await getRequest(h.db(), old.id))!.id_number, '');
    assert.equal(
      (await h.db().selectFrom('request_id_proofs').select('id').where('request_id', '=', old.id).execute()).length,
      0,
    );
    assert.ok(!existsSync(blobPath(h.config.blobDir, sha256(only), ID_PROOF_AREA)), 'the old case’s own file is gone');
    assert.ok(
      existsSync(blobPath(h.config.blobDir, sha256(shared), ID_PROOF_AREA)),
      'the recent case still uses this content',
    );
    assert.equal((await staffCase(ctx(admin.actor, '2025-10-01'), recent.id)).idProofs.length, 1);
    assert.deepEqual(await previewRetention(h.db(), '2025-10-01', 5), { cutoff: '2020-10-01', cases: 0, files: 0 });
    await assert.rejects(clearRetentionYears(ctx(admin.actor, '2025-10-01')), { kind: 'forbidden' });
    await clearRetentionYears(h.ctx());
    const actions = await h
      .db()
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'request.retention%')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      actions.map((x) => x.action),
      ['request.retention_set', 'request.retention_erase', 'request.retention_clear'],
    );
  });
});
