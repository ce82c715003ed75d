/**
 * 发文字号 and 抄送 of the letters an agency issues (pure). 《党政机关公文处理工作条例》第九条: the
 * 发文字号 is 发文机关代字 + 年份 + 发文顺序号; GB/T 9704-2012 7.2.4: the year in full inside 六角括号
 * 〔〕, the serial without leading zeros (不编虚位) and without “第”, followed by 号 — `示政公开〔2025〕12号`.
 * The agency sets a pattern such as `示政公开〔{year}〕{n}号`; the serial counts per agency and year.
 */
import type { FieldError } from '../platform/errors.js';

/** The letter settings of an agency. */
export interface LetterSettings {
  /** Empty: letters carry no 发文字号. */
  numberPattern: string;
  /** 抄送机关 of the 答复书/告知书 (empty: none). */
  cc: string[];
  /** 复议机关 named in the remedies paragraph (第五十一条), e.g. 示例县人民政府 (empty: not set). */
  reviewBody: string;
  /** The court of first instance named in the remedies paragraph, e.g. 示例县人民法院 (empty: not set). */
  court: string;
}

/** Settings of an agency that has set nothing. */
export const NO_LETTER_SETTINGS: LetterSettings = { numberPattern: '', cc: [], reviewBody: '', court: '' };

/** Limits of the settings. */
export const LETTER_SETTING_LIMITS = { pattern: 30, ccNames: 8, ccName: 40, remedyBody: 40 } as const;

const YEAR_ALIASES = /\{(?:年|年份|year)\}/gu;
const SERIAL_ALIASES = /\{(?:序号|顺序号|n)\}/gu;

/** Full-width braces, Chinese placeholder names and the usual wrong brackets around the year, normalised. */
function normalisePattern(s: string): string {
  return s
    .trim()
    .replace(/｛/g, '{')
    .replace(/｝/g, '}')
    .replace(YEAR_ALIASES, '{year}')
    .replace(SERIAL_ALIASES, '{n}')
    .replace(/[[［(（【〔]\s*\{year\}\s*[\]］)）】〕]/gu, '〔{year}〕');
}

const count = (s: string, sub: string): number => s.split(sub).length - 1;

/** Validates a 发文字号 pattern; returns the normalised pattern and every problem (field `numberPattern`). */
export function validateNumberPattern(input: string): { pattern: string; errors: FieldError[] } {
  const pattern = normalisePattern(input ?? '');
  const err = (code: string, message: string): FieldError => ({ code, message, field: 'numberPattern' });
  if (!pattern) return { pattern, errors: [] };
  const errors: FieldError[] = [];
  const unknown = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).filter((n) => n !== 'year' && n !== 'n');
  if (pattern.length > LETTER_SETTING_LIMITS.pattern)
    errors.push(err('number_pattern_too_long', `发文字号格式不能超过${LETTER_SETTING_LIMITS.pattern}个字。`));
  if (unknown.length)
    errors.push(
      err(
        'number_pattern_placeholder',
        `发文字号格式中有未知的占位符：${unknown.map((n) => `{${n}}`).join('、')}。只能使用 {year}（年份）和 {n}（顺序号）。`,
      ),
    );
  if (count(pattern, '{year}') !== 1 || count(pattern, '{n}') !== 1)
    errors.push(
      err(
        'number_pattern_parts',
        '发文字号格式必须各含一次 {year}（年份）和 {n}（顺序号），如 示政公开〔{year}〕{n}号。',
      ),
    );
  else {
    if (!pattern.includes('〔{year}〕'))
      errors.push(err('number_pattern_brackets', '年份应写在六角括号〔〕内，如 示政公开〔{year}〕{n}号。'));
    if (pattern.startsWith('〔') || pattern.startsWith('{'))
      errors.push(err('number_pattern_daizi', '发文字号应以本机关的发文机关代字开头，如 示政公开〔{year}〕{n}号。'));
    if (pattern.indexOf('{n}') < pattern.indexOf('{year}'))
      errors.push(err('number_pattern_order', '顺序号应写在年份之后，如 示政公开〔{year}〕{n}号。'));
    if (pattern.includes('第{n}'))
      errors.push(err('number_pattern_di', '顺序号前不加“第”字（GB/T 9704-2012），如 示政公开〔{year}〕{n}号。'));
    if (!pattern.endsWith('{n}号'))
      errors.push(err('number_pattern_hao', '发文字号应以“{n}号”结尾，如 示政公开〔{year}〕{n}号。'));
  }
  if (/[{}]/.test(pattern.replace(/\{[^{}]*\}/g, '')))
    errors.push(err('number_pattern_braces', '发文字号格式中的花括号不成对。'));
  return { pattern, errors };
}

/** The 发文字号 of serial `n` in `year`: `示政公开〔2025〕12号` (no leading zeros). */
export function formatLetterNumber(pattern: string, year: number, n: number): string {
  return pattern.replace('{year}', String(year)).replace('{n}', String(Math.trunc(n)));
}

/** Validates the 抄送 list (names separated by 、，, or new lines; field `cc`). */
export function validateCc(input: string): { cc: string[]; errors: FieldError[] } {
  const cc = [
    ...new Set(
      (input ?? '')
        .split(/[\n\r,，、;；]+/u)
        .map((s) => s.trim().replace(/[。.]+$/u, ''))
        .filter(Boolean),
    ),
  ];
  const errors: FieldError[] = [];
  if (cc.length > LETTER_SETTING_LIMITS.ccNames)
    errors.push({ code: 'cc_too_many', message: `抄送机关最多${LETTER_SETTING_LIMITS.ccNames}个。`, field: 'cc' });
  if (cc.some((n) => n.length > LETTER_SETTING_LIMITS.ccName))
    errors.push({
      code: 'cc_name_too_long',
      message: `每个抄送机关名称不能超过${LETTER_SETTING_LIMITS.ccName}个字。`,
      field: 'cc',
    });
  return { cc, errors };
}

/** Validates the 复议机关 and the court of the remedies paragraph (fields `reviewBody`, `court`); both optional. */
export function validateRemedyBodies(input: { reviewBody?: string; court?: string }): {
  reviewBody: string;
  court: string;
  errors: FieldError[];
} {
  const clean = (s: string | undefined) => (s ?? '').trim().replace(/[。.]+$/u, '');
  const reviewBody = clean(input.reviewBody);
  const court = clean(input.court);
  const errors: FieldError[] = [];
  const max = LETTER_SETTING_LIMITS.remedyBody;
  if (reviewBody.length > max)
    errors.push({ code: 'review_body_too_long', message: `复议机关名称不能超过${max}个字。`, field: 'reviewBody' });
  if (court.length > max)
    errors.push({ code: 'court_too_long', message: `人民法院名称不能超过${max}个字。`, field: 'court' });
  if (court && !court.endsWith('法院'))
    errors.push({ code: 'court_name', message: '请填写人民法院的全称，如 示例县人民法院。', field: 'court' });
  return { reviewBody, court, errors };
}

/** What the settings lack for a remedies paragraph that names its bodies (第五十一条). */
export const remediesMissing = (s: Pick<LetterSettings, 'reviewBody' | 'court'>): string[] => [
  ...(s.reviewBody ? [] : ['行政复议机关']),
  ...(s.court ? [] : ['人民法院']),
];

/** Reads stored settings (JSON); anything malformed counts as not set. */
export function parseLetterSettings(raw: string | null | undefined): LetterSettings {
  if (!raw) return NO_LETTER_SETTINGS;
  try {
    const o = JSON.parse(raw) as Record<string, unknown>;
    const numberPattern =
      typeof o.numberPattern === 'string' && !validateNumberPattern(o.numberPattern).errors.length
        ? o.numberPattern
        : '';
    const cc = Array.isArray(o.cc) ? o.cc.filter((x): x is string => typeof x === 'string') : [];
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    return { numberPattern, cc, reviewBody: text(o.reviewBody), court: text(o.court) };
  } catch {
    return NO_LETTER_SETTINGS;
  }
}
