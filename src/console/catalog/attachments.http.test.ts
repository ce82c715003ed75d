import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { Document, Packer, Paragraph, HeadingLevel } from 'docx';
import type { LightMyRequestResponse } from 'fastify';
import { describeApp, type Client } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { systemActor } from '../../platform/context.js';
import type { OrgRow } from '../../orgs/orgs.store.js';
import { createItem } from '../../catalog/create-item.js';
import { submitItem } from '../../catalog/submit-item.js';
import { reviewItem } from '../../catalog/review-item.js';
import { publishItem } from '../../catalog/publish-item.js';
import { randomBytes } from 'node:crypto';
import { onePagePdf } from '../../../test/helpers/pdf.js';

const NOW = new Date('2026-11-27T02:00:00Z');
const PDF = onePagePdf();
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Posts a multipart form with one file (UTF-8 filename) through the client's cookie jar. */
async function upload(
  c: Client,
  url: string,
  file: { name: string; data: Buffer },
  csrf: string,
): Promise<LightMyRequestResponse> {
  const b = `----gk${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${b}--\r\n`),
  ];
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await c.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${b}`, cookie },
  });
  for (const ck of res.cookies as Array<{ name: string; value: string }>) c.cookies.set(ck.name, ck.value);
  return res;
}

describeApp(
  'item attachments',
  (h) => {
    let org: OrgRow;
    let editor = '';
    before(async () => {
      org = await makeOrg(h.db(), { name: '示例县住建局' });
      editor = (await makeUser(h.db(), [['editor', org]])).username;
    });

    it('type comes from the content; forged files are refused; the file is public only with its item', async () => {
      const sys = h.ctx(systemActor('test'), NOW);
      const { id } = await createItem(sys, {
        orgId: org.id,
        title: '关于公布保障房名单的公告',
        bodyHtml: '<p>见附件</p>',
        genre: '公告',
        disclosureMode: '主动公开',
        createdOn: '2026-11-27',
      });
      const c = h.client();
      await c.login(editor);
      const page = `/console/items/${id}`;

      const forged = await upload(c, `${page}/attachments`, { name: '名单.pdf', data: PNG }, await c.csrf(page));
      assert.equal(forged.statusCode, 400);
      assert.match(forged.body, /文件“名单.pdf”的扩展名与内容不符：内容实际为 PNG 图片/);
      const exe = await upload(
        c,
        `${page}/attachments`,
        { name: '名单.pdf', data: Buffer.from('MZ\x90\x00 not a pdf at all') },
        await c.csrf(page),
      );
      assert.equal(exe.statusCode, 400);
      assert.match(exe.body, /类型不受支持/);
      assert.equal((await h.db().selectFrom('item_attachments').selectAll().execute()).length, 0, 'nothing saved');

      const zip = new JSZip();
      zip.file('OFD.xml', '<ofd:OFD/>');
      const ofd = await zip.generateAsync({ type: 'nodebuffer' });
      assert.equal(
        (await upload(c, `${page}/attachments`, { name: '公告正式版.ofd', data: ofd }, await c.csrf(page))).statusCode,
        303,
      );
      const ok = await upload(
        c,
        `${page}/attachments`,
        { name: '保障房名单（第一批）.pdf', data: PDF },
        await c.csrf(page),
      );
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
      const again = await upload(c, `${page}/attachments`, { name: '同一文件.pdf', data: PDF }, await c.csrf(page));
      assert.equal(again.statusCode, 303);
      assert.equal(
        (await h.db().selectFrom('catalog_files').selectAll().execute()).length,
        2,
        'stored once per content hash',
      );

      const atts = await h
        .db()
        .selectFrom('item_attachments')
        .select(['id', 'filename'])
        .where('item_id', '=', id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        atts.map((a) => a.filename),
        ['公告正式版.ofd', '保障房名单（第一批）.pdf', '同一文件.pdf'],
      );
      const pdfId = atts[1]!.id;
      const staff = await c.get(`/console/items/${id}/files/${pdfId}`);
      assert.equal(staff.statusCode, 200);
      assert.equal(staff.rawPayload.toString(), PDF.toString());
      assert.equal((await h.client().get(`/gk/files/${pdfId}`)).statusCode, 404, 'draft attachment is not public');
      assert.equal(
        (await h.client().get(`/console/items/${id}/files/${pdfId}`)).statusCode,
        303,
        'anonymous goes to login',
      );

      const audit = await h
        .db()
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', String(id))
        .where('action', '=', 'item.attach')
        .execute();
      assert.equal(audit.length, 3);

      await submitItem(sys, id);
      await reviewItem(sys, { id, decision: 'approve' });
      await publishItem(sys, { id });
      const pub = await h.client().get(`/gk/files/${pdfId}`);
      assert.equal(pub.statusCode, 200);
      assert.equal(pub.headers['content-type'], 'application/pdf');
      assert.match(
        String(pub.headers['content-disposition']),
        /filename\*=UTF-8''%E4%BF%9D%E9%9A%9C%E6%88%BF%E5%90%8D%E5%8D%95/,
      );
      const itemPage = await h.client().get(`/gk/items/${id}`);
      assert.match(itemPage.body, new RegExp(`href="/gk/files/${pdfId}">保障房名单（第一批）.pdf`));
      // after publication attachments can no longer be changed
      const late = await upload(c, `${page}/attachments`, { name: '补充.pdf', data: PDF }, await c.csrf(page));
      assert.equal(late.statusCode, 409);
    });

    it('a DOCX upload fills the body, converted and sanitized; other files are refused', async () => {
      const sys = h.ctx(systemActor('test'), NOW);
      const { id } = await createItem(sys, {
        orgId: org.id,
        title: '关于征求意见的公告',
        bodyHtml: '<p>待填充</p>',
        genre: '公告',
        disclosureMode: '主动公开',
        createdOn: '2026-11-27',
      });
      const doc = new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: '一、总体要求', heading: HeadingLevel.HEADING_2 }),
              new Paragraph('坚持以人民为中心，依法公开。'),
            ],
          },
        ],
      });
      const data = Buffer.from(await Packer.toBuffer(doc));
      const c = h.client();
      await c.login(editor);
      const page = `/console/items/${id}`;
      const bad = await upload(c, `${page}/docx`, { name: '正文.docx', data: PDF }, await c.csrf(page));
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /请上传 Word（DOCX）文件/);
      const ok = await upload(c, `${page}/docx`, { name: '正文.docx', data }, await c.csrf(page));
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
      const row = await h.db().selectFrom('items').select('body_html').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.body_html, '<h2>一、总体要求</h2><p>坚持以人民为中心，依法公开。</p>');
    });
  },
  { now: () => NOW },
);
