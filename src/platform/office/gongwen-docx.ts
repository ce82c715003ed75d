/**
 * Building blocks for DOCX files laid out after GB/T 9704-2012 (see gongwen.rules.ts): Chinese fonts
 * with East Asian language tags and fallbacks, fixed 28 pt lines, the A4 type area, page numbers.
 *
 * Fonts: a run names the Chinese face agencies use (仿宋, 宋体, 黑体, 楷体, 方正小标宋简体). The font table
 * gives Word and WPS an alternative name (仿宋 → FangSong, 宋体 → SimSun, …) with the GB2312 charset and
 * PANOSE class, so a Windows machine without the exact face picks the right one; on Linux the fontconfig
 * rules in `gongwen-fonts.conf` map the names to Noto Serif/Sans CJK SC. Every run is tagged zh-CN so no
 * office suite falls back to a Japanese face.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  DocumentGridType,
  type ISectionOptions,
} from 'docx';
import JSZip from 'jszip';
import { BODY_LINE, PAGE, PAGE_NUMBER, TYPE_SIZE } from './gongwen.rules.js';

/** A Chinese typeface and what Word needs to substitute it. */
interface CjkFont {
  name: string;
  altName: string;
  panose: string;
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  pitch: 'fixed' | 'variable';
}

/** The faces of official documents (GB/T 9704: 小标宋 titles, 仿宋 text, 黑体/楷体 headings, 宋体 tables). */
export const FONTS = {
  fangsong: { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  song: { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
  hei: { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  kai: { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  xiaobiaosong: {
    name: '方正小标宋简体',
    altName: '宋体',
    panose: '02000000000000000000',
    family: 'auto',
    pitch: 'variable',
  },
} as const satisfies Record<string, CjkFont>;

/** A font of FONTS. */
export type FontKey = keyof typeof FONTS;

/** How a run of text looks. */
export interface RunStyle {
  font?: FontKey;
  /** Points (default 三号, 16 pt). */
  size?: number;
  bold?: boolean;
}

const ZH = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

/** A run in a Chinese face, tagged zh-CN. */
export function cjkRun(text: string, s: RunStyle = {}): TextRun {
  const f = FONTS[s.font ?? 'fangsong'].name;
  return new TextRun({
    text,
    font: { ascii: f, eastAsia: f, hAnsi: f, cs: f },
    size: Math.round((s.size ?? TYPE_SIZE.no3) * 2),
    bold: s.bold,
    language: ZH,
  });
}

/** Paragraph alignments used here. */
export type Align = 'left' | 'center' | 'right' | 'both';
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const;

/** How a paragraph is set. */
export interface ParaStyle extends RunStyle {
  align?: Align;
  /** First-line indent, twips. */
  firstLine?: number;
  left?: number;
  right?: number;
  hanging?: number;
  /** Exact line height in twips (default 28 pt); `auto` lets the line grow with the type. */
  line?: number | 'auto';
  before?: number;
  after?: number;
  keepNext?: boolean;
  keepLines?: boolean;
}

/** A paragraph of one run, with fixed line height unless told otherwise (`lineRule` is always explicit). */
export function cjkParagraph(text: string, s: ParaStyle = {}): Paragraph {
  const exact = s.line !== 'auto';
  return new Paragraph({
    alignment: s.align ? ALIGN[s.align] : undefined,
    spacing: {
      line: exact ? (typeof s.line === 'number' ? s.line : BODY_LINE) : 240,
      lineRule: exact ? LineRuleType.EXACT : LineRuleType.AUTO,
      before: s.before ?? 0,
      after: s.after ?? 0,
    },
    indent:
      s.firstLine || s.left || s.right || s.hanging
        ? { firstLine: s.firstLine, left: s.left, right: s.right, hanging: s.hanging }
        : undefined,
    keepNext: s.keepNext,
    keepLines: s.keepLines,
    // GB/T 9704 sets digits tight against Chinese text (2025年10月30日), as in the standard's examples.
    autoSpaceEastAsianText: false,
    children: text ? [cjkRun(text, s)] : [],
  });
}

/** 7.4.1: a separator rule of the 版记 across the type area (0.35 mm). */
export function ruleParagraph(keepNext = false): Paragraph {
  return new Paragraph({
    spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext,
    border: { bottom: { style: 'single', size: 8, color: '000000', space: 0 } },
    children: [],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const run = (children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]>) =>
    new TextRun({
      children,
      font: { ascii: FONTS.song.name, eastAsia: FONTS.song.name, hAnsi: FONTS.song.name },
      size: PAGE_NUMBER.size * 2,
      language: ZH,
    });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER.indent } : { left: PAGE_NUMBER.indent },
        spacing: { line: PAGE_NUMBER.size * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [run(['— ', PageNumber.CURRENT, ' —'])],
      }),
    ],
  });
}

/**
 * A section on A4 with the GB/T 9704 type area (portrait) or the same margins turned (landscape) and
 * page numbers: odd pages at the right, even pages at the left (7.5).
 */
export function gongwenSection(
  children: ISectionOptions['children'],
  o: { landscape?: boolean } = {},
): ISectionOptions {
  const margin = o.landscape
    ? {
        top: PAGE.right,
        right: PAGE.bottom,
        bottom: PAGE.left,
        left: PAGE.top,
        header: PAGE.header,
        footer: PAGE.footer - (PAGE.bottom - PAGE.left),
      }
    : {
        top: PAGE.top,
        right: PAGE.right,
        bottom: PAGE.bottom,
        left: PAGE.left,
        header: PAGE.header,
        footer: PAGE.footer,
      };
  return {
    properties: {
      page: {
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: o.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin,
        pageNumbers: { start: 1 },
      },
      // No document grid: lines are fixed per paragraph; a grid would make LibreOffice give rules and
      // small print a whole 28 pt line.
      grid: { linePitch: BODY_LINE, type: DocumentGridType.DEFAULT },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}

const FONT_TABLE_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const xmlAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** word/fontTable.xml naming every face with its alternative name, GB2312 charset (86) and class. */
export function fontTableXml(): string {
  const fonts = Object.values(FONTS).map(
    (f: CjkFont) =>
      `<w:font w:name="${xmlAttr(f.name)}"><w:altName w:val="${xmlAttr(f.altName)}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts ${FONT_TABLE_NS}>${fonts.join('')}</w:fonts>`;
}

/** A document with zh-CN defaults (仿宋 三号) and odd/even page-number footers. */
export function gongwenDocument(o: { title: string; creator: string; sections: ISectionOptions[] }): Document {
  const f = FONTS.fangsong.name;
  return new Document({
    title: o.title,
    creator: o.creator,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: { ascii: f, eastAsia: f, hAnsi: f, cs: f }, size: TYPE_SIZE.no3 * 2, language: ZH } },
      },
    },
    sections: o.sections,
  });
}

/** Packs the document and replaces its font table with the faces and their fallbacks. */
export async function packDocx(doc: Document): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  zip.file('word/fontTable.xml', fontTableXml());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
