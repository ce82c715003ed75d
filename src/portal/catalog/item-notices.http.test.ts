import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { makePublishedItem } from '../../../test/helpers/catalog.js';
import { createItem } from '../../catalog/create-item.js';
import { addAttachment } from '../../catalog/add-attachment.js';
import { submitItem } from '../../catalog/submit-item.js';
import { reviewItem } from '../../catalog/review-item.js';
import { publishItem } from '../../catalog/publish-item.js';
import { setValidity } from '../../catalog/set-validity.js';

const PDF = readFileSync(fileURLToPath(new URL('../../search/fixtures/notice.pdf', import.meta.url)));

describeApp(
  'an item page: a 废止 notice first, attachments with type and size, search hits in attachments, the print view with the full address',
  (h) => {
    it('shows what a citizen needs before opening anything', async () => {
      const org = await makeOrg(h.db(), { name: '县教育局' });
      const editor = await makeUser(h.db(), [['editor', org]]);
      const reviewer = await makeUser(h.db(), [['secrecy_reviewer', org]]);
      const approver = await makeUser(h.db(), [['approver', org]]);
      const { id: oldId } = await createItem(h.ctx(editor.actor), {
        orgId: org.id,
        title: '县教育局学生资助管理办法',
        bodyHtml: '<p>旧办法。</p>',
        genre: '通知',
        disclosureMode: '主动公开',
        writtenOn: '2024-03-01',
        createdOn: '2024-03-01',
      });
      await addAttachment(h.ctx(editor.actor), { itemId: oldId, filename: '资助申请表.pdf', data: PDF });
      await submitItem(h.ctx(editor.actor), oldId);
      await reviewItem(h.ctx(reviewer.actor), { id: oldId, decision: 'approve' });
      await publishItem(h.ctx(approver.actor), { id: oldId });
      const newId = await makePublishedItem(h.db(), (a) => h.ctx(a), org, {
        title: '县教育局学生资助管理办法（2026年修订）',
      });
      await setValidity(h.ctx(approver.actor), {
        id: oldId,
        validity: '废止',
        validityOn: '2026-06-01',
        replacedById: newId,
      });

      const page = (await h.client().get(`/gk/items/${oldId}`)).body;
      const notice = page.indexOf('data-testid="validity-notice"');
      assert.ok(notice > 0 && notice < page.indexOf('class="item-meta"'), 'the notice comes before the metadata table');
      assert.match(
        page,
        new RegExp(
          `<strong>本文件已废止（2026-06-01起），仅供查阅。</strong> 现行文件：<a href="/gk/items/${newId}">县教育局学生资助管理办法（2026年修订）</a>`,
        ),
      );
      assert.match(
        page,
        new RegExp(
          `资助申请表.pdf</a> <span class="muted file-meta">（PDF，${Math.max(1, Math.round(PDF.length / 1024))} KB）</span>`,
        ),
      );
      assert.doesNotMatch((await h.client().get(`/gk/items/${newId}`)).body, /validity-notice/);

      // A search hit found in the attachment's text says so; one in the document itself does not.
      const inPdf = (await h.client().get(`/search?q=${encodeURIComponent('河长制')}`)).body;
      assert.match(inPdf, /共找到 1 条/);
      assert.match(inPdf, /data-testid="in-attachment">附件中的内容</);
      const inBody = (await h.client().get(`/search?q=${encodeURIComponent('旧办法')}`)).body;
      assert.match(inBody, /共找到 1 条/);
      assert.doesNotMatch(inBody, /in-attachment/);

      const print = (await h.client().get(`/gk/items/${oldId}/print`)).body;
      assert.match(
        print,
        new RegExp(`data-testid="print-url">本页网址：${h.config.publicUrl.replace(/[.]/g, '\\.')}/gk/items/${oldId}<`),
      );
      assert.match(print, /<li>资助申请表.pdf （PDF，\d+ KB）<\/li>/);
    });
  },
);
