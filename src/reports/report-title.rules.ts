import type { ReportListRow } from './reports.store.js';

/** The title of a report, e.g. “某县交通运输局2025年政府信息公开工作年度报告”. */
export const reportTitle = (r: Pick<ReportListRow, 'org_name' | 'year'>): string =>
  `${r.org_name}${r.year}年政府信息公开工作年度报告`;
