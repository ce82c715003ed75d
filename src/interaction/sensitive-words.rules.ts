/**
 * Sensitive-word screening and masking for anything shown publicly, pure. 国办秘函〔2019〕19号
 * 单项否决 “发布或链接反动、暴力、色情等内容” (REFERENCE §4.2): a message that contains a word of the
 * configurable list is held for moderation before anything of it is published. Personal data is
 * masked in public Q&A (个人信息保护法第二十八条 for ID numbers and phones).
 */

/** The default list (a setting: `interaction.sensitive_words`, one word per line). */
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = ['反动', '暴力', '色情', '赌博', '枪支', '毒品'];

const norm = (s: string): string => s.toLowerCase().replace(/[\s\u3000·.,，。、*_-]/g, '');

/** The words of `list` found in `text` (ignoring case, spaces and separators inserted between characters). */
export function findSensitiveWords(text: string, list: readonly string[]): string[] {
  const t = norm(text);
  return [...new Set(list.map((w) => w.trim()).filter((w) => w && t.includes(norm(w))))];
}

/** Parses the setting: one word per line or comma-separated. */
export function parseWordList(s: string | null | undefined): string[] {
  if (s == null) return [...DEFAULT_SENSITIVE_WORDS];
  return [
    ...new Set(
      s
        .split(/[\n,，、]/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
}

/** Masks a name for public display: first character kept (`张三` → `张*`, `张三丰` → `张**`); empty → `匿名`. */
export function maskName(name: string | null | undefined): string {
  const n = (name ?? '').trim();
  if (!n) return '匿名';
  const chars = [...n];
  if (chars.length === 1) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Masks phone numbers and ID numbers inside free text before it is shown publicly. */
export function maskPersonalData(text: string): string {
  return text
    .replace(/(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/g, (_m, a: string, b: string) => `${a.slice(0, 3)}***********${b}`)
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
}
