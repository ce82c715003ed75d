/**
 * The annual report as DOCX, laid out like 国办公开办函〔2021〕30号 and printed after GB/T 9704-2012: A4
 * with the standard type area, title in 小标宋 二号, headings in 黑体 三号 kept with what follows, text in
 * 仿宋 三号 on fixed 28 pt lines, tables 二, 三, 四 in 宋体 小五 with a width per column, rows that never
 * split, table 三's and 四's three header rows repeated on every page, no vertical merge below a header
 * (table-print.rules.ts), page numbers.
 */
import {
  BorderStyle,
  HeightRule,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type Paragraph,
} from 'docx';
import { cjkParagraph, gongwenDocument, gongwenSection, packDocx } from '../platform/office/gongwen-docx.js';
import { FIRST_LINE_INDENT, TITLE_LINE, TYPE_SIZE, mm } from '../platform/office/gongwen.rules.js';
import type { ReportTables } from './report-format.rules.js';
import { reportLayouts, type LayoutTable } from './table-layout.js';
import { printRows, printSpec, unitsIn, type PrintCell } from './table-print.rules.js';

/** Narrative parts printed around the tables. */
export interface DocxReportText {
  title: string;
  /** Section 一 (总体情况), 五 and 六: paragraphs. */
  overview?: string[];
  problems?: string[];
  other?: string[];
}

const CELL_PT = TYPE_SIZE.small5;
const CELL_LINE = 260; // 13 pt lines for 小五
const ROW_MIN = mm(6);
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

function cellOf(c: PrintCell, widths: number[]): TableCell {
  const span = c.cs ?? 1;
  const width = widths.slice(c.col, c.col + span).reduce((a, b) => a + b, 0);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    rowSpan: (c.rs ?? 1) > 1 ? c.rs : undefined,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    borders: { left: LINE, right: LINE, top: c.top ? LINE : NONE, bottom: c.bottom ? LINE : NONE },
    children: [
      cjkParagraph(c.text, {
        font: 'song',
        size: CELL_PT,
        bold: c.header,
        line: CELL_LINE,
        align: c.numeric || c.header || c.part ? 'center' : 'left',
      }),
    ],
  });
}

function tableOf(l: LayoutTable, index: 0 | 1 | 2): Table {
  const spec = printSpec(l, index);
  const widths = spec.widthsMm.map(mm);
  const units = (col: number, cs: number) =>
    unitsIn(
      spec.widthsMm.slice(col, col + cs).reduce((a, b) => a + b, 0),
      CELL_PT,
    );
  const rows = printRows(l, spec.headerRows, units);
  const isCaption = (cells: PrintCell[]) => cells.every((c) => c.header);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          tableHeader: i < spec.headerRows,
          cantSplit: true,
          // Header and caption rows stay with the row under them; table 四 (one data row) stays whole.
          keepNext: i < rows.length - 1 && (i < spec.headerRows || isCaption(cells) || index === 2),
          height: { value: ROW_MIN, rule: HeightRule.ATLEAST },
          children: cells.map((c) => cellOf(c, widths)),
        }),
    ),
  });
}

const heading = (text: string): Paragraph =>
  cjkParagraph(text, {
    font: 'hei',
    firstLine: FIRST_LINE_INDENT,
    keepNext: true,
    keepLines: true,
    before: 140,
    after: 140,
  });
const body = (lines: string[] | undefined): Paragraph[] =>
  (lines?.length ? lines : ['（无）']).map((t) => cjkParagraph(t, { firstLine: FIRST_LINE_INDENT, align: 'both' }));

/** The report as a DOCX buffer. */
export async function exportReportDocx(t: ReportTables, text: DocxReportText): Promise<Buffer> {
  const [t2, t3, t4] = reportLayouts(t);
  const children = [
    cjkParagraph(text.title, {
      font: 'xiaobiaosong',
      size: TYPE_SIZE.no2,
      align: 'center',
      line: TITLE_LINE,
      after: 560,
      keepNext: true,
    }),
    heading('一、总体情况'),
    ...body(text.overview),
    heading(t2.title),
    tableOf(t2, 0),
    heading(t3.title),
    tableOf(t3, 1),
    heading(t4.title),
    tableOf(t4, 2),
    heading('五、存在的主要问题及改进情况'),
    ...body(text.problems),
    heading('六、其他需要报告的事项'),
    ...body(text.other),
  ];
  return packDocx(gongwenDocument({ title: text.title, creator: 'Gongkai', sections: [gongwenSection(children)] }));
}
