import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { exportReportXlsx } from './export-xlsx.js';
import { exportReportDocx } from './export-docx.js';
import { sampleTables } from './fixtures/sample-tables.js';
import { TABLE3_ROWS_2021 } from './report-format.rules.js';

describe('exports', () => {
  it('XLSX: three sheets, official labels, merged header cells, the same numbers', async () => {
    const t = sampleTables('2021', 41);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportReportXlsx(t, '测试单位2025年')) as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['表二 主动公开', '表三 依申请公开', '表四 复议诉讼']);
    const ws3 = wb.getWorksheet('表三 依申请公开')!;
    // Header: the note cell spans 3 rows × 3 columns; 申请人情况 spans 7 columns.
    assert.match(String(ws3.getCell('A2').value), /勾稽关系/);
    assert.equal(ws3.getCell('C4').master.address, 'A2');
    assert.equal(ws3.getCell('D2').value, '申请人情况');
    assert.equal(ws3.getCell('J2').master.address, 'D2');
    assert.equal(ws3.getCell('E3').value, '法人或其他组织');
    // The 25 data rows, each label then 7 numbers.
    for (let i = 0; i < TABLE3_ROWS_2021.length; i++) {
      const row = ws3.getRow(5 + i);
      const label = [1, 2, 3].map((c) => String(row.getCell(c).value ?? '')).filter((v) => v === TABLE3_ROWS_2021[i].label);
      assert.equal(label.length > 0, true, `row ${i} label ${TABLE3_ROWS_2021[i].label}`);
      const nums = [4, 5, 6, 7, 8, 9, 10].map((c) => row.getCell(c).value);
      assert.deepEqual(nums, t.table3[TABLE3_ROWS_2021[i].key]);
    }
    assert.equal(ws3.getCell('A7').value, '三、本年度办理结果');
    assert.equal(ws3.getCell('A28').master.address, 'A7', '三 spans 22 rows');
    const ws4 = wb.getWorksheet('表四 复议诉讼')!;
    assert.equal(ws4.getCell('F3').value, '未经复议直接起诉');
    assert.deepEqual(Array.from({ length: 15 }, (_, i) => ws4.getRow(5).getCell(i + 1).value), t.table4);
    const ws2 = wb.getWorksheet('表二 主动公开')!;
    assert.equal(ws2.getCell('A2').value, '第二十条第（一）项');
    assert.equal(ws2.getCell('B3').value, '本年制发件数');
    assert.equal(ws2.getCell('A4').value, '规章');
    assert.deepEqual([2, 3, 4].map((c) => ws2.getRow(4).getCell(c).value), t.table2['规章']);
  });

  it('DOCX: merged cells (gridSpan, vMerge), Chinese fonts, the same numbers', async () => {
    const t = sampleTables('2021', 42);
    const zip = await JSZip.loadAsync(await exportReportDocx(t, { title: '测试单位2025年政府信息公开工作年度报告', overview: ['本年度……'], other: ['2025年实际收取信息处理费共计0元。'] }));
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /<w:gridSpan w:val="7"\/>/);
    assert.match(xml, /<w:vMerge w:val="restart"\/>/);
    assert.match(xml, /w:eastAsia="仿宋"/);
    assert.match(xml, /w:eastAsia="宋体"/);
    const tables = xml.split('<w:tbl>').slice(1).map((s) => s.split('</w:tbl>')[0]);
    assert.equal(tables.length, 3);
    const texts = (s: string): string[] => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const t3 = texts(tables[1]);
    for (const r of TABLE3_ROWS_2021) {
      const at = t3.indexOf(r.label);
      assert.ok(at >= 0, r.label);
      assert.deepEqual(t3.slice(at + 1, at + 8).map(Number), t.table3[r.key]);
    }
    const t4 = texts(tables[2]);
    assert.deepEqual(t4.slice(-15).map(Number), t.table4);
    assert.ok(texts(xml).includes('六、其他需要报告的事项'));
  });
});
