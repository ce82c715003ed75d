import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkReportBytes, checkReportFile } from './check-report.js';
import { sampleTables } from '../fixtures/sample-tables.js';
import { exportReportDocx } from '../export-docx.js';
import { exportReportXlsx } from '../export-xlsx.js';
import { reportTablesHtml } from '../render-html.js';
import { normLabel, readNumber } from './grid.rules.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('report checker: cells and labels', () => {
  it('reads full-width digits, blanks, “—” and text', () => {
    assert.deepEqual(readNumber('１２'), { kind: 'number', value: 12 });
    assert.deepEqual(readNumber(' 1,024 '), { kind: 'number', value: 1024 });
    assert.deepEqual(readNumber('0'), { kind: 'number', value: 0 });
    assert.deepEqual(readNumber('１.５'), { kind: 'number', value: 1.5 });
    assert.deepEqual(readNumber(''), { kind: 'blank' });
    assert.deepEqual(readNumber('—'), { kind: 'blank' });
    assert.deepEqual(readNumber('－'), { kind: 'blank' });
    assert.deepEqual(readNumber('总计'), { kind: 'text' });
  });
  it('normalises punctuation, spacing and full-width forms', () => {
    assert.equal(
      normLabel('（二）部分公开（区分处理的，只计这一情形）'),
      normLabel('(二) 部分公开(区分处理的,只计这一情形)'),
    );
    assert.equal(normLabel('1. 属于国家秘密'), normLabel('１．属于国家秘密'));
  });
});

describe('report checker: HTML fixtures', () => {
  it('a consistent 2021 report inside a wrapper table, with full-width digits, blanks and “—”', async () => {
    const r = await checkReportFile(fixture('r2021-consistent.html'));
    assert.equal(r.verdict, 'consistent', JSON.stringify(r.violations));
    assert.equal(r.format, '2021');
    assert.deepEqual(r.found, { table2: true, table3: true, table4: true });
    assert.equal(r.tables?.table3['3.5'][0], null);
    assert.equal(r.tables?.table3.total[6], 177);
    assert.equal(r.tables?.table2['行政规范性文件']?.length, 3);
    assert.equal(r.tables?.table2['行政许可']?.length, 1);
    assert.deepEqual(r.missing, []);
    assert.match(r.summary, /^一致：/);
  });
  it('table 四 totals printed as 0 are reported with the cell and the numbers', async () => {
    const r = await checkReportFile(fixture('r2021-table4-error.html'));
    assert.equal(r.verdict, 'inconsistent');
    assert.deepEqual(
      r.violations.map((v) => [v.table, v.row, v.column, v.expected, v.actual]),
      [
        ['四', '行政复议', '总计', 11, 0],
        ['四', '复议后起诉', '总计', 5, 0],
      ],
    );
    assert.match(r.violations[0].message, /表四“行政复议”的“总计”应为 11/);
  });
  it('a 2019-format report (single （六）其他处理 row, 5-block table 二)', async () => {
    const r = await checkReportFile(fixture('r2019.html'));
    assert.equal(r.verdict, 'consistent', JSON.stringify(r.violations));
    assert.equal(r.format, '2019');
    assert.ok(r.tables?.table3['6']);
    assert.ok(r.tables?.table2['政府集中采购']);
  });
  it('checks this year against last year: 二 must equal last year 四', async () => {
    const prev = sampleTables('2021', 99);
    const r = await checkReportFile(fixture('r2021-consistent.html'), prev);
    const same = prev.table3.next.every((x, c) => x === r.tables?.table3.carried[c]);
    assert.equal(
      r.violations.some((v) => v.code === 'carry_over'),
      !same,
    );
  });
  it('a 2021 table 二 with a 2019-style table 三 is read and noted', async () => {
    const t = sampleTables('2019', 5);
    const t2 = sampleTables('2021', 5);
    const html =
      reportTablesHtml({ ...t2, format: '2021' }).split('<h2>三')[0] +
      '<h2>三</h2>' +
      reportTablesHtml(t).split('<h2>三')[1];
    const r = await checkReportBytes(Buffer.from(html), 'mixed.html');
    assert.equal(r.format, '2019');
    assert.match(r.formatNote ?? '', /表二为2021年格式.*表三为2019年格式/);
    assert.equal(r.verdict, 'consistent', JSON.stringify(r.violations));
  });
  it('a break in table 三 names the row and column', async () => {
    const t = sampleTables('2021', 21);
    t.table3['4.1'][2] = (t.table3['4.1'][2] ?? 0) + 3;
    const r = await checkReportBytes(Buffer.from(reportTablesHtml(t)), 'x.html');
    assert.equal(r.verdict, 'inconsistent');
    assert.deepEqual(r.violations.map((v) => `${v.code}|${v.row}|${v.column}`).sort(), [
      'outcome_total|（七）总计|科研机构',
      'row_total|1.本机关不掌握相关政府信息|总计',
    ]);
  });
});

describe('report checker: DOCX and XLSX', () => {
  it('a DOCX generated with the docx package is read back (w:gridSpan and w:vMerge merged cells)', async () => {
    const t = sampleTables('2021', 31);
    const buf = await exportReportDocx(t, { title: '测试单位2025年政府信息公开工作年度报告', overview: ['（示例）'] });
    const r = await checkReportBytes(buf, 'report.docx');
    assert.equal(r.kind, 'docx');
    assert.equal(r.verdict, 'consistent', JSON.stringify([r.violations, r.missing]));
    assert.deepEqual(r.tables?.table3, t.table3);
    assert.deepEqual(r.tables?.table4, t.table4);
    assert.deepEqual(r.tables?.table2, t.table2);
  });
  it('an XLSX generated with exceljs is read back (merged ranges)', async () => {
    const t = sampleTables('2019', 32);
    t.table4[4] = 0;
    const buf = await exportReportXlsx(t, '测试单位2019年');
    const r = await checkReportBytes(buf, 'report.xlsx');
    assert.equal(r.kind, 'xlsx');
    assert.equal(r.format, '2019');
    assert.deepEqual(r.tables?.table3, t.table3);
    assert.deepEqual(r.tables?.table2, t.table2);
    assert.equal(r.verdict, t.table4.slice(0, 4).some((x) => x) ? 'inconsistent' : 'consistent');
  });
});

describe('report checker: unreadable input never crashes', () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['empty.html', Buffer.alloc(0), /文件为空/],
    ['x.pdf', Buffer.from('%PDF-1.7 …'), /PDF 文件已损坏/],
    ['x.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /无法解压/],
    ['x.bin', Buffer.from([1, 0, 2, 0, 3]), /无法识别的文件格式/],
    ['x.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /旧版 Office/],
    ['notes.html', Buffer.from('<html><body><p>没有表格</p></body></html>'), /文件中没有表格/],
    ['other.html', Buffer.from('<table><tr><td>甲</td><td>1</td></tr></table>'), /未找到表三/],
  ];
  for (const [name, buf, re] of cases)
    it(`${name}: clear Chinese message`, async () => {
      const r = await checkReportBytes(buf, name);
      assert.equal(r.verdict, 'undetermined');
      assert.match(r.summary, re);
    });
  it('a missing file', async () => {
    const r = await checkReportFile('/nonexistent/report.html');
    assert.equal(r.verdict, 'undetermined');
    assert.match(r.summary, /文件不存在：report\.html/);
  });
  it('a GB18030-encoded page is decoded', async () => {
    const html = `<html><head><meta charset="gb2312"></head><body>${reportTablesHtml(sampleTables('2021', 3))}</body></html>`;
    const gb = readFileSync(fixture('r2019.html')).length > 0 ? encodeGb(html) : Buffer.alloc(0);
    const r = await checkReportBytes(gb, 'gb.html');
    assert.equal(r.verdict, 'consistent');
  });
});

/** Minimal GB18030 encoder for the test (via TextDecoder's table): Chinese chars through a lookup. */
function encodeGb(s: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  const need = new Set([...s].filter((ch) => ch.charCodeAt(0) > 0x7f));
  for (let hi = 0x81; hi <= 0xfe && map.size < need.size; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = dec.decode(Uint8Array.from([hi, lo]));
      if (need.has(ch) && !map.has(ch)) map.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) <= 0x7f) out.push(ch.charCodeAt(0));
    else out.push(...(map.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}
