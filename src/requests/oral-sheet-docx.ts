/**
 * The oral-request confirmation sheet (口头申请记录) as DOCX: A4 with the GB/T 9704-2012 type area, title
 * in 小标宋 二号, the recorded fields in a two-column table in 仿宋 四号, the statement, who wrote it down
 * (by real name) and the lines the applicant signs, page numbers.
 */
import { BorderStyle, HeightRule, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { formatChinese } from '../platform/dates.js';
import { cjkParagraph, gongwenDocument, gongwenSection, packDocx } from '../platform/office/gongwen-docx.js';
import { TITLE_LINE, TYPE_SIZE, chars, mm } from '../platform/office/gongwen.rules.js';
import { SIGN_LINES, type OralSheet } from './oral-sheet.rules.js';

const SIZE = TYPE_SIZE.no4;
const LINE = 480; // 24 pt lines for 四号 text
const COLS = [mm(40), mm(116)];
const LINE_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

const cell = (text: string, width: number, label: boolean): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 100, right: 100, top: 40, bottom: 40 },
    borders: { top: LINE_BORDER, bottom: LINE_BORDER, left: LINE_BORDER, right: LINE_BORDER },
    children: text.split('\n').map((t) => cjkParagraph(t, { size: SIZE, line: LINE, align: label ? 'center' : 'left' })),
  });

/** Renders the sheet to a DOCX buffer. */
export async function oralSheetDocx(s: OralSheet): Promise<Buffer> {
  const table = new Table({
    width: { size: COLS[0] + COLS[1], type: WidthType.DXA },
    columnWidths: COLS,
    layout: TableLayoutType.FIXED,
    rows: s.rows.map(([k, v]) => new TableRow({ cantSplit: true, height: { value: mm(10), rule: HeightRule.ATLEAST }, children: [cell(k, COLS[0], true), cell(v, COLS[1], false)] })),
  });
  const p = (text: string, o: { firstLine?: number } = {}) => cjkParagraph(text, { size: SIZE, line: LINE, firstLine: o.firstLine, align: 'both' });
  const children = [
    cjkParagraph(s.title, { font: 'xiaobiaosong', size: TYPE_SIZE.no2, align: 'center', line: TITLE_LINE }),
    cjkParagraph(`申请编号：${s.requestNo}`, { size: SIZE, line: LINE, align: 'right', after: 120 }),
    table,
    cjkParagraph('', { size: SIZE, line: LINE }),
    p(s.statement, { firstLine: chars(2, SIZE) }),
    cjkParagraph('', { size: SIZE, line: LINE }),
    p(`代为填写人：${s.recordedBy}\u3000\u3000填写日期：${formatChinese(s.recordedOn)}`),
    cjkParagraph('', { size: SIZE, line: LINE }),
    ...SIGN_LINES.map((t) => p(t)),
  ];
  return packDocx(gongwenDocument({ title: `${s.title} ${s.requestNo}`, creator: s.orgName, sections: [gongwenSection(children)] }));
}
