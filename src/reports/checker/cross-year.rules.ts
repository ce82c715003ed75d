/**
 * The cross-year identity over a set of checked reports: for an agency with reports for consecutive
 * years, this year's 二、上年结转 must equal last year's 四、结转下年度继续办理 (REFERENCE §2.1 [D]).
 * Applied automatically when a folder or archive holds both years of one agency (report-origin.rules).
 */
import path from 'node:path';
import { checkCarryOver, t3Cell } from '../identities.rules.js';
import { TABLE3_COLUMNS } from '../report-format.rules.js';
import type { CheckResult } from './check-report.js';
import { sameAgency } from './report-origin.rules.js';
import { verdictOf, verdictSummary } from './verdict.rules.js';

const canCompare = (r: CheckResult): boolean => !!(r.agency && r.year && r.tables && r.found.table3);
/** Last year's 四、结转下年度 row fully read. */
const nextKnown = (r: CheckResult): boolean =>
  !!r.tables?.table3.next && TABLE3_COLUMNS.every((_, c) => !r.unknown.includes(t3Cell('next', c)));

/**
 * Returns the results with the cross-year identity applied where last year's report of the same agency
 * is among them: broken cells become violations (the verdict is recomputed), and a note says which
 * report was compared. Results without agency or year are returned unchanged.
 */
export function applyCrossYear(results: CheckResult[]): CheckResult[] {
  return results.map((r) => {
    if (!canCompare(r) || !r.tables?.table3.carried) return r;
    const earlier = results.filter(
      (p) => p !== r && canCompare(p) && p.year === r.year! - 1 && sameAgency(p.agency!, r.agency!),
    );
    if (!earlier.length) return r;
    const prev = earlier.find(nextKnown);
    const name = (p: CheckResult): string => path.basename(p.file);
    if (!prev)
      return {
        ...r,
        notes: [...r.notes, `上年报告 ${name(earlier[0])} 的“四、结转下年度继续办理”未能完整读取，未做跨年度核对。`],
      };
    const found = checkCarryOver(r.tables, prev.tables!, { unknown: new Set(r.unknown) }).map((v) => ({
      ...v,
      message: `${v.message.replace(/。$/, '')}（上年报告：${name(prev)}）。`,
    }));
    const note = `已与上年报告 ${name(prev)}（${prev.year}年）核对：本年“二、上年结转”${found.length ? '与' : '等于'}上年“四、结转下年度继续办理”${found.length ? '不一致' : ''}。`;
    const violations = [...r.violations, ...found];
    const parts = { ...r, violations, notes: [...r.notes, note] };
    const verdict = verdictOf(parts);
    return { ...parts, verdict, summary: verdictSummary(verdict, parts) };
  });
}
