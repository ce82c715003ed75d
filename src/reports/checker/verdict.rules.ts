/**
 * The three verdicts of the report checker, never confused (条例第五十条 report tables; identities of
 * REFERENCE §2.1): 一致 — every identity could be checked and holds; 有误 — at least one identity is
 * broken by figures that were all read (a wrong verdict here sends an agency to fix a correct report,
 * so an identity touching a missing or unreadable cell is never reported as broken); 无法判断 — nothing is
 * broken among what could be read, but something needed is missing or unreadable.
 */
import type { ReportFormat } from '../report-format.rules.js';

/** A checker verdict. */
export type Verdict = 'consistent' | 'inconsistent' | 'undetermined';

/** Verdict names shown to users and written to CSV/XLSX. */
export const VERDICT_NAMES: Record<Verdict, string> = {
  consistent: '一致',
  inconsistent: '有误',
  undetermined: '无法判断',
};

/** Exit code of `gongkai report check` per verdict (1 is kept for “the command could not run”). */
export const VERDICT_EXIT: Record<Verdict, number> = { consistent: 0, inconsistent: 2, undetermined: 3 };

/** What a verdict is decided from. */
export interface VerdictInput {
  violations: readonly unknown[];
  missing: readonly string[];
  format?: ReportFormat;
}

/** 有误 when an identity is broken; else 无法判断 when something is missing; else 一致. */
export function verdictOf(r: VerdictInput): Verdict {
  if (r.violations.length) return 'inconsistent';
  return r.missing.length ? 'undetermined' : 'consistent';
}

/** One line in Chinese: the verdict and why. */
export function verdictSummary(v: Verdict, r: VerdictInput): string {
  if (v === 'consistent') return `一致：表三、表四的勾稽关系全部成立${r.format ? `（${r.format}年格式）` : ''}。`;
  if (v === 'inconsistent')
    return `有误：发现 ${r.violations.length} 处不一致${r.missing.length ? `；另有 ${r.missing.length} 处无法核对` : ''}。`;
  const [first, ...rest] = r.missing;
  return `无法判断：${first ?? ''}${rest.length ? `（另有 ${rest.length} 处，见明细）` : ''}`;
}

/** Exit code for several reports: 有误 (2) if any, else 无法判断 (3) if any, else 0. */
export function batchExit(verdicts: readonly Verdict[]): number {
  if (verdicts.includes('inconsistent')) return VERDICT_EXIT.inconsistent;
  return verdicts.includes('undetermined') ? VERDICT_EXIT.undetermined : VERDICT_EXIT.consistent;
}
