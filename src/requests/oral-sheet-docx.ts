/**
 * The oral-request confirmation sheet (口头申请记录) as DOCX: A4 with the GB/T 9704-2012 type area, title
 * in 小标宋 二号, the recorded fields in a two-column table in 仿宋 小四, the statement in 四号, who wrote it down
 * (by real name) and the lines the applicant signs, page numbers.
 */
import { BorderStyle, HeightRule, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { formatChinese } from '../platform/dates.js';
import { cjkParagraph, gongwenDocument, gongwenSection, packDocx } from '../platform/office/gongwen-docx.js';
import { TITLE_LINE, TYPE_SIZE, chars, mm } from '../platform/office/gongwen.rules.js';
import { SIGN_LINES, type OralSheet } from './oral-sheet.rules.js';

const SIZE = TYPE_SIZE.no4;
const LINE = 480; // 24 pt lines for 四号 text
const CELL_SIZE = TYPE_SIZE.small4;
const CELL_LINE = 400; // 20 pt lines for 小四 in the table, so that a full sheet and its signature fit one page
const COLS = [mm(40), mm(116)];
const LINE_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

const cell = (text: string, width: number, label: boolean): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 100, right: 100, top: 40, bottom: 40 },
    borders: { top: LINE_BORDER, bottom: LINE_BORDER, left: LINE_BORDER, right: LINE_BORDER },
    children: text
      .split('\n')
      .map((t) => cjkParagraph(t, { size: CELL_SIZE, line: CELL_LINE, align: label ? 'center' : 'left' })),
  });

/** Renders the sheet to a DOCX buffer. */
export async function oralSheetDocx(s: OralSheet): Promise<Buffer> {
  const table = new Table({
    width: { size: COLS[0] + COLS[1], type: WidthType.DXA },
    columnWidths: COLS,
    layout: TableLayoutType.FIXED,
    rows: s.rows.map(
      ([k, v]) =>
        new TableRow({
          cantSplit: true,
          height: { value: mm(7), rule: HeightRule.ATLEAST },
          children: [cell(k, COLS[0], true), cell(v, COLS[1], false)],
        }),
    ),
  });
  const p = (text: string, o: { firstLine?: number; before?: number; keepNext?: boolean } = {}) =>
    cjkParagraph(text, { size: SIZE, line: LINE, align: 'both', ...o });
  // The statement, who wrote it down and the lines the applicant signs stay on one page.
  const children = [
    cjkParagraph(s.title, { font: 'xiaobiaosong', size: TYPE_SIZE.no2, align: 'center', line: TITLE_LINE }),
    cjkParagraph(`申请编号：${s.requestNo}`, { size: SIZE, line: LINE, align: 'right', after: 120 }),
    table,
    p(s.statement, { firstLine: chars(2, SIZE), before: 240, keepNext: true }),
    p(`代为填写人：${s.recordedBy}\u3000\u3000填写日期：${formatChinese(s.recordedOn)}`, {
      before: 240,
      keepNext: true,
    }),
    ...SIGN_LINES.map((t, i) => p(t, { before: i === 0 ? 240 : 0, keepNext: i < SIGN_LINES.length - 1 })),
  ];
  return packDocx(
    gongwenDocument({ title: `${s.title} ${s.requestNo}`, creator: s.orgName, sections: [gongwenSection(children)] }),
  );
}
