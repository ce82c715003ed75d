import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { extractAttachmentText } from './extract-text.js';
import { normalizeText } from './tokenizer.rules.js';
import { foldCjkRadicals } from './cjk-radicals.rules.js';

describe('attachment text', () => {
  it('reads the text of a DOCX', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('关于开展河长制工作的通知')] }),
            new Paragraph('附件：责任清单'),
          ],
        },
      ],
    });
    const text = await extractAttachmentText(await Packer.toBuffer(doc), '通知.docx');
    assert.match(text ?? '', /河长制工作的通知\n附件：责任清单/);
  });

  it('reads the cells of an XLSX', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('预算表');
    ws.addRow(['项目', '金额（万元）']);
    ws.addRow(['乡村道路养护', 120]);
    const text = await extractAttachmentText(Buffer.from(await wb.xlsx.writeBuffer()), '2024年预算.xlsx');
    assert.equal(text, '预算表\n项目 金额（万元）\n乡村道路养护 120');
  });

  it('reads the text of a PDF printed by Chromium with a Noto CJK font (radical forms folded for the index)', async () => {
    // fixtures/notice.pdf: two paragraphs printed to PDF by Chromium; its font maps 长/人/民 to radical code points.
    const text = await extractAttachmentText(
      readFileSync(new URL('./fixtures/notice.pdf', import.meta.url)),
      '通知.pdf',
      'application/pdf',
    );
    assert.ok(text, 'text extracted');
    const norm = normalizeText(text);
    assert.match(norm, /关于河长制工作的通知/);
    assert.match(norm, /各乡镇人民政府:为推进河长制湖长制/);
    assert.match(norm, /乡村振兴/);
  });

  it('folds radical-supplement characters one for one and leaves the rest', () => {
    assert.equal(foldCjkRadicals('河\u2ed3制\u2ea0政\u2eda'), '河长制民政页');
    assert.equal(foldCjkRadicals('氵\u2ea1'), '氵\u2ea1');
    assert.equal(foldCjkRadicals('普通文本'), '普通文本');
  });

  it('answers null for damaged files instead of throwing', async () => {
    assert.equal(await extractAttachmentText(Buffer.from('%PDF-1.4 not really'), 'a.pdf'), null);
    assert.equal(await extractAttachmentText(Buffer.from('not a zip'), 'a.docx'), null);
    assert.equal(await extractAttachmentText(Buffer.from('\uFEFF第一行\n第二行'), 'a.txt'), '第一行\n第二行');
    assert.equal(await extractAttachmentText(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'a.png'), null);
  });
});
