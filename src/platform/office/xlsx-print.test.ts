import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { colLetter, excelDate, fitColumnWidths, fitRowHeights, setPrint } from './xlsx-print.js';

describe('XLSX print set-up', () => {
  it('column letters and calendar dates (midnight UTC, whatever the machine zone)', () => {
    assert.deepEqual([1, 26, 27, 52, 703].map(colLetter), ['A', 'Z', 'AA', 'AZ', 'AAA']);
    assert.equal(excelDate('2025-09-26')?.toISOString(), '2025-09-26T00:00:00.000Z');
    assert.equal(excelDate('2025-9-26'), null);
    assert.equal(excelDate(null), null);
  });

  it('A4, fit to width with unlimited height, landscape, print titles, print area', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['a', 'b', 'c']);
    setPrint(ws, { landscape: true, titleRows: [1, 2], lastRow: 9, lastCol: 3 });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const p = back.worksheets[0].pageSetup;
    assert.deepEqual(
      [p.paperSize, p.orientation, p.fitToPage, p.fitToWidth, p.fitToHeight, p.printTitlesRow],
      [9, 'landscape', true, 1, 0, '1:2'],
    );
    assert.match(String(p.printArea), /A1:\$?C9/);
  });

  it('widths from the text, heights from the wrapped lines, merged cells included', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['名称', '说明']);
    ws.addRow(['短', '这是一段需要换行才能放下的很长很长的说明文字，共有三十多个汉字需要排版']);
    ws.addRow(['甲', '']);
    ws.addRow(['乙', '']);
    ws.mergeCells('B3:B4');
    ws.getCell('B3').value =
      '一个纵向合并的单元格里有很长的标签文字需要很多行，一共超过四十个汉字，需要在两行的高度里排下五六行';
    fitColumnWidths(ws, { fromRow: 1, lastRow: 4, lastCol: 2, min: 6, max: 20 });
    assert.deepEqual([ws.getColumn(1).width, ws.getColumn(2).width], [6, 20]);
    fitRowHeights(ws, { lastRow: 4, lastCol: 2, fontPt: 11 });
    const h = [1, 2, 3, 4].map((r) => ws.getRow(r).height ?? 0);
    assert.ok(h[1] > h[0] * 2, `the long text's row is several lines tall (${h.join(',')})`);
    assert.ok(h[2] + h[3] >= 5 * 11 * 1.35, 'the merged rows together hold the merged label');
  });
});
