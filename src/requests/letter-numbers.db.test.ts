import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import type { Actor } from '../platform/context.js';
import { publicActor } from '../platform/context.js';
import type { OrgRow } from '../orgs/orgs.store.js';
import { residentIdCheckChar } from '../orgs/codes.rules.js';
import { registerRequest } from './register-request.js';
import { assignRequest } from './assign-request.js';
import { answerRequest } from './answer-request.js';
import { requestCorrection } from './request-correction.js';
import { saveLetterSettings } from './save-letter-settings.js';
import { getLetterSettings } from './letter-numbers.store.js';
import { oralSheet } from './oral-sheet.js';
import { publicStatus, staffCase } from './request-status.js';

const ID17 = '11010519491231002';
const form = {
  applicantType: 'citizen',
  name: '张三',
  idType: 'resident_id',
  idNumber: ID17 + residentIdCheckChar(ID17),
  phone: '13800138000',
  infoTitle: '某项目环评报告',
  form: 'electronic',
  delivery: 'pickup',
};
const at = (d: string) => new Date(`${d}T02:00:00Z`);

describeDb('依申请公开: 发文字号 per agency and year, 抄送, the staff name on the oral sheet', (h) => {
  let org: OrgRow;
  let other: OrgRow;
  let handler: { id: number; username: string; actor: Actor };
  let admin: { id: number; actor: Actor };
  let otherAdmin: { id: number; actor: Actor };
  const ctx = (a: Actor, d: string) => h.ctx(a, at(d));
  const newCase = async (o: OrgRow, a: { actor: Actor }, by: { id: number; actor: Actor }, d: string) => {
    const reg = await registerRequest(ctx(a.actor, d), { ...form, orgId: o.id, channel: 'in_person', receivedOn: d });
    await assignRequest(ctx(by.actor, d), { requestId: reg.id, handlerId: by.id });
    return reg;
  };
  before(async () => {
    const county = await makeOrg(h.db());
    org = await makeOrg(h.db(), { parent: county, name: '示例县交通运输局' });
    other = await makeOrg(h.db(), { parent: county, name: '示例县财政局' });
    handler = await makeUser(h.db(), [['request_handler', org]]);
    admin = await makeUser(h.db(), [['request_admin', org]]);
    otherAdmin = await makeUser(h.db(), [['request_admin', other]]);
  });

  test('the settings: request_admin only, the pattern checked against GB/T 9704, audited', async () => {
    await assert.rejects(
      saveLetterSettings(ctx(handler.actor, '2025-09-01'), { orgId: org.id, numberPattern: '示交公开〔{year}〕{n}号' }),
      { kind: 'forbidden' },
    );
    await assert.rejects(
      saveLetterSettings(ctx(otherAdmin.actor, '2025-09-01'), {
        orgId: org.id,
        numberPattern: '示交公开〔{year}〕{n}号',
      }),
      { kind: 'forbidden' },
    );
    await assert.rejects(
      saveLetterSettings(ctx(admin.actor, '2025-09-01'), {
        orgId: org.id,
        numberPattern: '示交公开〔{year}〕第{n}号',
        cc: '局'.repeat(41),
        court: '示例县',
      }),
      (e: { errors: Array<{ code: string }> }) => {
        assert.deepEqual(
          e.errors.map((x) => x.code),
          ['number_pattern_di', 'cc_name_too_long', 'court_name'],
        );
        return true;
      },
    );
    assert.deepEqual(
      await getLetterSettings(h.db(), org.id),
      { numberPattern: '', cc: [], reviewBody: '', court: '' },
      'nothing stored after a refusal',
    );
    const saved = await saveLetterSettings(ctx(admin.actor, '2025-09-01'), {
      orgId: org.id,
      numberPattern: '示交公开[{year}]{n}号',
      cc: '县政府办公室、县司法局',
      reviewBody: '示例县人民政府',
      court: '示例县人民法院',
    });
    assert.deepEqual(saved, {
      numberPattern: '示交公开〔{year}〕{n}号',
      cc: ['县政府办公室', '县司法局'],
      reviewBody: '示例县人民政府',
      court: '示例县人民法院',
    });
    assert.deepEqual(await getLetterSettings(h.db(), org.id), saved);
    const audit = await h
      .db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'request.letter_settings')
      .executeTakeFirstOrThrow();
    assert.equal(
      audit.summary,
      '示例县交通运输局文书设置：发文字号格式 示交公开〔{year}〕{n}号；抄送 县政府办公室、县司法局；复议机关 示例县人民政府；人民法院 示例县人民法院',
    );
  });

  test('each issued letter takes the next number of its agency and year; answers carry the 抄送; numbers stay as issued', async () => {
    const a = await newCase(org, handler, handler, '2025-09-26');
    await requestCorrection(ctx(handler.actor, '2025-09-29'), { requestId: a.id, items: '请写明所需信息的名称。' });
    const b = await newCase(org, handler, handler, '2025-09-26');
    await answerRequest(ctx(handler.actor, '2025-10-10'), { requestId: b.id, outcome: '1', letter: '现予以公开。' });
    // A new year starts again at 1.
    const c = await newCase(org, handler, handler, '2025-12-30');
    await answerRequest(ctx(handler.actor, '2026-01-05'), {
      requestId: c.id,
      outcome: '4.1',
      letter: '本机关未制作该信息。',
    });
    // An agency without a pattern issues letters without numbers and takes none.
    const d = await newCase(other, otherAdmin, otherAdmin, '2025-09-26');
    await answerRequest(ctx(otherAdmin.actor, '2025-10-10'), { requestId: d.id, outcome: '1', letter: '现予以公开。' });

    const letters = async (id: number, day: string) => (await staffCase(ctx(admin.actor, day), id)).letters;
    assert.deepEqual(
      (await letters(a.id, '2025-09-29')).map((l) => [l.title, l.docNo, l.cc]),
      [['政府信息公开申请补正告知书', '示交公开〔2025〕1号', []]],
    );
    assert.deepEqual(
      (await letters(b.id, '2025-10-10')).map((l) => [l.title, l.docNo, l.cc]),
      [['政府信息公开申请答复书', '示交公开〔2025〕2号', ['县政府办公室', '县司法局']]],
    );
    assert.deepEqual(
      (await letters(c.id, '2026-01-05')).map((l) => [l.docNo]),
      [['示交公开〔2026〕1号']],
    );
    const dl = (await staffCase(ctx(otherAdmin.actor, '2025-10-10'), d.id)).letters;
    assert.deepEqual(
      dl.map((l) => [l.docNo ?? null, l.cc ?? []]),
      [[null, []]],
    );
    const rows = await h
      .db()
      .selectFrom('request_letter_issues')
      .select(['org_id', 'year', 'serial', 'doc_no'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.org_id, r.year, r.serial, r.doc_no]),
      [
        [org.id, 2025, 1, '示交公开〔2025〕1号'],
        [org.id, 2025, 2, '示交公开〔2025〕2号'],
        [org.id, 2026, 1, '示交公开〔2026〕1号'],
      ],
    );

    // The applicant sees the same number; a later change of pattern does not renumber what was sent.
    await saveLetterSettings(ctx(admin.actor, '2026-01-06'), {
      orgId: org.id,
      numberPattern: '示交依申请〔{year}〕{n}号',
      cc: '',
    });
    const pub = await publicStatus(h.ctx(publicActor('1.2.3.4'), at('2026-01-06')), {
      requestNo: b.requestNo,
      queryCode: b.queryCode,
    });
    assert.deepEqual(
      pub.letters.map((l) => l.docNo),
      ['示交公开〔2025〕2号'],
    );
    const e = await newCase(org, handler, handler, '2026-01-06');
    await answerRequest(ctx(handler.actor, '2026-01-07'), { requestId: e.id, outcome: '1', letter: '现予以公开。' });
    assert.deepEqual(
      (await letters(e.id, '2026-01-07')).map((l) => [l.docNo, l.cc]),
      [['示交依申请〔2026〕2号', []]],
    );
  });

  test('the oral-request sheet names the staff member who wrote it down by real name, not login', async () => {
    const reg = await registerRequest(ctx(handler.actor, '2025-09-25'), {
      ...form,
      orgId: org.id,
      channel: 'oral',
      receivedOn: '2025-09-25',
    });
    const user = await h
      .db()
      .selectFrom('users')
      .select(['display_name', 'username'])
      .where('id', '=', handler.id)
      .executeTakeFirstOrThrow();
    const sheet = await oralSheet(ctx(handler.actor, '2025-09-25'), reg.id);
    assert.equal(sheet.recordedBy, user.display_name);
    assert.notEqual(sheet.recordedBy, user.username);
  });
});
