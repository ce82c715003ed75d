/**
 * The printable HTML letter printed by Chromium (its print CSS, public/css/letter.css): A4 pages, the title
 * centred in the GB/T 9704 type area, signer and date at the right four characters in, page numbers — as
 * the DOCX. The page's stylesheets are inlined so no server is needed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { browserSkip, launch } from '../../../test/browser/browser.js';
import { isA4, lineWith, pdfPages, textLines, type PdfPage, type TextLine } from '../../../test/render/render.js';
import { renderDocument } from '../../platform/http/render.js';
import { answerLetter } from '../../requests/letters.rules.js';
import { LetterDocument } from '../../requests/views/letter-view.js';

const PT_PER_MM = 72 / 25.4;
const AREA_LEFT = 28 * PT_PER_MM;
const AREA_RIGHT = (28 + 156) * PT_PER_MM;
const centre = (l: TextLine): number => (l.left + l.right) / 2;
const letter = {
  ...answerLetter(
    {
      requestNo: 'YSQ-2025-000123',
      applicantName: '张三',
      orgName: '示例县交通运输局',
      receivedOn: '2025-09-26',
      infoWanted: '示例县2026年老旧小区改造项目清单',
    },
    {
      on: '2025-10-30',
      outcome: '1',
      basis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
      text: '现将所申请的信息提供给您。'.repeat(12),
    },
  ),
  docNo: '示交公开〔2025〕6号',
  cc: ['县政府办公室'],
};

describe('printable letter in Chromium', { skip: browserSkip }, () => {
  let pages: PdfPage[] = [];
  let close: () => Promise<void> = async () => undefined;
  before(async () => {
    const b = await launch();
    close = b.close;
    const css = ['site.css', 'letter.css']
      .map((f) => readFileSync(new URL(`../../../public/css/${f}`, import.meta.url), 'utf8'))
      .join('\n');
    const html = renderDocument(<LetterDocument letter={letter} />)
      .replace(/<link rel="stylesheet"[^>]*>/g, '')
      .replace('</head>', `<style>${css}</style></head>`);
    const page = await b.browser.newPage();
    await page.setContent(html);
    pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  });
  after(() => close());

  it('A4 pages with the GB/T 9704 type area, title and 发文字号 centred, signer over the date at the right, page numbers', () => {
    assert.ok(pages.length >= 1 && pages.every(isA4), 'A4');
    const first = pages[0];
    const title = lineWith(first, letter.title)!;
    assert.ok(
      Math.abs(title.size - 22) < 0.6 && Math.abs(centre(title) - (AREA_LEFT + AREA_RIGHT) / 2) < 6,
      'title 二号, centred',
    );
    assert.ok(Math.abs(title.top - 37 * PT_PER_MM) < 12, `title at the top of the type area (${title.top})`);
    assert.ok(Math.abs(centre(lineWith(first, letter.docNo)!) - (AREA_LEFT + AREA_RIGHT) / 2) < 6, '发文字号 centred');
    const last = pages.at(-1)!;
    const date = lineWith(last, '2025年10月30日')!;
    const signer = textLines(last).find((l) => l.text === letter.signer)!;
    assert.ok(signer && signer.top < date.top, 'signer above the date');
    assert.ok(
      Math.abs(Math.max(date.right, signer.right) - (AREA_RIGHT - 64)) < 6,
      `four characters from the right (${AREA_RIGHT - date.right})`,
    );
    assert.ok(Math.abs(centre(signer) - centre(date)) < 2, 'signer centred over the date');
    assert.ok(lineWith(last, '抄送：县政府办公室。'), '抄送');
    pages.forEach((p, i) => {
      const num = textLines(p).find((l) => /^—\s*\d+\s*—$/.test(l.text) && l.top > p.height - 35 * PT_PER_MM);
      assert.ok(num, `page ${i + 1} numbered`);
      assert.ok(i % 2 === 0 ? num.right > AREA_RIGHT - 30 : num.left < AREA_LEFT + 30, 'at the outer edge');
    });
  });
});
