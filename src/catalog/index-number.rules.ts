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
