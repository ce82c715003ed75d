/**
 * 索引号 (《政府信息公开目录系统实施指引（试行）》, REFERENCE §5.2; 条例第十二条 “政府信息的索引”):
 * `前段码/后段码`, 前段码 = the publisher's 9-character 组织机构代码 (hyphen omitted),
 * 后段码 = 4-digit year + “-” + 5-digit serial. Unique and permanent: once generated it never
 * changes, even when the agency is renamed or merged.
 */

/** Counter scope of an agency's serials for a year (used with `nextCounter`). */
export const indexCounterScope = (orgId: number, year: number): string => `index:${orgId}:${year}`;

/**
 * The 前段码 for an agency: the 组织机构代码 inside an 18-character 统一社会信用代码 (characters 9–17),
 * an 8–10 character 组织机构代码 without its hyphen, or `GK` + the agency id when the agency has no code.
 */
export function indexPrefix(orgCode: string | null | undefined, orgId: number): string {
  const c = (orgCode ?? '').replace(/[\s-]/g, '').toUpperCase();
  if (c.length === 18) return c.slice(8, 17);
  if (/^[0-9A-Z]{8,10}$/.test(c)) return c;
  return `GK${String(orgId).padStart(7, '0')}`;
}

/** Builds `<前段码>/<yyyy>-<5-digit serial>`. */
export function formatIndexNo(prefix: string, year: number, serial: number): string {
  return `${prefix}/${year}-${String(serial).padStart(5, '0')}`;
}

/** Lenient shape check for imported or hand-entered 索引号 (real variants differ, REFERENCE §5.2). */
export function isPlausibleIndexNo(s: string): boolean {
  return /^[0-9A-Z][0-9A-Z-]{5,19}\/\d{4,6}-\d{3,8}$/.test(s.trim().toUpperCase());
}

/** The default pattern: `<前段码>/<yyyy>-<5-digit serial>`. */
export const DEFAULT_INDEX_PATTERN = '{code}/{yyyy}-{serial:5}';

const TOKEN = /\{(code|yyyy|yyyymm|serial:(\d))\}/g;

/**
 * Validates an agency's 索引号 pattern. Tokens: `{code}` (前段码), `{yyyy}` or `{yyyymm}` (from the 生成日期),
 * `{serial:N}` (N = 3–8 digits). Real variants (REFERENCE §5.2) include `{code}/{yyyymm}-{serial:5}` and
 * `{code}/{yyyy}-{serial:6}`. Returns a Chinese message or null.
 */
export function checkIndexPattern(p: string): string | null {
  const s = p.trim();
  if (!s) return '请填写索引号格式。';
  if (s.length > 60) return '索引号格式过长。';
  const serials = [...s.matchAll(/\{serial:(\d)\}/g)];
  if (serials.length !== 1) return '索引号格式必须包含且只包含一个流水号 {serial:N}。';
  const n = Number(serials[0]![1]);
  if (n < 3 || n > 8) return '流水号位数应在 3 到 8 位之间。';
  if (!/\{yyyy(mm)?\}/.test(s)) return '索引号格式必须包含年份 {yyyy} 或年月 {yyyymm}。';
  const rest = s.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return '索引号格式中有无法识别的占位符，可用 {code}、{yyyy}、{yyyymm}、{serial:N}。';
  if (!/^[0-9A-Za-z/\-_.]*$/.test(rest)) return '索引号格式中只能使用字母、数字和 / - _ . 作为分隔符。';
  return null;
}

/** The counter period of a pattern for a 生成日期: the year, or year+month for `{yyyymm}` patterns. */
export const indexPeriod = (pattern: string, date: string): string =>
  pattern.includes('{yyyymm}') ? date.slice(0, 7).replace('-', '') : date.slice(0, 4);

/** Fills a (valid) pattern. */
export function applyIndexPattern(pattern: string, v: { code: string; date: string; serial: number }): string {
  return pattern.replace(TOKEN, (_m, name: string, digits?: string) => {
    if (name === 'code') return v.code;
    if (name === 'yyyy') return v.date.slice(0, 4);
    if (name === 'yyyymm') return v.date.slice(0, 7).replace('-', '');
    return String(v.serial).padStart(Number(digits), '0');
  });
}
