import type { Paragraph, Table, TableCell, TextRun } from 'docx';
import type { ReportTables } from './report-format.rules.js';
import { reportLayouts, type LayoutCell, type LayoutTable } from './table-layout.js';

/** Narrative parts printed around the tables. */
export interface DocxReportText {
  title: string;
  /** Section 一 (总体情况), 五 and 六: paragraphs. */
  overview?: string[];
  problems?: string[];
  other?: string[];
}

const BODY_FONT = '仿宋';
const TABLE_FONT = '宋体';
const TITLE_FONT = '方正小标宋简体';

/**
 * The annual report as DOCX, laid out like 国办公开办函〔2021〕30号: title, sections 一 to 六, and tables
 * 二, 三, 四 with the official merged header cells, in Chinese fonts (仿宋 body, 宋体 tables).
 */
export async function exportReportDocx(t: ReportTables, text: DocxReportText): Promise<Buffer> {
  // docx is loaded when the first report is exported, not when the server starts.
  const { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, HeadingLevel } = await import('docx');
  const run = (text: string, o: { font?: string; size?: number; bold?: boolean } = {}): TextRun =>
    new TextRun({ text, font: { ascii: o.font ?? BODY_FONT, eastAsia: o.font ?? BODY_FONT, hAnsi: o.font ?? BODY_FONT }, size: o.size ?? 32, bold: o.bold });

  function cellOf(c: LayoutCell, width: number): TableCell {
    return new TableCell({
      children: [new Paragraph({ alignment: c.numeric || c.header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(c.text, { font: TABLE_FONT, size: 18, bold: c.header })] })],
      rowSpan: c.rs,
      columnSpan: c.cs,
      verticalAlign: VerticalAlign.CENTER,
      width: { size: Math.round((100 * (c.cs ?? 1)) / width), type: WidthType.PERCENTAGE },
    });
  }

  function tableOf(l: LayoutTable): Table {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: l.rows.map((cells, i) => new TableRow({ tableHeader: i === 0, children: cells.map((c) => cellOf(c, l.width)) })),
    });
  }

  const para = (text: string, o: { heading?: boolean } = {}): Paragraph =>
    new Paragraph({
      heading: o.heading ? HeadingLevel.HEADING_2 : undefined,
      indent: o.heading ? undefined : { firstLine: 640 },
      spacing: { line: 560 },
      children: [run(text, { font: o.heading ? '黑体' : BODY_FONT })],
    });
  const [t2, t3, t4] = reportLayouts(t);
  const body = (lines: string[] | undefined): Paragraph[] => (lines?.length ? lines : ['（无）']).map((l) => para(l));
  const doc = new Document({
    creator: 'Gongkai',
    title: text.title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(text.title, { font: TITLE_FONT, size: 44 })] }),
          para('一、总体情况', { heading: true }),
          ...body(text.overview),
          para(t2.title, { heading: true }),
          tableOf(t2),
          para(t3.title, { heading: true }),
          tableOf(t3),
          para(t4.title, { heading: true }),
          tableOf(t4),
          para('五、存在的主要问题及改进情况', { heading: true }),
          ...body(text.problems),
          para('六、其他需要报告的事项', { heading: true }),
          ...body(text.other),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
