/**
 * A letter as a DOCX file in 公文 form (《党政机关公文格式》 GB/T 9704-2012 where it applies to a notice
 * sent to one addressee): A4 with the standard type area, title in 小标宋 二号, 发文字号 under it, 主送,
 * text in 仿宋 三号 on fixed 28 pt lines, room for the seal, signer centred over the 成文日期 (written the
 * Chinese way, four characters from the right), the 申请编号 as 附注, 抄送 when set, page numbers.
 */
import type { Paragraph } from 'docx';
import { formatChinese } from '../platform/dates.js';
import {
  cjkParagraph,
  gongwenDocument,
  gongwenSection,
  packDocx,
  ruleParagraph,
} from '../platform/office/gongwen-docx.js';
import {
  CC,
  DATE_RIGHT_INDENT,
  FIRST_LINE_INDENT,
  SEAL_LINES,
  TITLE_LINE,
  TYPE_SIZE,
  ccLine,
  signerRightIndent,
} from '../platform/office/gongwen.rules.js';
import { letterNote, type Letter } from './letters.rules.js';

/** 7.3.5.2: the empty lines for the seal, the signer and the date stay on one page (keep with next). */
export function signatureBlock(signer: string, date: string): Paragraph[] {
  return [
    ...Array.from({ length: SEAL_LINES }, () => cjkParagraph('', { keepNext: true })),
    cjkParagraph(signer, { align: 'right', right: signerRightIndent(signer, date), keepNext: true }),
    cjkParagraph(date, { align: 'right', right: DATE_RIGHT_INDENT }),
  ];
}

/** 7.4.2: the 抄送 line between two rules, in 四号, aligned after the colon when it wraps. */
export function ccBlock(names: readonly string[] | undefined): Paragraph[] {
  const line = ccLine(names ?? []);
  if (!line) return [];
  return [
    ruleParagraph(true),
    cjkParagraph(line, {
      size: CC.size,
      left: CC.side + CC.hanging,
      hanging: CC.hanging,
      right: CC.side,
      keepNext: true,
      keepLines: true,
    }),
    ruleParagraph(),
  ];
}

/** Renders the letter to a DOCX buffer. */
export async function letterDocx(letter: Letter): Promise<Buffer> {
  const date = formatChinese(letter.date);
  const children = [
    cjkParagraph(letter.title, {
      font: 'xiaobiaosong',
      size: TYPE_SIZE.no2,
      align: 'center',
      line: TITLE_LINE,
      keepNext: true,
    }),
    ...(letter.docNo ? [cjkParagraph(letter.docNo, { align: 'center', keepNext: true })] : []),
    cjkParagraph('', { keepNext: true }),
    cjkParagraph(`${letter.to}：`, { keepNext: true }),
    // 7.3.5: the signature never stands on a page of its own: the last paragraph goes with it.
    ...letter.paragraphs.map((p, i) =>
      cjkParagraph(p, { firstLine: FIRST_LINE_INDENT, align: 'both', keepNext: i === letter.paragraphs.length - 1 }),
    ),
    ...signatureBlock(letter.signer, date),
    // 7.3.7: 附注 one line under the date, two characters in, in round brackets.
    cjkParagraph(letterNote(letter), { firstLine: FIRST_LINE_INDENT }),
    ...ccBlock(letter.cc),
  ];
  return packDocx(
    gongwenDocument({
      title: `${letter.title} ${letter.requestNo}`,
      creator: letter.signer,
      sections: [gongwenSection(children)],
    }),
  );
}
