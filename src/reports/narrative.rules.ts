/**
 * Draft text of the narrative sections (条例第五十条; 国办公开办函〔2021〕30号 一、报告内容): 一 总体情况
 * prefilled from the statistics, 六 其他需要报告的事项 with the 信息处理费 collected (国办函〔2020〕109号).
 */
import { TOTAL_COL, type ReportTables } from './report-format.rules.js';

const tot = (v: Array<number | null> | undefined): number => v?.[TOTAL_COL] ?? 0;

/** Draft of section 一 from the numbers. */
export function overviewDraft(t: ReportTables, year: number, orgName: string): string {
  const n = (label: string, i = 0): number => t.table2[label]?.[i] ?? 0;
  const granted = tot(t.table3['1']) + tot(t.table3['2']);
  const t4 = (g: number): number => t.table4[g * 5 + 4] ?? 0;
  return [
    `${year}年，${orgName}认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。`,
    `（一）主动公开。本年制发规章 ${n('规章')} 件、${t.format === '2021' ? '行政规范性文件' : '规范性文件'} ${n(t.format === '2021' ? '行政规范性文件' : '规范性文件')} 件；作出行政许可决定 ${n('行政许可', t.format === '2021' ? 0 : 2)} 件、行政处罚决定 ${n('行政处罚', t.format === '2021' ? 0 : 2)} 件。`,
    `（二）依申请公开。本年新收政府信息公开申请 ${tot(t.table3.new)} 件，上年结转 ${tot(t.table3.carried)} 件；办结 ${tot(t.table3.total)} 件，其中予以公开或部分公开 ${granted} 件；结转下年度继续办理 ${tot(t.table3.next)} 件。`,
    `（三）监督保障。本年因政府信息公开工作被申请行政复议 ${t4(0)} 件，被提起行政诉讼 ${t4(1) + t4(2)} 件。`,
  ].join('\n');
}

/** Draft of section 六 with the information processing fees actually collected (yuan), when known. */
export function otherDraft(year: number, feesYuan: number | null): string {
  if (feesYuan === null)
    return `依据《政府信息公开信息处理费管理办法》规定，${year}年本机关实际收取信息处理费共计（待填写）元。`;
  return `依据《政府信息公开信息处理费管理办法》规定，${year}年本机关实际收取信息处理费共计${feesYuan}元。`;
}
