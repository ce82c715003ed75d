/**
 * Rendering tier: the annual report's DOCX (2021 and 2019 formats) and XLSX converted by LibreOffice and
 * checked on the PDF: A4 pages, table 三's three header rows on every page it runs over, labels on whole
 * lines (never one character a line), no overlapping text, headings never stranded at a page foot, no
 * blank pages, table 四 landscape in the workbook.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isA4,
  overlaps,
  render,
  renderSkip,
  textLines,
  type PdfPage,
  type Rendered,
} from '../../test/render/render.js';
import { exportReportDocx } from './export-docx.js';
import { exportReportXlsx } from './export-xlsx.js';
import { sampleTables } from './fixtures/sample-tables.js';
import { SECTION_TITLES, table3Rows, type ReportFormat } from './report-format.rules.js';

const PARA =
  '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕中心工作，不断加大政府信息主动公开力度，依法做好依申请公开工作，政府信息公开工作取得新的成效。';
const TITLE = '示例县交通运输局2025年政府信息公开工作年度报告';
/** Overviews of several lengths, so that table 三 starts at different heights and runs over a page. */
const VARIANTS: Array<[string, ReportFormat, number]> = [
  ['2021-a', '2021', 2],
  ['2021-b', '2021', 4],
  ['2021-c', '2021', 6],
  ['2019-a', '2019', 4],
];
const HEADERS = ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '总计'];
const norm = (s: string): string => s.replace(/\s+/g, '');
/** The first characters of a label that must stand together on one line. */
const head = (label: string): string => norm(label).slice(0, Math.min(6, norm(label).length));

const pageText = (p: PdfPage): string[] => textLines(p).map((l) => norm(l.text));
const leafPages = (r: Rendered, format: ReportFormat): number[] =>
  r.pages.flatMap((p, i) =>
    table3Rows(format).some((row) => row.kind === 'leaf' && pageText(p).some((l) => l.includes(head(row.label))))
      ? [i]
      : [],
  );

describe('annual report files as printed by LibreOffice', { skip: renderSkip }, () => {
  let out: Map<string, Rendered>;
  before(async () => {
    const files = await Promise.all(
      VARIANTS.map(async ([name, format, n]) => ({
        name: `report-${name}.docx`,
        data: await exportReportDocx(sampleTables(format, 3), {
          title: TITLE,
          overview: Array.from({ length: n }, () => PARA),
          problems: [PARA],
          other: ['本年度本机关未收取信息处理费。'],
        }),
      })),
    );
    files.push({
      name: 'report-2021.xlsx',
      data: await exportReportXlsx(sampleTables('2021', 3), '示例县交通运输局2025年'),
    });
    out = await render('reports', files);
  });

  for (const [name, format] of VARIANTS) {
    it(`DOCX ${name}: A4, table 三 headers on each of its pages, whole-line labels, nothing overlapping, no stranded heading`, () => {
      const r = out.get(`report-${name}.docx`)!;
      assert.ok(r.pages.every(isA4), 'A4');
      for (const [i, p] of r.pages.entries()) assert.deepEqual(overlaps(p), [], `page ${i + 1}: no overlapping text`);
      const pages = leafPages(r, format);
      assert.ok(pages.length >= 1);
      for (const i of pages) {
        const lines = textLines(r.pages[i]);
        const firstLeaf = lines.findIndex((l) =>
          table3Rows(format).some((row) => row.kind === 'leaf' && norm(l.text).includes(head(row.label))),
        );
        for (const h of HEADERS) {
          const at = lines.findIndex((l) => norm(l.text).includes(h));
          assert.ok(at >= 0 && at < firstLeaf, `page ${i + 1}: “${h}” above the rows`);
        }
      }
      for (const row of table3Rows(format))
        assert.ok(
          r.pages.some((p) => pageText(p).some((l) => l.includes(head(row.label)))),
          `“${row.label}” starts on one line`,
        );
      for (const title of SECTION_TITLES) {
        const i = r.pages.findIndex((p) => pageText(p).includes(norm(title)));
        assert.ok(i >= 0, `${title} printed`);
        const lines = textLines(r.pages[i]);
        const at = lines.findIndex((l) => norm(l.text) === norm(title));
        const after = lines.slice(at + 1).filter((l) => !/^—\s*\d+\s*—$/.test(l.text));
        assert.ok(after.length >= 1, `${title} is followed by its content on page ${i + 1}`);
      }
      // Table 四 (three header rows and one data row) on one page.
      const t4 = r.pages.filter((p) =>
        pageText(p).some((l) => l.includes('未经复议直接起诉') || l.includes('复议后起诉')),
      );
      assert.equal(t4.length, 1, 'table 四 whole on one page');
    });
  }

  it('table 三 runs over a page break in at least one layout, and its headers repeat there', () => {
    const over = VARIANTS.filter(([name, format]) => leafPages(out.get(`report-${name}.docx`)!, format).length > 1);
    assert.ok(over.length >= 1, 'a layout where table 三 spans two pages');
  });

  it('XLSX: A4 pages, 表四 landscape, headers on every 表三 page, labels on whole lines, no blank page, nothing overlapping', () => {
    const r = out.get('report-2021.xlsx')!;
    assert.ok(r.pages.every(isA4), 'A4');
    for (const [i, p] of r.pages.entries()) {
      assert.ok(textLines(p).length >= 3, `page ${i + 1} is not blank`);
      assert.deepEqual(overlaps(p), [], `page ${i + 1}: no overlapping text`);
    }
    const pages = leafPages(r, '2021');
    for (const i of pages)
      for (const h of HEADERS)
        assert.ok(
          pageText(r.pages[i]).some((l) => l.includes(h)),
          `page ${i + 1}: ${h}`,
        );
    for (const row of table3Rows('2021'))
      assert.ok(
        r.pages.some((p) => pageText(p).some((l) => l.includes(head(row.label)))),
        `“${row.label}” starts on one line`,
      );
    const t4 = r.pages.find((p) => pageText(p).some((l) => l.includes('未经复议直接起诉')))!;
    assert.ok(t4.width > t4.height, '表四 landscape');
    assert.equal(r.pages.length, 3, 'one page per table');
  });
});
