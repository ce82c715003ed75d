/**
 * The measures of 《党政机关公文格式》 GB/T 9704-2012 that our documents follow (pure). Lengths are in
 * twips (1/20 pt, the unit of DOCX), type sizes in points. Clause numbers are those of the standard.
 */
import { typesetEms } from './text-width.rules.js';

/** Millimetres to twips. */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);

/** 字号 in points (GB/T 9704 uses the Chinese type sizes): 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9. */
export const TYPE_SIZE = { no2: 22, no3: 16, no4: 14, small4: 12, no5: 10.5, small5: 9 } as const;

/**
 * 5.2.1 / 5.2.2: A4 paper (210 × 297 mm); 天头 (top) 37 mm, 订口 (left) 28 mm, 版心 (type area)
 * 156 × 225 mm, so the right margin is 26 mm and the bottom 35 mm.
 */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  left: mm(28),
  right: mm(210 - 28 - 156),
  bottom: mm(297 - 37 - 225),
  /** 7.5: the page number's dashes sit 7 mm below the type area; the footer ends a 四号 line lower. */
  footer: mm(297 - 37 - 225 - 7) - TYPE_SIZE.no4 * 20,
  header: mm(15),
} as const;

/** 7.1: 正文 in 三号仿宋, 22 lines a page; we set lines to exactly 28 pt (560 twips), the usual rendering. */
export const BODY_LINE = 560;

/** 7.3.2: the title (二号小标宋) on fixed 36 pt lines, so that a two-line title is laid out alike everywhere. */
export const TITLE_LINE = 720;

/** Width of `n` characters of a type size, in twips (a CJK character is one em). */
export const chars = (n: number, sizePt: number = TYPE_SIZE.no3): number => Math.round(n * sizePt * 20);

/** 7.3.3: each paragraph starts two characters in (空二字). */
export const FIRST_LINE_INDENT = chars(2);

/** 7.3.5.2: with a seal, the 成文日期 ends four characters from the right edge (右空四字). */
export const DATE_RIGHT_INDENT = chars(4);

/**
 * 7.3.5.2: the seal (about 42 mm across) sits centred over signer and date with its top within one line
 * of the text above; three empty 28 pt lines between the text and the signer leave that room.
 */
export const SEAL_LINES = 3;

/** 7.5: page numbers in 四号 half-width digits between dashes, one character in from the outer edge. */
export const PAGE_NUMBER = { size: TYPE_SIZE.no4, indent: chars(1, TYPE_SIZE.no4) } as const;

/** 7.5: the page-number text, e.g. `— 3 —`. */
export const pageNumberText = (n: number | string): string => `— ${n} —`;

/**
 * 7.3.5.2: the signer (发文机关署名) is centred over the date, which ends four characters from the right:
 * the signer's right indent in twips (never negative: a signer wider than that room ends at the margin).
 */
export function signerRightIndent(signer: string, date: string, sizePt: number = TYPE_SIZE.no3): number {
  const em = sizePt * 20;
  return Math.max(0, Math.round(DATE_RIGHT_INDENT + ((typesetEms(date) - typesetEms(signer)) * em) / 2));
}

/**
 * 7.4.2: 抄送 in 四号仿宋, one character in from both sides; “抄送：” then the names separated by
 * full-width commas, ending with a full stop; continuation lines align after the colon.
 */
export const CC = { size: TYPE_SIZE.no4, side: chars(1, TYPE_SIZE.no4), hanging: chars(3, TYPE_SIZE.no4) } as const;

/** 7.4.2: the 抄送 line, e.g. `抄送：县政府办公室，县司法局。` (empty list: empty string). */
export function ccLine(names: readonly string[]): string {
  const list = names.map((n) => n.trim().replace(/[。.，,、；;]+$/u, '')).filter(Boolean);
  return list.length ? `抄送：${list.join('，')}。` : '';
}
