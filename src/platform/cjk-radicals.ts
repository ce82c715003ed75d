/**
 * Radical code points back to the ideographs they look like. Many CJK fonts (Noto CJK, which Chromium
 * embeds when printing; several Windows fonts) draw 人 and ⼈, 民 and ⺠ with one glyph, and the PDF's
 * ToUnicode table then names the radical: the text layer reads “⼈⺠政府” and “⼯作”. Kangxi radicals
 * (U+2F00–U+2FD5) fold with NFKC; the CJK Radicals Supplement (U+2E80–U+2EF3) has no such mapping, so
 * the simplified and standalone forms are listed here (Unicode EquivalentUnifiedIdeograph.txt).
 */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂',
  '⺊': '卜',
  '⺌': '小',
  '⺒': '巳',
  '⺓': '幺',
  '⺝': '月',
  '⺟': '母',
  '⺠': '民',
  '⺩': '王',
  '⺪': '疋',
  '⺫': '目',
  '⺬': '示',
  '⺮': '竹',
  '⺷': '羊',
  '⺻': '聿',
  '⺼': '月',
  '⺽': '臼',
  '⻁': '虎',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻑': '長',
  '⻓': '长',
  '⻔': '门',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** Replaces radical code points by the ideographs they stand for (text from PDFs). */
export function foldRadicals(s: string): string {
  if (!/[\u2e80-\u2fdf]/.test(s)) return s;
  return s.replace(RADICAL, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}
