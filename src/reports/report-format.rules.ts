/**
 * The official layout of the annual report tables (条例第五十条; 国办公开办函〔2021〕30号
 * 《中华人民共和国政府信息公开工作年度报告格式》, and its predecessor 国办公开办函〔2019〕60号),
 * as data: captions, row labels verbatim, column labels, merged header cells. REFERENCE §2.1, §2.2.
 */

/** A published format: 2021 = 国办公开办函〔2021〕30号; 2019 = 国办公开办函〔2019〕60号（试行）. */
export type ReportFormat = '2021' | '2019';

/** Format names as shown to users. */
export const FORMAT_NAMES: Record<ReportFormat, string> = {
  '2021': '2021年格式（国办公开办函〔2021〕30号）',
  '2019': '2019年格式（国办公开办函〔2019〕60号）',
};

/** Section headings of the report (一 to 六). */
export const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/** One row of a table-二 block. */
export interface Table2Row {
  label: string;
  /** True when the values may be decimal (收费金额, 万元). */
  decimal?: boolean;
}

/** One block of table 二: a caption row, a header row and data rows. */
export interface Table2Block {
  caption: string;
  columns: readonly string[];
  rows: readonly Table2Row[];
}

/** Table 二 “主动公开政府信息情况”, 2021 format (4 blocks; 第二十条第（一）（五）（六）（八）项). */
export const TABLE2_2021: readonly Table2Block[] = [
  {
    caption: '第二十条第（一）项',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [{ label: '规章' }, { label: '行政规范性文件' }],
  },
  { caption: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: [{ label: '行政许可' }] },
  {
    caption: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    rows: [{ label: '行政处罚' }, { label: '行政强制' }],
  },
  {
    caption: '第二十条第（八）项',
    columns: ['本年收费金额（单位：万元）'],
    rows: [{ label: '行政事业性收费', decimal: true }],
  },
];

/** Table 二, 2019 format (5 blocks, REFERENCE §2.2). */
export const TABLE2_2019: readonly Table2Block[] = [
  {
    caption: '第二十条第（一）项',
    columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    rows: [{ label: '规章' }, { label: '规范性文件' }],
  },
  {
    caption: '第二十条第（五）项',
    columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
    rows: [{ label: '行政许可' }, { label: '其他对外管理服务事项' }],
  },
  {
    caption: '第二十条第（六）项',
    columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
    rows: [{ label: '行政处罚' }, { label: '行政强制' }],
  },
  { caption: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'], rows: [{ label: '行政事业性收费' }] },
  {
    caption: '第二十条第（九）项',
    columns: ['采购项目数量', '采购总金额'],
    rows: [{ label: '政府集中采购', decimal: true }],
  },
];

/** The header label column of table 二. */
export const TABLE2_LABEL_HEADER = '信息内容';

/** The 7 numeric columns of table 三, in order. */
export const TABLE3_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
] as const;
/** Index of the 总计 column. */
export const TOTAL_COL = 6;
/** Group header over 商业企业 … 其他. */
export const TABLE3_LEGAL_GROUP = '法人或其他组织';
/** Group header over all 7 columns. */
export const TABLE3_APPLICANT_HEADER = '申请人情况';
/** The note printed in the top-left header cell. */
export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** What a numeric row of table 三 is. */
export type Table3Kind = 'new' | 'carried' | 'leaf' | 'total' | 'next';

/** One numeric row of table 三 (key = outcome code for leaf rows, as in requests/outcomes.rules.ts). */
export interface Table3Row {
  key: string;
  label: string;
  kind: Table3Kind;
  /** The group row label the row sits under (（三）…（六）), when any. */
  group?: string;
}

/** Group rows of table 三 that carry no numbers of their own. */
export const TABLE3_RESULT_GROUP = '三、本年度办理结果';
const G3 = '（三）不予公开';
const G4 = '（四）无法提供';
const G5 = '（五）不予处理';
const G6 = '（六）其他处理';

const HEAD: readonly Table3Row[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', kind: 'new' },
  { key: 'carried', label: '二、上年结转政府信息公开申请数量', kind: 'carried' },
  { key: '1', label: '（一）予以公开', kind: 'leaf' },
  { key: '2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', kind: 'leaf' },
  { key: '3.1', label: '1.属于国家秘密', kind: 'leaf', group: G3 },
  { key: '3.2', label: '2.其他法律行政法规禁止公开', kind: 'leaf', group: G3 },
  { key: '3.3', label: '3.危及“三安全一稳定”', kind: 'leaf', group: G3 },
  { key: '3.4', label: '4.保护第三方合法权益', kind: 'leaf', group: G3 },
  { key: '3.5', label: '5.属于三类内部事务信息', kind: 'leaf', group: G3 },
  { key: '3.6', label: '6.属于四类过程性信息', kind: 'leaf', group: G3 },
  { key: '3.7', label: '7.属于行政执法案卷', kind: 'leaf', group: G3 },
  { key: '3.8', label: '8.属于行政查询事项', kind: 'leaf', group: G3 },
  { key: '4.1', label: '1.本机关不掌握相关政府信息', kind: 'leaf', group: G4 },
  { key: '4.2', label: '2.没有现成信息需要另行制作', kind: 'leaf', group: G4 },
  { key: '4.3', label: '3.补正后申请内容仍不明确', kind: 'leaf', group: G4 },
  { key: '5.1', label: '1.信访举报投诉类申请', kind: 'leaf', group: G5 },
  { key: '5.2', label: '2.重复申请', kind: 'leaf', group: G5 },
  { key: '5.3', label: '3.要求提供公开出版物', kind: 'leaf', group: G5 },
  { key: '5.4', label: '4.无正当理由大量反复申请', kind: 'leaf', group: G5 },
  { key: '5.5', label: '5.要求行政机关确认或重新出具已获取信息', kind: 'leaf', group: G5 },
];
const TAIL: readonly Table3Row[] = [
  { key: 'total', label: '（七）总计', kind: 'total' },
  { key: 'next', label: '四、结转下年度继续办理', kind: 'next' },
];

/** The 25 numeric rows of table 三, 2021 format, in order. */
export const TABLE3_ROWS_2021: readonly Table3Row[] = [
  ...HEAD,
  { key: '6.1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', kind: 'leaf', group: G6 },
  {
    key: '6.2',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    kind: 'leaf',
    group: G6,
  },
  { key: '6.3', label: '3.其他', kind: 'leaf', group: G6 },
  ...TAIL,
];

/** The 23 numeric rows of table 三, 2019 format: （六）其他处理 is a single row (REFERENCE §2.2). */
export const TABLE3_ROWS_2019: readonly Table3Row[] = [...HEAD, { key: '6', label: G6, kind: 'leaf' }, ...TAIL];

/** Group label cells (spanning their leaf rows, beside them); 2019 has no （六） group. */
export const TABLE3_GROUPS: Record<ReportFormat, readonly string[]> = {
  '2021': [G3, G4, G5, G6],
  '2019': [G3, G4, G5],
};

/** Rows of table 三 for a format. */
export const table3Rows = (format: ReportFormat): readonly Table3Row[] =>
  format === '2021' ? TABLE3_ROWS_2021 : TABLE3_ROWS_2019;

/** Rowspan of the “三、本年度办理结果” cell: 22 (2021) or 20 (2019). */
export const resultGroupSpan = (format: ReportFormat): number =>
  table3Rows(format).filter((r) => r.kind === 'leaf' || r.kind === 'total').length;

/** Table 四 groups (the same in 2019 and 2021). */
export const TABLE4_TOP = [
  { label: '行政复议', span: 5 },
  { label: '行政诉讼', span: 10 },
] as const;
/** The three groups of five cells. */
export const TABLE4_GROUPS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;
/** The five cells of each group; the last is 总计. */
export const TABLE4_CELLS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

/** Label of table-四 cell i (0…14), e.g. “复议后起诉·总计”. */
export const table4CellLabel = (i: number): string => `${TABLE4_GROUPS[Math.floor(i / 5)]}·${TABLE4_CELLS[i % 5]}`;

/** Numbers of a report's three tables (null = a blank or “—” cell, counted as 0). */
export interface ReportTables {
  format: ReportFormat;
  /** Table 二: row label → values in column order. */
  table2: Record<string, Array<number | null>>;
  /** Table 三: row key → 7 values (TABLE3_COLUMNS order). */
  table3: Record<string, Array<number | null>>;
  /** Table 四: 15 values (TABLE4_GROUPS × TABLE4_CELLS). */
  table4: Array<number | null>;
}

/** An empty report of a format (all zeros). */
export function emptyTables(format: ReportFormat): ReportTables {
  const blocks = format === '2021' ? TABLE2_2021 : TABLE2_2019;
  const table2: ReportTables['table2'] = {};
  for (const b of blocks) for (const r of b.rows) table2[r.label] = b.columns.map(() => 0);
  const table3: ReportTables['table3'] = {};
  for (const r of table3Rows(format)) table3[r.key] = TABLE3_COLUMNS.map(() => 0);
  return { format, table2, table3, table4: Array.from({ length: 15 }, () => 0) };
}
