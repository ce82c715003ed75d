import { annualTable2, type Table2 } from '../catalog/annual-table2.js';
import type { ReportSource } from './report-source.js';

/** Maps the catalogue's table 二 (2021 format) to the report's row labels and column order. */
export function fromCatalogTable2(t: Table2): Record<string, number[]> {
  return {
    规章: [t.rules.made, t.rules.abolished, t.rules.inForce],
    行政规范性文件: [t.normative.made, t.normative.abolished, t.normative.inForce],
    行政许可: [t.licensing],
    行政处罚: [t.penalties],
    行政强制: [t.enforcement],
    行政事业性收费: [Number(t.feesWan) || 0],
  };
}

/**
 * Table 二 from the catalogue (第二十条第（一）项 computed from published 规章 and 行政规范性文件; 行政许可、处罚、
 * 强制 and 收费 as entered per agency and year), 2021 format (a 2019-format report keeps only matching labels).
 */
export const catalogReportSource: ReportSource = {
  name: 'catalog',
  async table2(ctx, org, year) {
    return fromCatalogTable2(await annualTable2(ctx.db, org.path, year));
  },
};
