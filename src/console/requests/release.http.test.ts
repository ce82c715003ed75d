/**
 * The release package over HTTP on both databases: staff attach and redact in the console (search
 * proposal kept, one box typed), a second person approves, the applicant downloads the released copy
 * from the status page with 申请编号 + 查询码; the original never leaves the console.
 */
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { publicActor, type Actor } from '../../platform/context.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { submitOnline } from '../../requests/submit-online.js';
import { confirmReceipt } from '../../requests/confirm-receipt.js';
import { assignRequest } from '../../requests/assign-request.js';
import { startConsultation } from '../../requests/start-consultation.js';
import { openPdf } from '../../platform/pdf.js';
import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { createItem } from '../../catalog/create-item.js';
import { addAttachment } from '../../catalog/add-attachment.js';
import { submitItem } from '../../catalog/submit-item.js';
import { reviewItem } from '../../catalog/review-item.js';
import { publishItem } from '../../catalog/publish-item.js';

const ID = '11010519491231002X';
const NOW = new Date('2025-10-09T02:00:00Z');
const form = {
  applicantType: 'citizen',
  name: '王五',
  idType: 'resident_id',
  idNumber: ID,
  phone: '13912345678',
  infoTitle: '某路段拓宽工程批复',
  form: 'electronic',
  delivery: 'pickup',
};

async function pdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 200]).drawText('Approval of the road project', { x: 20, y: 150, size: 12, font });
  doc.addPage([300, 200]).drawText(`Owner ID ${ID} Acme Co`, { x: 20, y: 150, size: 12, font });
  return Buffer.from(await doc.save());
}
const pdfText = async (data: Buffer) => {
  const p = await openPdf(data);
  try {
    let s = '';
    for (let n = 1; n <= p.doc.numPages; n++)
      s += (await (await p.doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    return s;
  } finally {
    await p.close();
  }
};

describeApp(
  '依申请公开: release package in the console and on the status page',
  (h) => {
    let org: OrgRow;
    let handler: { id: number; username: string; actor: Actor };
    let admin: { id: number; username: string; actor: Actor };
    let caseId = 0;
    let requestNo = '';
    let queryCode = '';
    const login = async (u: { username: string }): Promise<Client> => {
      const c = h.client();
      assert.equal((await c.login(u.username)).statusCode, 303);
      return c;
    };
    before(async () => {
      org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县交通运输局' });
      handler = await makeUser(h.db(), [['request_handler', org]]);
      admin = await makeUser(h.db(), [['request_admin', org]]);
      const s = await submitOnline(h.ctx(publicActor('1.2.3.4'), NOW), { ...form, orgId: org.id });
      await confirmReceipt(h.ctx(handler.actor, NOW), { requestId: s.id });
      await assignRequest(h.ctx(admin.actor, NOW), { requestId: s.id, handlerId: handler.id });
      await startConsultation(h.ctx(handler.actor, NOW), {
        requestId: s.id,
        party: 'third_party',
        respondent: 'Acme Co',
      });
      ({ id: caseId, requestNo, queryCode } = s);
    });

    it('attach, redact, approve by another person, download from the status page', async () => {
      const c = await login(handler);
      const url = `/console/requests/${caseId}/release`;
      assert.match((await c.get(`/console/requests/${caseId}`)).body, /data-testid="release-link"/);
      const bad = await c.upload(
        `${url}/documents`,
        { field: 'file', name: 'a.txt', data: 'plain' },
        { answers: '' },
        { from: url },
      );
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /不是PDF、DOCX、JPEG或PNG文件/);
      assert.match(bad.body, /请写明该文件答复的是申请的哪一部分内容/);
      const original = await pdf();
      assert.equal(
        (
          await c.upload(
            `${url}/documents`,
            { field: 'file', name: 'approval.pdf', data: original, type: 'application/pdf' },
            { answers: '申请第1项' },
            { from: url },
          )
        ).statusCode,
        303,
      );
      const docId = (await h.db().selectFrom('request_release_documents').select('id').executeTakeFirstOrThrow()).id;

      const page = await c.get(`${url}/${docId}/redact`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`身份证号：${ID}`));
      assert.match(page.body, /name="names" value="Acme Co"/, 'the consulted third party is searched for by default');
      assert.match(page.body, /姓名：Acme Co/);
      const proposal = /name="b0" value="([^"]+)"/.exec(page.body)![1]!;
      assert.match(proposal, /^2,/);
      const img = await c.get(`${url}/${docId}/page/1`);
      assert.equal(img.headers['content-type'], 'image/png');
      assert.equal(img.headers['cache-control'], 'private, no-store');

      const typo = await c.post(
        `${url}/${docId}/redact`,
        { b0: proposal, r0: 'art15', m0: '1,10,10', mr0: 'art16_1' },
        { from: `${url}/${docId}/redact` },
      );
      assert.equal(typo.statusCode, 400);
      assert.match(typo.body, /第2处遮盖的页码不存在/);
      const ok = await c.post(
        `${url}/${docId}/redact`,
        {
          b0: proposal,
          r0: 'art15',
          b1: /name="b1" value="([^"]+)"/.exec(page.body)![1]!,
          r1: 'art15_trade',
          m0: '1,10,20,150,30',
          mr0: 'art16_1',
        },
        { from: `${url}/${docId}/redact` },
      );
      assert.equal(ok.statusCode, 303);
      const pkg = await c.get(url);
      assert.match(pkg.body, /遮盖 3 处：第十五条 个人隐私；第十五条 商业秘密；第十六条 内部事务/);
      assert.match(pkg.body, /待审核/);
      assert.equal((await c.post(`${url}/approve`, {}, { from: url })).statusCode, 403);

      // The applicant sees nothing before approval.
      const pub = h.client();
      assert.doesNotMatch(
        (await pub.post('/ysqgk/status', { requestNo, queryCode }, { from: '/ysqgk/status' })).body,
        /提供的政府信息/,
      );

      const a = await login(admin);
      assert.equal((await a.post(`${url}/approve`, {}, { from: url })).statusCode, 303);
      assert.match((await a.get(url)).body, /申请人可下载至 2025-11-07/);

      const status = await pub.post('/ysqgk/status', { requestNo, queryCode }, { from: '/ysqgk/status' });
      assert.match(status.body, /下载 approval\.pdf/);
      const dl = await pub.post(
        '/ysqgk/release',
        { requestNo, queryCode, doc: String(docId) },
        { from: '/ysqgk/status' },
      );
      assert.equal(dl.statusCode, 200);
      assert.equal(dl.headers['content-type'], 'application/pdf');
      const text = await pdfText(dl.rawPayload);
      assert.ok(!text.includes(ID) && !text.includes('Acme') && !text.includes('Approval'), text);
      const wrong = await pub.post(
        '/ysqgk/release',
        { requestNo, queryCode: 'ABCD-EFGH', doc: String(docId) },
        { from: '/ysqgk/status' },
      );
      assert.equal(wrong.statusCode, 303);
      assert.match((await c.get(url)).body, /data-testid="release-downloads"/);
      // The original is for staff only: the public cannot reach the console's files.
      assert.notEqual((await pub.get(`${url}/${docId}/original`)).statusCode, 200);
      assert.deepEqual((await c.get(`${url}/${docId}/original`)).rawPayload, original);
    });

    it('the download period typed as a word is refused at the page, nothing changed', async () => {
      const c = await login(admin);
      const url = `/console/requests/${caseId}/release`;
      const bad = await c.post(`${url}/days`, { days: '十' }, { from: url });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /“下载期限（天）”应为整数/);
      assert.match(bad.body, /<h1>提供材料 YSQ-/);
      assert.match(bad.body, /<div class="field has-error"><label for="f-days">/);
      const ok = await c.post(`${url}/days`, { days: '30' }, { from: url });
      assert.equal(ok.statusCode, 303);
    });

    it('a DOCX is redacted from its own form: phrases with a ground, numbers found automatically', async () => {
      const c = await login(handler);
      const url = `/console/requests/${caseId}/release`;
      const data = await Packer.toBuffer(
        new Document({
          sections: [{ children: [new Paragraph(`联系人身份证号${ID}。`), new Paragraph('内部讨论稿，其余公开。')] }],
        }),
      );
      assert.equal(
        (
          await c.upload(
            `${url}/documents`,
            { field: 'file', name: 'note.docx', data },
            { answers: '申请第2项' },
            { from: url },
          )
        ).statusCode,
        303,
      );
      const docId = (
        await h
          .db()
          .selectFrom('request_release_documents')
          .select('id')
          .where('filename', '=', 'note.docx')
          .executeTakeFirstOrThrow()
      ).id;
      const form = await c.get(`${url}/${docId}/redact`);
      assert.match(form.body, /自动查找身份证号、手机号和下列姓名并遮盖/);
      const none = await c.post(
        `${url}/${docId}/redact`,
        { found: '', terms: '没有这句话', termReason: 'art16_2' },
        { from: `${url}/${docId}/redact` },
      );
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /没有找到需要遮盖的内容/);
      assert.equal(
        (
          await c.post(
            `${url}/${docId}/redact`,
            { found: 'art15', names: '', terms: '内部讨论稿', termReason: 'art16_2' },
            { from: `${url}/${docId}/redact` },
          )
        ).statusCode,
        303,
      );
      const { value } = await mammoth.extractRawText({ buffer: (await c.get(`${url}/${docId}/released`)).rawPayload });
      assert.match(value, /联系人身份证号■{18}（第十五条 个人隐私）。/);
      assert.match(value, /■{5}（第十六条 过程性信息），其余公开。/);
    });

    it('the attachments of a published catalogue item join the package by its 索引号; drafts and items without files are refused', async () => {
      const editor = await makeUser(h.db(), [['editor', org]]);
      const reviewer = await makeUser(h.db(), [['secrecy_reviewer', org]]);
      const approver = await makeUser(h.db(), [['approver', org]]);
      const item = async (title: string, files: Array<[string, Buffer]>, publish: boolean) => {
        const { id } = await createItem(h.ctx(editor.actor, NOW), {
          orgId: org.id,
          title,
          bodyHtml: `<p>${title}</p>`,
          genre: '批复',
          disclosureMode: '主动公开',
          writtenOn: '2025-09-01',
          createdOn: '2025-09-01',
        });
        for (const [name, data] of files)
          await addAttachment(h.ctx(editor.actor, NOW), { itemId: id, filename: name, data });
        if (publish) {
          await submitItem(h.ctx(editor.actor, NOW), id);
          await reviewItem(h.ctx(reviewer.actor, NOW), { id, decision: 'approve' });
          await publishItem(h.ctx(approver.actor, NOW), { id });
        }
        return await h
          .db()
          .selectFrom('items')
          .select(['id', 'index_no'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      };
      const published = await item('某路段拓宽工程批复', [['批复.pdf', await pdf()]], true);
      const bare = await item('某路段拓宽工程公示', [], true);
      const draft = await item('某路段拓宽工程内部讨论稿', [['讨论稿.pdf', await pdf()]], false);
      const c = await login(handler);
      const url = `/console/requests/${caseId}/release`;
      assert.match((await c.get(url)).body, /data-testid="from-catalog"/);
      const count = async () =>
        (await h.db().selectFrom('request_release_documents').select('id').where('request_id', '=', caseId).execute())
          .length;
      const before = await count();
      for (const [ref, msg] of [
        [String(draft.id), /没有找到已公开的信息/],
        ['XX/2025-99999', /没有找到已公开的信息/],
        [bare.index_no ?? '', /没有附件/],
      ] as const) {
        const r = await c.post(`${url}/from-catalog`, { itemRef: ref }, { from: url });
        assert.equal(r.statusCode, 400, ref);
        assert.match(r.body, msg);
        assert.doesNotMatch(r.body, /内部讨论稿/);
      }
      assert.equal(await count(), before);
      const ok = await c.post(
        `${url}/from-catalog`,
        { itemRef: (published.index_no ?? '').toLowerCase() },
        { from: url },
      );
      assert.equal(ok.statusCode, 303);
      assert.match((await c.get(url)).body, /已从“某路段拓宽工程批复”添加 1 个附件/);
      const doc = await h
        .db()
        .selectFrom('request_release_documents')
        .select(['filename', 'answers', 'released_sha256'])
        .where('request_id', '=', caseId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(doc.filename, '批复.pdf');
      assert.equal(doc.answers, `已主动公开的《某路段拓宽工程批复》（索引号 ${published.index_no}）`);
      assert.ok(doc.released_sha256, 'the released copy is cleaned like an upload');
    });
  },
  { now: () => NOW },
);
