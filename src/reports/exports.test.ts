import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { exportReportXlsx } from './export-xlsx.js';
import { exportReportDocx } from './export-docx.js';
import { sampleTables } from './fixtures/sample-tables.js';
import { TABLE3_ROWS_2021, type ReportFormat } from './report-format.rules.js';
import { checkReportBytes } from './checker/check-report.js';

describe('exports', () => {
  it('XLSX: three sheets, official labels, merged header cells, the same numbers', async () => {
    const t = sampleTables('2021', 41);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportReportXlsx(t, '测试单位2025年')) as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['表二 主动公开', '表三 依申请公开', '表四 复议诉讼'],
    );
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
      const label = [1, 2, 3]
        .map((c) => String(row.getCell(c).value ?? ''))
        .filter((v) => v === TABLE3_ROWS_2021[i].label);
      assert.equal(label.length > 0, true, `row ${i} label ${TABLE3_ROWS_2021[i].label}`);
      const nums = [4, 5, 6, 7, 8, 9, 10].map((c) => row.getCell(c).value);
      assert.deepEqual(nums, t.table3[TABLE3_ROWS_2021[i].key]);
    }
    assert.equal(ws3.getCell('A7').value, '三、本年度办理结果');
    assert.equal(ws3.getCell('A28').master.address, 'A7', '三 spans 22 rows');
    const ws4 = wb.getWorksheet('表四 复议诉讼')!;
    assert.equal(ws4.getCell('F3').value, '未经复议直接起诉');
    assert.deepEqual(
      Array.from({ length: 15 }, (_, i) => ws4.getRow(5).getCell(i + 1).value),
      t.table4,
    );
    const ws2 = wb.getWorksheet('表二 主动公开')!;
    assert.equal(ws2.getCell('A2').value, '第二十条第（一）项');
    assert.equal(ws2.getCell('B3').value, '本年制发件数');
    assert.equal(ws2.getCell('A4').value, '规章');
    assert.deepEqual(
      [2, 3, 4].map((c) => ws2.getRow(4).getCell(c).value),
      t.table2['规章'],
    );
  });

  it('DOCX: merged cells (gridSpan, vMerge), Chinese fonts, the same numbers', async () => {
    const t = sampleTables('2021', 42);
    const zip = await JSZip.loadAsync(
      await exportReportDocx(t, {
        title: '测试单位2025年政府信息公开工作年度报告',
        overview: ['本年度……'],
        other: ['2025年实际收取信息处理费共计0元。'],
      }),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /<w:gridSpan w:val="7"\/>/);
    assert.match(xml, /<w:vMerge w:val="restart"\/>/);
    assert.match(xml, /w:eastAsia="仿宋"/);
    assert.match(xml, /w:eastAsia="宋体"/);
    const tables = xml
      .split('<w:tbl>')
      .slice(1)
      .map((s) => s.split('</w:tbl>')[0]);
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

  it('XLSX prints: A4 at the page width, landscape for 表四, title and header rows repeated, widths and heights set', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportReportXlsx(sampleTables('2021', 43), '测试单位2025年')) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) {
      assert.equal(ws.pageSetup.paperSize, 9, `${ws.name}: A4`);
      assert.equal(ws.pageSetup.fitToPage, true);
      assert.equal(ws.pageSetup.fitToWidth, 1);
      assert.equal(ws.pageSetup.fitToHeight, 0);
    }
    const [ws2, ws3, ws4] = wb.worksheets;
    assert.deepEqual(
      [ws2.pageSetup.orientation, ws3.pageSetup.orientation, ws4.pageSetup.orientation],
      ['portrait', 'portrait', 'landscape'],
    );
    assert.equal(ws3.pageSetup.printTitlesRow, '1:4');
    assert.equal(ws3.pageSetup.printArea, 'A1:J29');
    assert.deepEqual(
      [1, 2, 3, 4].map((c) => ws3.getColumn(c).width),
      [4, 10, 28, 8],
    );
    // The two-line label “（二）部分公开（区分处理的，…）” gets a taller row than a one-line label.
    assert.ok((ws3.getRow(8).height ?? 0) > (ws3.getRow(7).height ?? 0), 'wrapped label row is taller');
    // The 22 rows under “三、本年度办理结果” are together tall enough for its wrapped label (9 lines).
    const under = Array.from({ length: 22 }, (_, i) => ws3.getRow(7 + i).height ?? 0).reduce((a, b) => a + b, 0);
    assert.ok(under >= 9 * 13.5, `rows under 三 ${under}pt`);
  });

  it('DOCX prints: GB/T 9704 page, fonts with zh-CN tags and fallbacks, fixed lines, widths per column, repeated headers without body merges', async () => {
    const zip = await JSZip.loadAsync(
      await exportReportDocx(sampleTables('2021', 44), {
        title: '测试单位2025年政府信息公开工作年度报告',
        overview: ['本年度……'],
      }),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    assert.match(xml, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    assert.match(xml, /<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
    const spacings = [...xml.matchAll(/<w:spacing [^>]*w:line="\d+"[^>]*\/>/g)].map((m) => m[0]);
    assert.ok(spacings.length > 50);
    assert.deepEqual(
      spacings.filter((sp) => !/w:lineRule="(exact|auto)"/.test(sp)),
      [],
      'every line height says how to read it',
    );
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    assert.match(fonts, /<w:font w:name="仿宋"><w:altName w:val="FangSong"\/>/);
    assert.match(fonts, /<w:font w:name="宋体"><w:altName w:val="SimSun"\/>/);
    const t3 = xml.split('<w:tbl>')[2].split('</w:tbl>')[0];
    const widths = [...t3.split('</w:tblGrid>')[0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    assert.equal(widths.length, 10);
    assert.ok(
      widths[2] > 2 * widths[3] && widths[3] > widths[0],
      `label column wider than number columns: ${widths.join(',')}`,
    );
    const rows = t3.split('<w:tr>').slice(1);
    assert.deepEqual(rows.map((r) => r.includes('<w:tblHeader/>')).slice(0, 5), [true, true, true, false, false]);
    assert.ok(rows.every((r) => r.includes('<w:cantSplit/>')));
    assert.deepEqual(
      rows.slice(3).filter((r) => r.includes('w:vMerge')),
      [],
      'no vertical merge below the header',
    );
    // The heading before each table is kept with it.
    assert.match(xml, /<w:keepNext\/>(?:(?!<\/w:p>).)*三、收到和处理政府信息公开申请情况/);
  });

  for (const format of ['2021', '2019'] as ReportFormat[]) {
    it(`our own checker reads the ${format} DOCX and XLSX back as 勾稽关系一致`, async () => {
      const t = sampleTables(format, 45);
      const docx = await checkReportBytes(
        await exportReportDocx(t, { title: '测试单位2025年政府信息公开工作年度报告' }),
        'r.docx',
      );
      const xlsx = await checkReportBytes(await exportReportXlsx(t, '测试单位2025年'), 'r.xlsx');
      for (const r of [docx, xlsx]) {
        assert.equal(r.verdict, 'consistent', r.summary);
        assert.deepEqual(r.tables?.table3, t.table3);
        assert.deepEqual(r.tables?.table4, t.table4);
      }
    });
  }
});
