/** The oral-request confirmation sheet as DOCX: the recorded fields in a table and the signature lines. */
import type { Paragraph, TableCell, TextRun } from 'docx';
import { formatChinese } from '../platform/dates.js';
import type { OralSheet } from './oral-sheet.rules.js';

const FONT = '仿宋_GB2312';
/** Renders the sheet to a DOCX buffer. */
export async function oralSheetDocx(s: OralSheet): Promise<Buffer> {
  // docx is loaded when the first sheet is downloaded, not when the server starts.
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const run = (text: string, size = 28): TextRun => new TextRun({ text, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT }, size });
  const para = (text: string, align?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph => new Paragraph({ spacing: { line: 480 }, alignment: align, children: [run(text)] });
  const cell = (text: string, pct: number): TableCell => new TableCell({ width: { size: pct, type: WidthType.PERCENTAGE }, children: [para(text)] });
  const doc = new Document({
    creator: s.orgName,
    title: `${s.title} ${s.requestNo}`,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(s.title, 40)] }),
          para(`申请编号：${s.requestNo}`, AlignmentType.RIGHT),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: s.rows.map(([k, v]) => new TableRow({ children: [cell(k, 30), cell(v, 70)] })) }),
          para(s.statement),
          para(`代为填写人：${s.recordedBy}\u3000\u3000填写日期：${formatChinese(s.recordedOn)}`),
          para('申请人签字：____________\u3000\u3000\u3000\u3000确认日期：______年____月____日'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
