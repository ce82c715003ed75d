/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) characters that stand for a whole simplified character.
 * PDF files made with common CJK fonts (Noto/Source Han among them) map some glyphs to these
 * radicals in their ToUnicode tables, so text extracted from a PDF reads `河⻓制` instead of `河长制`.
 * NFKC folds the Kangxi Radicals block (U+2F00–U+2FDF) but not this one; the equivalents below
 * follow Unicode's EquivalentUnifiedIdeograph.txt for the forms that occur as whole characters.
 * Component-only forms (氵, 扌 …) are left alone. Pure, one character for one character.
 */
const PAIRS: Array<[number, string]> = [
  [0x2ea0, '民'],
  [0x2ec1, '虎'],
  [0x2ec4, '西'],
  [0x2ec5, '见'],
  [0x2ec6, '角'],
  [0x2ec9, '贝'],
  [0x2ecb, '车'],
  [0x2ed1, '長'],
  [0x2ed3, '长'],
  [0x2ed4, '门'],
  [0x2ed7, '雨'],
  [0x2ed8, '青'],
  [0x2ed9, '韦'],
  [0x2eda, '页'],
  [0x2edb, '风'],
  [0x2edc, '飞'],
  [0x2edd, '食'],
  [0x2ee2, '马'],
  [0x2ee3, '骨'],
  [0x2ee4, '鬼'],
  [0x2ee5, '鱼'],
  [0x2ee6, '鸟'],
  [0x2ee7, '卤'],
  [0x2ee8, '麦'],
  [0x2ee9, '黄'],
  [0x2eec, '齐'],
  [0x2eee, '齿'],
  [0x2ef0, '龙'],
  [0x2ef3, '龟'],
];
const MAP = new Map(PAIRS.map(([cp, ch]) => [String.fromCodePoint(cp), ch]));
const RADICAL = /[\u2e80-\u2eff]/g;
const HAS_RADICAL = /[\u2e80-\u2eff]/;

/** Replaces radical-supplement characters by their unified ideographs (same length). */
export function foldCjkRadicals(text: string): string {
  return HAS_RADICAL.test(text) ? text.replace(RADICAL, (ch) => MAP.get(ch) ?? ch) : text;
}
