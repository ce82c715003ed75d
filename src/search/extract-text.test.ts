import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { extractAttachmentText } from './extract-text.js';

describe('attachment text', () => {
  it('reads the text of a DOCX', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('关于开展河长制工作的通知')] }), new Paragraph('附件：责任清单')] }] });
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

  it('answers null for PDF and damaged files instead of throwing', async () => {
    assert.equal(await extractAttachmentText(Buffer.from('%PDF-1.4'), 'a.pdf'), null);
    assert.equal(await extractAttachmentText(Buffer.from('not a zip'), 'a.docx'), null);
    assert.equal(await extractAttachmentText(Buffer.from('\uFEFF第一行\n第二行'), 'a.txt'), '第一行\n第二行');
  });
});
