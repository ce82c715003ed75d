/**
 * Which agency and year a published annual report is (条例第四十九条: each agency reports on each
 * calendar year), from its title — “淮安市洪泽区人民政府2024年政府信息公开工作年度报告”, often broken
 * over two lines with the agency above — or from the sentence naming the office that compiled it, or the
 * file name. Used to find consecutive years of one agency for the cross-year check.
 */

/** Agency and year, when they could be told. */
export interface ReportOrigin {
  agency: string | null;
  year: number | null;
}

const TITLE =
  /(?:^|[^\d])((?:19|20)\d{2})\s*年度?(.{0,40}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?报告/;
const COMPILED_BY = /本报告由(.{2,40}?)(?:办公室|办公厅)?(?:根据|依据|按照)/;
const PERIOD = /统计期限(?:为|自|从)?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;

/** An agency name as written in a title, without punctuation, brackets and 关于/的. */
function cleanAgency(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s《》“”"'（）()【】、，,。:：]/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/^关于/, '')
    .replace(/(关于|的)$/, '')
    .trim();
}

const sentence = (s: string): boolean => /[。，；：,;]/.test(s) || s.length > 40;

/** Reads agency and year from the opening text of a report and, failing that, its file name. */
export function reportOrigin(lead: string, fileName: string): ReportOrigin {
  const lines = lead
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''))
    .filter(Boolean)
    .slice(0, 40);
  let agency: string | null = null;
  let year: number | null = null;
  for (let i = 0; i < lines.length && year === null; i++) {
    // A long title wraps: try each line alone, then joined with the next.
    for (const line of [lines[i], lines[i] + (lines[i + 1] ?? '')]) {
      const m = TITLE.exec(line);
      if (!m) continue;
      year = Number(m[1]);
      const before = cleanAgency(line.slice(0, line.indexOf(m[1], m.index)));
      const after = cleanAgency(m[2]);
      agency = before || after || (i > 0 && !sentence(lines[i - 1]) ? cleanAgency(lines[i - 1]) : '') || null;
      break;
    }
  }
  const text = lines.join('');
  if (!agency) {
    const m = COMPILED_BY.exec(text);
    if (m) agency = cleanAgency(m[1]) || null;
  }
  if (year === null) {
    const m = PERIOD.exec(text);
    if (m) year = Number(m[1]);
  }
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const fm = /((?:19|20)\d{2})/.exec(base);
  if (year === null && fm) year = Number(fm[1]);
  if (!agency && fm && /[\u4e00-\u9fff]{2}/.test(base.slice(0, fm.index)))
    agency = cleanAgency(base.slice(0, fm.index)) || null;
  return { agency: agency && agency.length >= 2 ? agency : null, year };
}

/** Words that name a kind of office, not which one. */
const GENERIC = /(人民政府|政府|办公室|办公厅|委员会|管理局|局|厅|委|办)/g;

/**
 * True when two names are the same agency: equal, or one ends with the other where the shorter still
 * names a place or office (“洪泽区人民政府” and “淮安市洪泽区人民政府”, not “人民政府办公室” and any).
 */
export function sameAgency(a: string, b: string): boolean {
  const x = cleanAgency(a);
  const y = cleanAgency(b);
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return long.endsWith(short) && short.replace(GENERIC, '').length >= 2;
}
