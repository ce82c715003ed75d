/**
 * The release package on both databases: attach (with what it answers), redact (the released copy
 * changes, the original stays), approval by a second person, the applicant's downloads with 申请编号 +
 * 查询码 within the agency's period, every download recorded and audited.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describeDb } from '../../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { publicActor, type Actor } from '../../platform/context.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { openPdf } from '../../platform/pdf.js';
import { blobPath } from '../../catalog/attachment-files.js';
import { submitOnline } from '../submit-online.js';
import { answerRequest } from '../answer-request.js';
import { convertToProactive } from '../convert-to-proactive.js';
import { attachReleaseToItem } from './attach-release-to-item.js';
import { getRequest } from '../requests.store.js';
import { confirmReceipt } from '../confirm-receipt.js';
import { assignRequest } from '../assign-request.js';
import { addReleaseDocument } from './add-release-document.js';
import { redactReleaseDocument } from './redact-release-document.js';
import { approveRelease } from './approve-release.js';
import { setReleaseDays } from './set-release-days.js';
import { downloadRelease } from './download-release.js';
import { applicantRelease, readReleaseFile, staffRelease } from './release-views.js';
import { findInPdf } from './find-in-pdf.js';
import { RELEASE_AREA } from './release.store.js';
import { decodePng, encodePng } from './raster.js';
import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { APPLICANT_ID as ID, at, citizenForm as form } from '../../../test/helpers/request-form.js';

async function twoPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 200]).drawText('Public page: project approval', { x: 20, y: 150, size: 12, font });
  doc.addPage([300, 200]).drawText(`Third party ID ${ID} end`, { x: 20, y: 150, size: 12, font });
  doc.setTitle('SECRET TITLE');
  return Buffer.from(await doc.save());
}

async function text(data: Buffer): Promise<string> {
  const pdf = await openPdf(data);
  try {
    let s = '';
    for (let n = 1; n <= pdf.doc.numPages; n++)
      s +=
        (await (await pdf.doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('') + '\n';
    return s;
  } finally {
    await pdf.close();
  }
}

describeDb('依申请公开: the release package', (h) => {
  let org: OrgRow;
  let handler: { id: number; actor: Actor };
  let admin: { id: number; actor: Actor };
  let admin2: { id: number; actor: Actor };
  let editor: { id: number; actor: Actor };
  let requestId = 0;
  let requestNo = '';
  let queryCode = '';
  before(async () => {
    const county = await makeOrg(h.db());
    org = await makeOrg(h.db(), { parent: county, name: '县自然资源局' });
    handler = await makeUser(h.db(), [['request_handler', org]]);
    admin = await makeUser(h.db(), [['request_admin', org]]);
    admin2 = await makeUser(h.db(), [['request_admin', org]]);
    editor = await makeUser(h.db(), [['editor', org]]);
    const s = await submitOnline(h.ctx(publicActor('1.2.3.4'), at('2025-09-25')), { ...form, orgId: org.id });
    await confirmReceipt(h.ctx(handler.actor, at('2025-09-26')), { requestId: s.id });
    await assignRequest(h.ctx(admin.actor, at('2025-09-26')), { requestId: s.id, handlerId: handler.id });
    ({ id: requestId, requestNo, queryCode } = s);
  });
  const audits = async () =>
    (
      await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('subject_type', '=', 'request')
        .where('subject_id', '=', String(requestId))
        .where('action', 'like', 'request.release.%')
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);

  test('attach, redact, approve by a second person, download within the period', async () => {
    const c = (a: Actor, d = '2025-10-09') => h.ctx(a, at(d));
    const pdf = await twoPagePdf();
    await assert.rejects(
      addReleaseDocument(c(editor.actor), { requestId, filename: 'a.pdf', data: pdf, answers: '项目批复' }),
      { kind: 'forbidden' },
    );
    await assert.rejects(
      addReleaseDocument(c(handler.actor), {
        requestId,
        filename: 'a.txt',
        data: Buffer.from('plain text'),
        answers: '',
      }),
      (e: { errors: Array<{ code: string }> }) => {
        assert.deepEqual(
          e.errors.map((x) => x.code),
          ['release_file_kind', 'release_answers'],
        );
        return true;
      },
    );
    const docId = await addReleaseDocument(c(handler.actor), {
      requestId,
      filename: '项目批复.pdf',
      data: pdf,
      answers: '申请第1项：项目批复文件',
    });

    // The cleaned copy keeps the text but not the title; the original is kept as uploaded.
    const cleaned = await readReleaseFile(c(handler.actor), { requestId, documentId: docId, which: 'released' });
    assert.match(await text(cleaned.data), new RegExp(ID));
    assert.ok(!cleaned.data.toString('latin1').includes('SECRET TITLE'));
    assert.deepEqual(
      (await readReleaseFile(c(admin.actor), { requestId, documentId: docId, which: 'original' })).data,
      pdf,
    );

    const boxes = (await findInPdf(pdf)).map(({ page, x, y, w, h: hh }) => ({ page, x, y, w, h: hh, reason: 'art15' }));
    assert.equal(boxes.length, 1);
    // The proposal covers the number's real extent in a proportional Latin font (Helvetica widths).
    const helv = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const from = 20 + helv.widthOfTextAtSize('Third party ID ', 12);
    const to = from + helv.widthOfTextAtSize(ID, 12);
    assert.ok(
      boxes[0]!.x <= from && boxes[0]!.x + boxes[0]!.w >= to,
      `${JSON.stringify(boxes[0])} covers ${from}–${to}`,
    );
    await assert.rejects(
      redactReleaseDocument(c(handler.actor), {
        requestId,
        documentId: docId,
        boxes: [{ ...boxes[0]!, reason: 'none' }],
      }),
      { kind: 'invalid' },
    );
    assert.deepEqual(await redactReleaseDocument(c(handler.actor), { requestId, documentId: docId, boxes }), {
      boxes: 1,
      reasons: ['art15'],
    });
    const released = await readReleaseFile(c(handler.actor), { requestId, documentId: docId, which: 'released' });
    const t = await text(released.data);
    assert.ok(!t.includes(ID) && !t.includes('Third party'), 'the redacted page has no text left');
    assert.match(t, /Public page/);

    // Not visible before approval; the handler cannot approve, nor an admin who prepared a document.
    assert.equal(await applicantRelease(c(publicActor('5.6.7.8')), { requestNo, queryCode }), null);
    await assert.rejects(
      downloadRelease(c(publicActor('5.6.7.8')), { requestNo, queryCode, documentId: docId }),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'release_unavailable',
    );
    await assert.rejects(approveRelease(c(handler.actor), { requestId }), { kind: 'forbidden' });
    await addReleaseDocument(c(admin.actor), {
      requestId,
      filename: '附件.pdf',
      data: await twoPagePdf(),
      answers: '申请第2项',
    });
    await assert.rejects(
      approveRelease(c(admin.actor), { requestId }),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'release_same_person',
    );

    await assert.rejects(setReleaseDays(c(handler.actor), { orgId: org.id, days: 10 }), { kind: 'forbidden' });
    await assert.rejects(
      setReleaseDays(c(admin.actor), { orgId: org.id, days: '0' }),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'release_days',
    );
    assert.equal(await setReleaseDays(c(admin.actor), { orgId: org.id, days: '10' }), 10);
    assert.deepEqual(await approveRelease(c(admin2.actor), { requestId }), { availableUntil: '2025-10-18' });

    const open = await applicantRelease(c(publicActor('5.6.7.8')), { requestNo, queryCode });
    assert.deepEqual(
      open?.documents.map((d) => d.filename),
      ['项目批复.pdf', '附件.pdf'],
    );
    await assert.rejects(
      downloadRelease(c(publicActor('5.6.7.8')), { requestNo, queryCode: 'WRONG-CODE', documentId: docId }),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'request_lookup_failed',
    );
    const got = await downloadRelease(c(publicActor('5.6.7.8'), '2025-10-18'), {
      requestNo: requestNo.toLowerCase(),
      queryCode,
      documentId: docId,
    });
    assert.deepEqual(got.data, released.data);
    assert.equal(got.mime, 'application/pdf');
    await assert.rejects(
      downloadRelease(c(publicActor('5.6.7.8'), '2025-10-19'), { requestNo, queryCode, documentId: docId }),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'release_unavailable',
    );

    const staff = await staffRelease(c(handler.actor), requestId);
    assert.deepEqual(
      staff.downloads.map((d) => [d.document_id, d.address]),
      [[docId, '5.6.7.8']],
    );
    assert.equal(staff.days, 10);
    assert.equal(staff.release?.approved_by, admin2.id);
    // The original and the released copy are both in the blob store; the released copy differs.
    const row = staff.documents[0]!;
    assert.notEqual(row.original_sha256, row.released_sha256);
    assert.deepEqual(await readFile(blobPath(h.config.blobDir, row.original_sha256, RELEASE_AREA)), pdf);
    assert.deepEqual(JSON.parse(row.boxes), boxes);

    // Changing the package withdraws the approval.
    await redactReleaseDocument(c(handler.actor), { requestId, documentId: docId, boxes });
    assert.equal(await applicantRelease(c(publicActor('5.6.7.8')), { requestNo, queryCode }), null);
    assert.deepEqual(await audits(), [
      'request.release.add',
      'request.release.redact',
      'request.release.add',
      'request.release.approve',
      'request.release.download',
      'request.release.redact',
    ]);
  });

  test('an image: cleaned on upload, redacted in pixels', async () => {
    const c = (a: Actor) => h.ctx(a, at('2025-10-10'));
    const png = encodePng({ width: 100, height: 50, data: new Uint8Array(100 * 50 * 4).fill(255) });
    const docId = await addReleaseDocument(c(handler.actor), {
      requestId,
      filename: 'photo.png',
      data: png,
      answers: '现场照片',
    });
    const cleaned = await readReleaseFile(c(handler.actor), { requestId, documentId: docId, which: 'released' });
    assert.equal(cleaned.mime, 'image/png');
    assert.deepEqual(
      await redactReleaseDocument(c(handler.actor), {
        requestId,
        documentId: docId,
        boxes: [{ page: 1, x: 10, y: 10, w: 20, h: 20, reason: 'art14' }],
      }),
      { boxes: 1, reasons: ['art14'] },
    );
    const img = decodePng(
      (await readReleaseFile(c(handler.actor), { requestId, documentId: docId, which: 'released' })).data,
    );
    assert.deepEqual([img.data[(12 * 100 + 12) * 4], img.data[(40 * 100 + 80) * 4]], [0, 255]);
  });

  test('a DOCX: properties dropped on upload, found text replaced by ■ and the reason', async () => {
    const c = (a: Actor) => h.ctx(a, at('2025-10-10'));
    const docx = await Packer.toBuffer(
      new Document({
        creator: 'AUTHORSECRET',
        title: 'TITLESECRET',
        sections: [{ children: [new Paragraph('第三方身份证号' + ID + '。'), new Paragraph('内部讨论意见。')] }],
      }),
    );
    const docId = await addReleaseDocument(c(handler.actor), {
      requestId,
      filename: '说明.docx',
      data: docx,
      answers: '申请第3项',
    });
    const cleaned = (await readReleaseFile(c(handler.actor), { requestId, documentId: docId, which: 'released' })).data;
    assert.ok(
      !(await import('../../platform/archive-limits.js'))
        .readZip(cleaned)
        .some((p) => /AUTHORSECRET|TITLESECRET/.test(p.data.toString('utf8'))),
    );
    await assert.rejects(
      redactReleaseDocument(c(handler.actor), {
        requestId,
        documentId: docId,
        docx: { terms: [{ text: '没有的文字', reason: 'art15' }] },
      }),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'redaction_nothing_found',
    );
    assert.deepEqual(
      await redactReleaseDocument(c(handler.actor), {
        requestId,
        documentId: docId,
        docx: { found: 'art15', terms: [{ text: '内部讨论意见', reason: 'art16_2' }] },
      }),
      { boxes: 2, reasons: ['art15', 'art16_2'] },
    );
    const { value } = await mammoth.extractRawText({
      buffer: (await readReleaseFile(c(handler.actor), { requestId, documentId: docId, which: 'released' })).data,
    });
    assert.match(value, /第三方身份证号■{18}（第十五条 个人隐私）。/);
    assert.match(value, /■{6}（第十六条 过程性信息）。/);
  });

  test('the answer: 部分公开 expected when documents were redacted; the 答复书 lists the documents and grounds', async () => {
    const c = h.ctx(handler.actor, at('2025-10-11'));
    await assert.rejects(
      answerRequest(c, { requestId, outcome: '1', letter: '经审查，予以公开。' }),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'release_partial_expected',
    );
    assert.equal((await getRequest(h.db(), requestId))!.state === 'answered', false);
    await answerRequest(c, {
      requestId,
      outcome: '2',
      letter: '经审查，现部分公开。',
      withheld: '第三方个人信息（第十五条）',
    });
    const text = (await getRequest(h.db(), requestId))!.answer_text ?? '';
    assert.match(
      text,
      /提供的政府信息：\n1\. 项目批复\.pdf（申请第1项：项目批复文件），已作区分处理，不予公开部分的理由：第十五条：个人隐私等损害第三方合法权益/,
    );
    assert.match(text, /3\. photo\.png（现场照片），已作区分处理，不予公开部分的理由：第十四条/);
  });

  test('依申请转主动 publishes the released copies, never the originals, through the catalogue', async () => {
    const c = (a: Actor) => h.ctx(a, at('2025-10-12'));
    const both = await makeUser(h.db(), [
      ['request_handler', org],
      ['editor', org],
    ]);
    await assert.rejects(
      attachReleaseToItem(c(both.actor), { requestId }),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'release_no_item',
    );
    const { itemId } = await convertToProactive(c(both.actor), { requestId });
    await assert.rejects(
      attachReleaseToItem(c(both.actor), { requestId }),
      (e: { errors: Array<{ code: string }> }) => e.errors[0]!.code === 'release_not_approved',
    );
    await approveRelease(c(admin2.actor), { requestId });
    assert.deepEqual(await attachReleaseToItem(c(both.actor), { requestId }), { itemId, attached: 4 });
    const files = await h
      .db()
      .selectFrom('item_attachments')
      .innerJoin('catalog_files', 'catalog_files.id', 'item_attachments.file_id')
      .select(['catalog_files.sha256'])
      .orderBy('item_attachments.sort_order')
      .where('item_attachments.item_id', '=', itemId)
      .execute();
    const docs = await h
      .db()
      .selectFrom('request_release_documents')
      .select(['released_sha256', 'original_sha256'])
      .where('request_id', '=', requestId)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      files.map((f) => f.sha256),
      docs.map((d) => d.released_sha256),
    );
    assert.ok(docs.every((d) => d.released_sha256 !== d.original_sha256));
  });
});
