/** Main indicators of a report across years (条例第五十条 (二)(三)): the figures shown in the history chart. */
import { TOTAL_COL, type ReportTables } from './report-format.rules.js';

/** Indicator names, in chart order. */
export const INDICATORS = ['本年新收申请', '本年办结', '结转下年度', '行政复议', '行政诉讼'] as const;

/** The indicators of one report. */
export function indicatorsOf(t: ReportTables): number[] {
  const tot = (k: string): number => t.table3[k]?.[TOTAL_COL] ?? 0;
  const g = (i: number): number => t.table4[i * 5 + 4] ?? 0;
  return [tot('new'), tot('total'), tot('next'), g(0), g(1) + g(2)];
}
