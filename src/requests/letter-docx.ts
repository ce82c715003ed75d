/** A letter as a DOCX file (公文-like layout: 仿宋 body, 小标宋 title, dates written the Chinese way). */
import type { Paragraph, TextRun } from 'docx';
import { formatChinese } from '../platform/dates.js';
import type { Letter } from './letters.rules.js';

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';

/** Renders the letter to a DOCX buffer. */
export async function letterDocx(letter: Letter): Promise<Buffer> {
  // docx is loaded when the first letter is downloaded, not when the server starts.
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await import('docx');
  const run = (text: string, font = BODY_FONT, size = 32): TextRun => new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size });
  const para = (text: string, o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph =>
    new Paragraph({ spacing: { line: 560 }, alignment: o.align, indent: o.indent === false ? undefined : { firstLine: 640 }, children: [run(text)] });
  const doc = new Document({
    creator: letter.signer,
    title: `${letter.title} ${letter.requestNo}`,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(letter.title, TITLE_FONT, 44)] }),
          para(`申请编号：${letter.requestNo}`, { indent: false, align: AlignmentType.RIGHT }),
          para(`${letter.to}：`, { indent: false }),
          ...letter.paragraphs.map((p) => para(p)),
          para(letter.signer, { indent: false, align: AlignmentType.RIGHT }),
          para(formatChinese(letter.date), { indent: false, align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A download file name: `YSQ-2025-000001-政府信息公开申请答复书.docx`. */
export const letterFileName = (l: Letter): string => `${l.requestNo}-${l.title}.docx`;
