import { annualTable2, type Table2, table2CellItems } from '../catalog/index.js';
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

/** Table-二 rows whose figures are entered per agency and year (annual_figures). */
const COMPUTED_ELSEWHERE = new Set(['行政许可', '行政处罚', '行政强制', '行政事业性收费']);

/**
 * Table 二 from the catalogue (第二十条第（一）项 computed from published 规章 and 行政规范性文件; 行政许可、处罚、
 * 强制 and 收费 as entered per agency and year), 2021 format (a 2019-format report keeps only matching labels).
 */
export const catalogReportSource: ReportSource = {
  name: 'catalog',
  async table2(ctx, org, year) {
    return fromCatalogTable2(await annualTable2(ctx.db, org.path, year));
  },
  async records(ctx, org, year, cell, page) {
    if (cell.table !== '二') return null;
    const kind = cell.label === '规章' ? 'rules' : cell.label === '行政规范性文件' ? 'normative' : null;
    if (!kind)
      return COMPUTED_ELSEWHERE.has(cell.label)
        ? {
            entered: `“${cell.label}”的数字由单位在“年报表二数据”中按年度手工录入，不来自逐条记录。`,
            href: `/console/catalog/table2?orgId=${org.id}&year=${year}`,
          }
        : { entered: `系统不计算“${cell.label}”（2019 年格式特有的栏目），此数为手工录入。` };
    const { total, rows } = await table2CellItems(ctx, { orgId: org.id, year, kind, col: cell.col, ...page });
    return {
      what: kind === 'rules' ? '规章' : '行政规范性文件',
      columns: ['索引号', '标题', '发布机关', '成文日期', '效力'],
      rows: rows.map((i) => ({
        href: `/console/items/${i.id}`,
        cells: [i.indexNo, i.title, i.orgName, i.issuedOn, i.validity],
      })),
      total,
    };
  },
};
