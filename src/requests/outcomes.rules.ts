/**
 * The answer outcomes of a request: the 21 leaf rows of “三、本年度办理结果” in annual-report table 三
 * (table 三 has 25 numeric rows in all: 一, 二, these 21, （七）总计 and 四; REFERENCE §2.1)
 * (国办公开办函〔2021〕30号), with the article each outcome rests on (条例第三十条、第三十六条 to 第三十九条 …).
 */

/** One leaf outcome row of table 三. */
export interface OutcomeRow {
  /** Code: '1', '2', '3.1'…'3.8', '4.1'…'4.3', '5.1'…'5.5', '6.1'…'6.3'. */
  code: string;
  /** The group row (（一）…（六）), verbatim. */
  group: string;
  /** The leaf label, verbatim as printed in the report format. */
  label: string;
  /** Legal basis cited in the answer letter. */
  basis: string;
  /** True when the answer provides (part of) the information. */
  provides: boolean;
}

const G3 = '（三）不予公开';
const G4 = '（四）无法提供';
const G5 = '（五）不予处理';
const G6 = '（六）其他处理';

/** The 21 leaf outcome rows, in report order (table 三, 2021 format). */
export const OUTCOMES: readonly OutcomeRow[] = [
  {
    code: '1',
    group: '（一）予以公开',
    label: '（一）予以公开',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项',
    provides: true,
  },
  {
    code: '2',
    group: '（二）部分公开',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    basis: '《中华人民共和国政府信息公开条例》第三十七条',
    provides: true,
  },
  {
    code: '3.1',
    group: G3,
    label: '1.属于国家秘密',
    basis: '《中华人民共和国政府信息公开条例》第十四条',
    provides: false,
  },
  {
    code: '3.2',
    group: G3,
    label: '2.其他法律行政法规禁止公开',
    basis: '《中华人民共和国政府信息公开条例》第十四条',
    provides: false,
  },
  {
    code: '3.3',
    group: G3,
    label: '3.危及“三安全一稳定”',
    basis: '《中华人民共和国政府信息公开条例》第十四条',
    provides: false,
  },
  {
    code: '3.4',
    group: G3,
    label: '4.保护第三方合法权益',
    basis: '《中华人民共和国政府信息公开条例》第十五条、第三十二条',
    provides: false,
  },
  {
    code: '3.5',
    group: G3,
    label: '5.属于三类内部事务信息',
    basis: '《中华人民共和国政府信息公开条例》第十六条第一款',
    provides: false,
  },
  {
    code: '3.6',
    group: G3,
    label: '6.属于四类过程性信息',
    basis: '《中华人民共和国政府信息公开条例》第十六条第二款',
    provides: false,
  },
  {
    code: '3.7',
    group: G3,
    label: '7.属于行政执法案卷',
    basis: '《中华人民共和国政府信息公开条例》第十六条第二款',
    provides: false,
  },
  // [R] in REFERENCE §2.1: no 条例 wording; compare 第三十六条第（七）项.
  {
    code: '3.8',
    group: G3,
    label: '8.属于行政查询事项',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
    provides: false,
  },
  {
    code: '4.1',
    group: G4,
    label: '1.本机关不掌握相关政府信息',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项',
    provides: false,
  },
  {
    code: '4.2',
    group: G4,
    label: '2.没有现成信息需要另行制作',
    basis: '《中华人民共和国政府信息公开条例》第三十八条',
    provides: false,
  },
  {
    code: '4.3',
    group: G4,
    label: '3.补正后申请内容仍不明确',
    basis: '《中华人民共和国政府信息公开条例》第三十条',
    provides: false,
  },
  {
    code: '5.1',
    group: G5,
    label: '1.信访举报投诉类申请',
    basis: '《中华人民共和国政府信息公开条例》第三十九条第一款',
    provides: false,
  },
  {
    code: '5.2',
    group: G5,
    label: '2.重复申请',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（六）项',
    provides: false,
  },
  {
    code: '5.3',
    group: G5,
    label: '3.要求提供公开出版物',
    basis: '《中华人民共和国政府信息公开条例》第三十九条第二款',
    provides: false,
  },
  {
    code: '5.4',
    group: G5,
    label: '4.无正当理由大量反复申请',
    basis: '《中华人民共和国政府信息公开条例》第三十五条',
    provides: false,
  },
  // [R] in REFERENCE §2.1: no direct article.
  {
    code: '5.5',
    group: G5,
    label: '5.要求行政机关确认或重新出具已获取信息',
    basis: '《中华人民共和国政府信息公开条例》第三十六条',
    provides: false,
  },
  {
    code: '6.1',
    group: G6,
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    basis: '《中华人民共和国政府信息公开条例》第三十条',
    provides: false,
  },
  {
    code: '6.2',
    group: G6,
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    basis: '《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    provides: false,
  },
  { code: '6.3', group: G6, label: '3.其他', basis: '《中华人民共和国政府信息公开条例》', provides: false },
];

const BY_CODE = new Map(OUTCOMES.map((o) => [o.code, o]));

/** The outcome row for a code, or undefined. */
export const outcomeByCode = (code: string): OutcomeRow | undefined => BY_CODE.get(code);

/** True for one of the 21 leaf outcome codes. */
export const isOutcomeCode = (code: string): boolean => BY_CODE.has(code);

/** Display text “（三）不予公开 · 1.属于国家秘密” (a row that is its own group, as （二）部分公开（…）, once). */
export function outcomeText(code: string): string {
  const o = BY_CODE.get(code);
  if (!o) return code;
  return o.label.startsWith(o.group) ? o.label : `${o.group} · ${o.label}`;
}

/** Maps the clock's abandonment outcome ('六.1' / '六.2') to an outcome code. */
export const outcomeFromClock = (o: '六.1' | '六.2'): string => (o === '六.1' ? '6.1' : '6.2');

/** The 25 numeric rows of table 三 (2021 format), verbatim, with the outcome code where the row is an outcome. */
export const TABLE3_ROWS: ReadonlyArray<{ row: string; label: string; outcome: string | null }> = [
  { row: '一', label: '一、本年新收政府信息公开申请数量', outcome: null },
  { row: '二', label: '二、上年结转政府信息公开申请数量', outcome: null },
  ...OUTCOMES.map((o) => ({ row: `三.${o.code}`, label: o.label, outcome: o.code })),
  { row: '三.(七)', label: '（七）总计', outcome: null },
  { row: '四', label: '四、结转下年度继续办理', outcome: null },
];
