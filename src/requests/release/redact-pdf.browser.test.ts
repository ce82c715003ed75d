/**
 * PDF redaction on real files printed by Chromium: one of Gongkai's own pages (the annual report page of
 * the reports capability) and a three-page letter in Chinese with a 身份证号, a 手机号 and a third party's
 * name, which also carries a title and author, an XMP-free info dictionary, a text annotation, a form
 * field, document JavaScript and an attached file. The released copy is read back with PDF.js and with
 * Debian's `pdftotext` (an independent extractor): no redacted string remains anywhere, unredacted pages
 * keep their text, the boxes are opaque (the page image holds only black there; rendered by `pdftoppm`,
 * the box's edges are black and its reason is printed in white) and nothing but the pages is left.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { browserSkip, launch } from '../../../test/browser/browser.js';
import { printPdf, reportPage } from '../../reports/fixtures/pdf-corpus.js';
import { sampleTables } from '../../reports/fixtures/sample-tables.js';
import { openPdf } from '../../platform/pdf.js';
import { AppError } from '../../platform/errors.js';
import { decodePng } from './raster.js';
import { findInPdf } from './find-in-pdf.js';
import { pdfPageSizes, redactPdf } from './redact-pdf.js';
import type { RedactionBox } from './redaction.rules.js';

const ID = '11010519491231002X';
const MOBILE = '13812345678';
const NAME = '欧阳明远';
const SECRET = '内部讨论记录第七稿';

const LETTER = `<!doctype html><html><head><meta charset="utf-8"><style>
body{font-family:"Noto Serif CJK SC",serif;font-size:14pt} section{page-break-after:always} p{margin:0 0 12pt}
</style></head><body>
<section><h1>政府信息公开申请答复材料</h1><p>本页为公开内容，载明项目名称、建设地点和批准文号。</p><p>示例县交通运输局公路养护工程批复。</p></section>
<section><p>第三方${NAME}的身份证号为${ID}，联系电话${MOBILE}。</p><p>以上个人信息依法不予公开，其余内容予以公开。</p></section>
<section><p>会议讨论情况：${SECRET}，尚未形成决定。</p><p>本页其余内容公开：工程预算总额一百二十万元。</p></section>
</body></html>`;

let dir = '';
const file = (name: string, data: Uint8Array): string => {
  const f = path.join(dir, name);
  writeFileSync(f, data);
  return f;
};
const pdftotext = (data: Uint8Array): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file('t.pdf', data), '-'], { encoding: 'utf8' });

async function pageTexts(data: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(Buffer.from(data));
  try {
    const out: string[] = [];
    for (let n = 1; n <= pdf.doc.numPages; n++) {
      const c = await (await pdf.doc.getPage(n)).getTextContent();
      out.push(c.items.map((i) => ('str' in i ? i.str : '')).join(''));
    }
    return out;
  } finally {
    await pdf.close();
  }
}

/** Adds what a released copy must not carry: metadata, an annotation, a form field, JavaScript, an attachment. */
async function withExtras(pdf: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  doc.setTitle('机密标题TITLESECRET');
  doc.setAuthor('起草人AUTHORSECRET');
  doc.addJavaScript('leak', 'app.alert("JSSECRET")');
  await doc.attach(Buffer.from('ATTACHSECRET'), 'secret.txt', { mimeType: 'text/plain', description: 'ATTACHSECRET' });
  const p1 = doc.getPage(0);
  const field = doc.getForm().createTextField('f');
  field.setText('FORMSECRET');
  field.addToPage(p1, { x: 40, y: 40, width: 200, height: 24 });
  const note = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Text',
    Rect: [50, 700, 70, 720],
    Contents: PDFHexString.fromText('NOTESECRET'),
  });
  const annots = p1.node.Annots();
  if (annots) annots.push(doc.context.register(note));
  else p1.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(note)]));
  return Buffer.from(await doc.save());
}

describe('PDF redaction removes the content', { skip: browserSkip }, () => {
  let letter: Buffer;
  let report: Buffer;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gk-redact-test-'));
    const b = await launch();
    try {
      const page = await b.browser.newPage();
      letter = await withExtras(await printPdf(page, LETTER));
      report = await printPdf(
        page,
        reportPage(sampleTables('2021', 7), '示例县人民政府2025年政府信息公开工作年度报告'),
      );
    } finally {
      await b.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('search proposes the 身份证号, the 手机号 and the third party on page 2, and typed text where it is', async () => {
    const found = await findInPdf(letter, { names: [NAME], terms: [SECRET] });
    assert.deepEqual(
      found.map((f) => [f.page, f.kind, f.text]),
      [
        [2, 'name', NAME],
        [2, 'id_number', ID],
        [2, 'mobile', MOBILE],
        [3, 'text', SECRET],
      ],
    );
    const sizes = await pdfPageSizes(letter);
    for (const f of found)
      assert.ok(
        f.x >= 0 && f.y >= 0 && f.x + f.w <= sizes[0]!.width && f.w > 20 && f.h > 10 && f.h < 40,
        JSON.stringify(f),
      );
  });

  it('the letter: no redacted string anywhere, page 1 keeps its text, boxes opaque, only the pages left', async () => {
    const found = await findInPdf(letter, { names: [NAME], terms: [SECRET] });
    const boxes: RedactionBox[] = found.map(({ page, x, y, w, h }, i) => ({
      page,
      x,
      y,
      w,
      h,
      reason: i === 3 ? 'art16_2' : 'art15',
    }));
    const before = await pageTexts(letter);
    assert.ok(before[1]!.includes(ID) && pdftotext(letter).includes(ID), 'the fixture holds the number');
    const out = await redactPdf(letter, boxes);

    const after = await pageTexts(out);
    assert.equal(after.length, 3);
    assert.equal(after[0], before[0], 'the unredacted page keeps its text');
    const text = pdftotext(out);
    assert.match(text, /本页为公开内容/);
    for (const s of [
      ID,
      MOBILE,
      NAME,
      SECRET,
      '102X',
      '5678',
      'TITLESECRET',
      'AUTHORSECRET',
      'JSSECRET',
      'ATTACHSECRET',
      'FORMSECRET',
      'NOTESECRET',
    ]) {
      assert.ok(!after.join('').includes(s), `PDF.js finds ${s}`);
      assert.ok(!text.includes(s), `pdftotext finds ${s}`);
    }
    const raw = out.toString('latin1');
    for (const s of [
      'TITLESECRET',
      'JSSECRET',
      'ATTACHSECRET',
      'FORMSECRET',
      'NOTESECRET',
      '/JavaScript',
      '/EmbeddedFile',
      '/AcroForm',
      '/Annots',
      '/Metadata',
      '/Info',
    ])
      assert.ok(!raw.includes(s), `the file holds ${s}`);

    const pdf = await openPdf(out);
    try {
      const meta = await pdf.doc.getMetadata();
      assert.equal((meta.info as { Title?: string }).Title, undefined);
      assert.equal(meta.metadata, null);
      assert.equal(await pdf.doc.getAttachments(), null);
      assert.equal(await pdf.doc.getJSActions(), null);
      assert.equal(await pdf.doc.getFieldObjects(), null);
      for (let n = 1; n <= 3; n++) assert.deepEqual(await (await pdf.doc.getPage(n)).getAnnotations(), []);
    } finally {
      await pdf.close();
    }

    // The page image holds nothing but black inside each box (the reason is drawn over it, not in it).
    execFileSync('pdfimages', ['-png', '-f', '2', '-l', '2', file('o.pdf', out), path.join(dir, 'img')]);
    const [imgFile] = readdirSync(dir).filter((f) => f.startsWith('img'));
    const img = decodePng(readFileSync(path.join(dir, imgFile!)));
    const size = (await pdfPageSizes(out))[1]!;
    const k = img.width / size.width;
    for (const b of boxes.filter((x) => x.page === 2)) {
      let checked = 0;
      const notBlack: string[] = [];
      for (let y = Math.ceil(b.y * k) + 1; y < Math.floor((b.y + b.h) * k) - 1; y++)
        for (let x = Math.ceil(b.x * k) + 1; x < Math.floor((b.x + b.w) * k) - 1; x++) {
          const i = (y * img.width + x) * 4;
          checked++;
          if (img.data[i] !== 0 || img.data[i + 1] !== 0 || img.data[i + 2] !== 0) notBlack.push(`${x},${y}`);
        }
      assert.ok(checked > 500, 'the box covers pixels');
      assert.deepEqual(notBlack.slice(0, 5), [], `page 2's image is black inside the box`);
    }
    // Rendered: the box's top and bottom rows are black; its middle has the white reason.
    execFileSync('pdftoppm', [
      '-r',
      '100',
      '-f',
      '3',
      '-l',
      '3',
      '-png',
      '-singlefile',
      file('o.pdf', out),
      path.join(dir, 'r3'),
    ]);
    const r3 = decodePng(readFileSync(path.join(dir, 'r3.png')));
    const s = r3.width / size.width;
    const b3 = boxes[3]!;
    const px = (x: number, y: number) => r3.data[(Math.round(y) * r3.width + Math.round(x)) * 4]!;
    let white = 0;
    for (let x = (b3.x + 2) * s; x < (b3.x + b3.w - 2) * s; x++) {
      assert.ok(px(x, (b3.y + 1) * s) < 40 && px(x, (b3.y + b3.h - 1) * s) < 40, `rendered box edge at x=${x}`);
      if (px(x, (b3.y + b3.h / 2) * s) > 200) white++;
    }
    assert.ok(white > 5, 'the reason is printed in the box');
  });

  it('one of our own pages (the annual report): a drawn box on page 1 only; the other pages keep their text layer', async () => {
    const before = await pageTexts(report);
    assert.ok(before.length >= 2, 'several pages');
    const [hit] = await findInPdf(report, { terms: ['统计期限'] });
    assert.equal(hit?.page, 1);
    const drawn: RedactionBox = {
      page: 1,
      x: hit.x - 10,
      y: hit.y - 4,
      w: hit.w + 60,
      h: hit.h + 8,
      reason: 'art16_1',
    };
    const out = await redactPdf(report, [drawn]);
    const after = await pageTexts(out);
    assert.equal(after.length, before.length);
    assert.deepEqual(after.slice(1), before.slice(1));
    assert.equal(after[0], '', 'the rebuilt page is an image');
    assert.ok(!pdftotext(out).includes('统计期限'));
    assert.match(pdftotext(out), /部分公开/);
  });

  it('refuses boxes outside the page, without a reason, and files that are not PDF, with Chinese messages', async () => {
    await assert.rejects(
      redactPdf(letter, [{ page: 4, x: 1, y: 1, w: 5, h: 5, reason: 'art15' }]),
      (e: AppError) => e.errors[0]!.code === 'redaction_page' && /页码/.test(e.errors[0]!.message),
    );
    await assert.rejects(
      redactPdf(letter, [{ page: 1, x: 1, y: 1, w: 5, h: 5, reason: '' }]),
      (e: AppError) => e.errors[0]!.code === 'redaction_reason',
    );
    await assert.rejects(
      redactPdf(Buffer.from('not a pdf'), []),
      (e: AppError) => e.errors[0]!.code === 'release_pdf_unreadable',
    );
  });
});
